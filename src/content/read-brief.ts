import { lstatSync, readFileSync, realpathSync, stat, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Brief } from './brief.js';
import { fileSizeProblem } from './limits.js';
import { digestOf } from './parse-cache.js';
import { briefVersion } from './version.js';
import { parseBriefFile, type ContentError } from './parse.js';

/** What reading one content file gave, before the store decides what to do with it. */
export type FileRead =
  | { file: string; missing: true }
  | { file: string; errors: ContentError[]; stamp?: FileStamp }
  | { file: string; brief: Brief; digest: string; stamp: FileStamp; version: string };

const OUTSIDE_LINK = 'is a link that leads outside the content folder; such links are not followed';

/** Size and modification time: enough to know a file is unchanged without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Turns "docs/x.md" into the path an editor sees: "content/docs/x.md". */
export function displayPathOf(dir: string, file: string): string {
  const full = join(dir, file);
  const rel = relative(process.cwd(), full);
  return rel.startsWith('..') || isAbsolute(rel) ? full : rel;
}

/** Where a link leads, unless that is outside the content folder (or nowhere). */
function linkInside(dir: string, path: string): boolean {
  try {
    const target = realpathSync(path);
    const inside = relative(realpathSync(dir), target);
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
  } catch {
    return false;
  }
}

export function stampOf(path: string): FileStamp | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

interface Gathering {
  stamps: (FileStamp | undefined)[] | undefined;
  left: number;
  settle: ((stamps: (FileStamp | undefined)[]) => void) | undefined;
}

/**
 * Stamps of many files, asked of the I/O threads all at once so that they are gathered
 * while this thread does other work (a warm start deserialises the cache meanwhile).
 */
export function stampsOf(dir: string, files: readonly string[]): Promise<(FileStamp | undefined)[]> {
  return new Promise((resolve) => {
    const gathering: Gathering = { stamps: new Array<FileStamp | undefined>(files.length), left: files.length, settle: resolve };
    if (files.length === 0) finish(gathering);
    files.forEach((file, i) => statInto(join(dir, file), i, gathering));
  });
}

// Node keeps the last stat callback's scope alive after it ran. Here that scope reaches only the
// gathering, emptied when done, not the list of files or the stamps (150 MB at a million files).
function statInto(path: string, i: number, gathering: Gathering): void {
  stat(path, (err, stats) => {
    gathering.stamps![i] = err || !stats.isFile() ? undefined : { size: stats.size, mtimeMs: stats.mtimeMs };
    if (--gathering.left === 0) finish(gathering);
  });
}

function finish(gathering: Gathering): void {
  const { stamps, settle } = gathering;
  gathering.stamps = undefined;
  gathering.settle = undefined;
  settle!(stamps!);
}

/** Reads and parses one file; used alike by the store and by parser worker threads. */
export function readBrief(dir: string, file: string): FileRead {
  const path = join(dir, file);
  let bytes: Buffer;
  let stamp: FileStamp | undefined;
  try {
    if (lstatSync(path).isSymbolicLink() && !linkInside(dir, path)) {
      return { file, errors: [{ file: displayPathOf(dir, file), path: '', message: OUTSIDE_LINK }] };
    }
    stamp = stampOf(path);
    const tooLarge = stamp ? fileSizeProblem(stamp.size) : undefined;
    if (stamp && tooLarge) return { file, errors: [{ file: displayPathOf(dir, file), path: '', message: tooLarge }], stamp };
    bytes = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, missing: true };
    return { file, errors: [{ file: displayPathOf(dir, file), path: '', message: `cannot be read (${(err as Error).message})` }] };
  }
  if (!stamp) return { file, missing: true };
  const result = parseBriefFile(displayPathOf(dir, file), bytes.toString('utf8'));
  if (!result.ok) return { file, errors: result.errors, stamp };
  const brief = { ...result.brief, file };
  // Worked out here, on the parser's thread when there is one, rather than on the main thread.
  return { file, brief, digest: digestOf(bytes), stamp, version: briefVersion(brief) };
}
