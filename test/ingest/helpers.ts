import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeInput } from '../../src/ingest/decode.js';
import type { RawInput } from '../../src/ingest/read-input.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ingest');

/** A fixture page read the way the command line reads a file. */
export async function fixture(name: string): Promise<RawInput> {
  const bytes = await readFile(join(FIXTURES, name));
  const kind = name.endsWith('.html') ? 'html' : 'text';
  return { ...decodeInput(bytes, name, { kind }), name };
}
