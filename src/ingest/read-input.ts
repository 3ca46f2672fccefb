import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeInput, type InputKind } from './decode.js';
import { IngestError } from './errors.js';

/** Article pages are far smaller; anything bigger is not a page an editor saved. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export interface RawInput {
  text: string;
  kind: InputKind;
  /** What to call the input in messages: the file name or "standard input". */
  name: string;
}

const tooBig = (name: string) =>
  new IngestError(`${name} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB; that is not an article page`);

async function readCapped(chunks: AsyncIterable<Uint8Array | string>, name: string): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw tooBig(name);
    parts.push(buf);
  }
  return Buffer.concat(parts);
}

async function readFileCapped(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IngestError(
      code === 'ENOENT'
        ? `${path}: no such file`
        : code === 'EACCES'
          ? `${path}: permission denied`
          : `${path}: cannot open it`,
    );
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new IngestError(`${path} is a folder, not a file`);
    if (info.size > MAX_INPUT_BYTES) throw tooBig(path);
    return await readCapped(handle.createReadStream({ autoClose: false }), path);
  } finally {
    await handle.close();
  }
}

function kindFromExtension(path: string): InputKind | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text') return 'text';
  return undefined;
}

/** Reads a file, or standard input for `-`, into decoded text and its kind. */
export async function readInput(
  path: string,
  options: { encoding?: string | undefined; stdin?: AsyncIterable<Uint8Array | string> } = {},
): Promise<RawInput> {
  const fromStdin = path === '-';
  const name = fromStdin ? 'standard input' : path;
  const bytes = fromStdin ? await readCapped(options.stdin ?? process.stdin, name) : await readFileCapped(path);
  const decoded = decodeInput(bytes, name, {
    encoding: options.encoding,
    kind: fromStdin ? undefined : kindFromExtension(path),
  });
  return { ...decoded, name };
}
