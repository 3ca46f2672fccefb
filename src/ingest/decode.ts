import { IngestError } from './errors.js';
import { WINDOWS_1252_LABELS, decodeWindows1252 } from './windows-1252.js';

export type InputKind = 'html' | 'text';

const BINARY_SIGNATURES: [string, number[]][] = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or a Word document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Byte-order marks settle the encoding before anything else. */
function bomEncoding(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

function rejectBinary(bytes: Uint8Array, name: string): void {
  for (const [what, signature] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) {
      throw new IngestError(`${name} looks like ${what}, not a web page; save the article as HTML or plain text`);
    }
  }
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new IngestError(`${name} is a binary file, not HTML or text`);
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > head.length * 0.01) throw new IngestError(`${name} is a binary file, not HTML or text`);
}

/** The charset a page declares in its first few kilobytes (`<meta charset>` or http-equiv). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

function decoderFor(label: string, name: string): { decode(bytes: Uint8Array): string } {
  if (WINDOWS_1252_LABELS.has(label)) return { decode: decodeWindows1252 };
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new IngestError(`${name} uses an unknown text encoding "${label}"; convert it to UTF-8 first`);
  }
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return (
    /^<(!doctype html|html|head|body|meta|title|article|div|p)\b/.test(head) || /<(html|body|head)[\s>]/.test(head)
  );
}

/**
 * Turns raw bytes into text: refuses binary files, honours a BOM, then a declared
 * charset (or `encoding`), then insists on valid UTF-8 rather than guessing.
 */
export function decodeInput(
  bytes: Uint8Array,
  name: string,
  options: { encoding?: string | undefined; kind?: InputKind | undefined } = {},
): { text: string; kind: InputKind } {
  if (bytes.length === 0) throw new IngestError(`${name} is empty`);
  const bom = bomEncoding(bytes);
  if (!bom) rejectBinary(bytes, name);

  const label = options.encoding?.toLowerCase() ?? bom ?? declaredCharset(bytes) ?? 'utf-8';
  let text: string;
  try {
    text = decoderFor(label, name).decode(bytes);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(
      label === 'utf-8'
        ? `${name} is not valid UTF-8 and declares no encoding; pass --encoding (for example windows-1252)`
        : `${name} is not valid ${label} text; pass the right --encoding`,
    );
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new IngestError(`${name} is empty`);
  if (/[\u0000]/.test(text)) throw new IngestError(`${name} is a binary file, not HTML or text`);
  return { text, kind: options.kind ?? (looksLikeHtml(text) ? 'html' : 'text') };
}
