/** What windows-1252 puts at 0x80-0x9F; the bytes it leaves undefined map to themselves. */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/** Labels that the WHATWG Encoding Standard (and so every browser) reads as windows-1252. */
export const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'latin1',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'l1',
  'ascii',
  'us-ascii',
  'ansi_x3.4-1968',
  'cp819',
  'ibm819',
  'iso-ir-100',
]);

/**
 * Decodes windows-1252 as browsers do. Node 20's TextDecoder reads these
 * labels as ISO-8859-1, turning curly quotes and dashes into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? (HIGH[b - 0x80] ?? b) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
