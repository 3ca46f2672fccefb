import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from './draft.js';
import { IngestError } from './errors.js';

const MAX_TRIES = 50;

/**
 * Writes the draft as `<slug>.md` in `dir` (or `<slug>-2.md`, ... when taken:
 * an editor's half-finished draft is never overwritten). The file appears
 * whole: written under a hidden temporary name, then linked into place, so a
 * watcher never reads half a draft. Returns the path written.
 */
export async function writeDraft(draft: Draft, dir: string): Promise<string> {
  try {
    await mkdir(dir, { recursive: true });
  } catch {
    throw new IngestError(`cannot create the folder ${dir}`);
  }
  const temp = join(dir, `.ingest-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, draft.text, { encoding: 'utf8', flag: 'wx' });
  } catch {
    throw new IngestError(`cannot write into ${dir}`);
  }
  try {
    for (let n = 1; n <= MAX_TRIES; n++) {
      const path = join(dir, n === 1 ? `${draft.slug}.md` : `${draft.slug}-${n}.md`);
      try {
        await link(temp, path);
        return path;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new IngestError(`cannot write ${path}`);
      }
    }
    throw new IngestError(`${dir} already holds ${MAX_TRIES} drafts named ${draft.slug}; pass --slug`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
