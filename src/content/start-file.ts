import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { HeadRow } from './brief-db.js';
import { withOptional } from './stored-brief.js';

/** Which store, and which of its writes, a start file was written after. */
export interface StoreState {
  store: string;
  generation: number;
}

interface Header extends StoreState {
  format: string;
  /** The heads are written in parts of at most CHUNK records: one JSON text of a million would near V8's string limit. */
  headParts: number[];
  indexBytes: number;
  crc: number;
}

/** Bumped whenever the layout below changes. */
const FORMAT = '1';
const CHUNK = 50_000;
const MAGIC = Buffer.from('BBsf');

type Record = [
  file: string, size: number, mtimeMs: number, savedAt: number, version: string, id: number, slug: string, title: string,
  topics: string[], published: string, updated: string | null, lang: string, translationOf: string | null,
  aliases: string[] | null, publisher: string, url: string, draft: 0 | 1,
];

function toRecord({ id, size, mtimeMs, savedAt, version, head }: HeadRow): Record {
  return [
    head.file, size, mtimeMs, savedAt, version, id, head.slug, head.title, head.topics, head.published, head.updated ?? null,
    head.lang, head.translationOf ?? null, head.aliases ?? null, head.publisher, head.url, head.draft ? 1 : 0,
  ];
}

function fromRecord(r: Record): HeadRow {
  const [file, size, mtimeMs, savedAt, version, id, slug, title, topics, published, updated, lang, translationOf, aliases, publisher, url, draft] = r;
  const head = withOptional({ slug, title, topics, published, lang, publisher, url, draft: draft === 1, file }, { updated, translationOf, aliases });
  return { id, size, mtimeMs, savedAt, version, head };
}

/**
 * What a warm start needs, in one file beside the brief store: every brief's head and the saved
 * search indexes. One read and one CRC replace a row-by-row walk of the store and a checksum
 * per row. Written to a temporary name and renamed, so a crash or a full disk leaves the last
 * whole file; it is used only for the very store state it was written after.
 */
export function writeStartFile(path: string, state: StoreState, heads: Iterable<HeadRow>, index: Buffer): void {
  const parts: Buffer[] = [];
  let records: Record[] = [];
  for (const row of heads) {
    records.push(toRecord(row));
    if (records.length === CHUNK) {
      parts.push(Buffer.from(JSON.stringify(records)));
      records = [];
    }
  }
  parts.push(Buffer.from(JSON.stringify(records)));
  const crc = parts.reduce((sum, part) => crc32(part, sum), 0);
  const header: Header = { format: FORMAT, ...state, headParts: parts.map((p) => p.length), indexBytes: index.length, crc: crc32(index, crc) };
  const json = Buffer.from(JSON.stringify(header));
  const lead = Buffer.alloc(8);
  MAGIC.copy(lead);
  lead.writeUInt32LE(json.length, 4);
  // One name, so that a write cut short (a kill at a stop) leaves one file that the next write replaces.
  const temporary = `${path}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (const part of [lead, json, ...parts, index]) writeAll(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The start file's heads and index when it was written after exactly `state` and is whole; why not otherwise. */
export function readStartFile(path: string, state: StoreState): { heads: Iterable<HeadRow>; index: Buffer } | { absent: true } | { refused: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { absent: true };
  }
  if (bytes.length < 8 || !bytes.subarray(0, 4).equals(MAGIC)) return { refused: 'start file is not one' };
  const bodyAt = 8 + bytes.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, bodyAt)) as Header;
  } catch {
    return { refused: 'start file header is damaged' };
  }
  if (header.format !== FORMAT) return { refused: `start file format ${header.format}, expected ${FORMAT}` };
  if (header.store !== state.store || header.generation !== state.generation)
    return { refused: 'start file was written for another state of the store' };
  const indexAt = header.headParts.reduce((at, length) => at + length, bodyAt);
  if (bytes.length !== indexAt + header.indexBytes) return { refused: 'start file is truncated' };
  const index = bytes.subarray(indexAt);
  if (crc32(index, crc32(bytes.subarray(bodyAt, indexAt))) !== header.crc) return { refused: 'start file fails its CRC' };
  return { heads: headsOf(bytes, bodyAt, header.headParts), index };
}

function* headsOf(bytes: Buffer, from: number, parts: readonly number[]): Generator<HeadRow> {
  let at = from;
  for (const length of parts) {
    const records = JSON.parse(bytes.toString('utf8', at, (at += length))) as Record[];
    for (const record of records) yield fromRecord(record);
  }
}
