import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { scanContentDir } from '../content/scan.js';

const SLUG_LINE = /^slug:\s*["']?([a-z0-9-]+)["']?\s*(#.*)?$/m;

/**
 * The content files, outside `draftsDir`, that already claim `slug` (by file
 * name or a `slug:` line). Publishing a draft with the same slug would be
 * refused as a duplicate, so the editor hears of it now.
 */
export async function slugClashes(contentDir: string, slug: string, draftsDir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await scanContentDir(contentDir);
  } catch {
    return [];
  }
  const drafts = relative(resolve(contentDir), resolve(draftsDir));
  const clashes: string[] = [];
  for (const file of files) {
    if (drafts && !drafts.startsWith('..') && file.startsWith(`${drafts}/`)) continue;
    const base = file.replace(/^.*\//, '').replace(/\.md$/i, '').toLowerCase();
    const text = await readFile(join(contentDir, file), 'utf8').catch(() => '');
    const declared = SLUG_LINE.exec(text.slice(0, 4000))?.[1];
    if ((declared ?? base) === slug) clashes.push(join(contentDir, file));
  }
  return clashes;
}
