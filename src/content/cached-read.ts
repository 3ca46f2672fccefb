import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Brief } from './brief.js';
import { PARSE_OFF_THREAD_FROM_BYTES } from './limits.js';
import { digestOf, type ParseCache } from './parse-cache.js';
import type { ContentError } from './parse.js';
import { parseFiles } from './parse-pool.js';
import { stampOf, type FileRead, type FileStamp } from './read-brief.js';

/** What one file gives the store: a brief, a draft, errors, or nothing (it is gone). */
export type FileOutcome = { file: string; brief?: Brief; draft?: boolean; errors?: ContentError[]; missing?: boolean };

/** Reads files in their given order: unchanged ones from the cache, the rest parsed (on threads when many). */
export async function readThroughCache(
dir: string,
cache: ParseCache,
files: readonly string[],
stamps: readonly (FileStamp | undefined)[] | undefined,
parseThreads: number | undefined,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = new Array(files.length);
  const position = new Map<string, number>();
  const toParse: string[] = [];
  let largest = 0;
  files.forEach((file, i) => {
    const stamp = stamps ? stamps[i] : stampOf(join(dir, file));
    const cached = fromCache(dir, cache, file, stamp);
    if (cached) out[i] = cached;
    else {
      position.set(file, i);
      toParse.push(file);
      largest = Math.max(largest, stamp?.size ?? 0);
    }
  });
  await parseFiles(dir, toParse, {
    ...(parseThreads === undefined ? {} : { threads: parseThreads }),
    offThread: largest >= PARSE_OFF_THREAD_FROM_BYTES,
    onRead: (read) => {
      out[position.get(read.file)!] = outcomeOf(cache, read);
    },
  });
  // Written in one transaction; from then on the briefs served are the stored ones (heads only in memory).
  cache.commit();
  for (const i of position.values()) {
    const outcome = out[i]!;
    const stored = outcome.brief && cache.briefOf(outcome.file);
    if (stored) out[i] = { file: stored.file, brief: stored };
  }
  return out;
}

function fromCache(dir: string, cache: ParseCache, file: string, stamp: FileStamp | undefined): FileOutcome | undefined {
  if (!stamp) return undefined;
  let brief = cache.fresh(file, stamp);
  if (brief === 'check') {
    try {
      brief = cache.get(file, digestOf(readFileSync(join(dir, file))));
    } catch {
      return undefined;
    }
  }
  if (!brief) return undefined;
  // The brief's own path string, so the store's maps do not keep a second copy of every path.
  return brief.draft ? { file: brief.file, draft: true } : { file: brief.file, brief };
}

function outcomeOf(cache: ParseCache, read: FileRead): FileOutcome {
  if ('missing' in read) return { file: read.file, missing: true };
  if ('errors' in read) return { file: read.file, errors: read.errors };
  const { brief } = read;
  cache.set(brief.file, read.digest, brief, read.stamp, read.version);
  return brief.draft ? { file: brief.file, draft: true } : { file: brief.file, brief };
}

