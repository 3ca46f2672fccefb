import type { Brief } from './brief.js';
import { newestFirst } from './rankings.js';

/** Marks a saved blob that carries the start structures ahead of the search indexes. */
const MAGIC = Buffer.from('BBst');

/** What a start would otherwise compute for every brief: the newest-first order and each title's key. */
export interface StartStructures {
  newest: Brief[];
  titleKeys: string[];
}

/**
 * Frames the start structures (slugs newest first, their title keys) ahead of the saved
 * search indexes, so a warm start reads them instead of sorting and normalising every brief.
 */
export function frameSaved(search: Buffer, newest: readonly Brief[], titleKey: (brief: Brief) => string): Buffer {
  const json = Buffer.from(JSON.stringify({ slugs: newest.map((b) => b.slug), titleKeys: newest.map(titleKey) }));
  const head = Buffer.alloc(8);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(json.length, 4);
  return Buffer.concat([head, json, search]);
}

/** The search part of a saved blob, and the start part when there is one (older blobs have none). */
export function unframeSaved(bytes: Buffer): { search: Buffer; start: Buffer | undefined } {
  if (bytes.length < 8 || !bytes.subarray(0, 4).equals(MAGIC)) return { search: bytes, start: undefined };
  const end = 8 + bytes.readUInt32LE(4);
  if (end > bytes.length) throw new Error('saved start structures are truncated');
  return { search: bytes.subarray(end), start: bytes.subarray(8, end) };
}

/**
 * The saved start structures for exactly these briefs, or undefined when they were saved for
 * others (another set of slugs, or an order the briefs' dates no longer give).
 */
export function restoreStart(start: Buffer, bySlug: ReadonlyMap<string, Brief>): StartStructures | undefined {
  const { slugs, titleKeys } = JSON.parse(start.toString('utf8')) as { slugs: string[]; titleKeys: string[] };
  if (slugs.length !== bySlug.size || titleKeys.length !== slugs.length) return undefined;
  const newest: Brief[] = new Array<Brief>(slugs.length);
  for (let i = 0; i < slugs.length; i++) {
    const brief = bySlug.get(slugs[i]!);
    // Distinct slugs in strict newest-first order: one pass instead of a sort.
    if (!brief || (i > 0 && newestFirst(newest[i - 1]!, brief) >= 0)) return undefined;
    newest[i] = brief;
  }
  return { newest, titleKeys };
}
