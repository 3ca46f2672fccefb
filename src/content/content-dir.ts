import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { isContentFile } from './scan.js';

/**
 * Why the content folder cannot be used, in one sentence naming it; `undefined` when it is a
 * readable folder. Said before loading, so that nobody has to decode `ENOENT ... scandir`.
 */
export function contentDirProblem(dir: string): string | undefined {
  const where = resolve(dir) === dir ? dir : `${dir} (${resolve(dir)})`;
  try {
    if (!statSync(dir).isDirectory()) return `the content folder ${where} is a file, not a folder.`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `the content folder ${where} does not exist.`;
    if (code === 'EACCES' || code === 'EPERM') return `the content folder ${where} cannot be read (permission denied).`;
    return `the content folder ${where} cannot be read (${code ?? (error as Error).message}).`;
  }
  return undefined;
}

/** Folders whose names end in `.md`: an editor probably meant a brief file there. */
export async function foldersNamedLikeBriefs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(isContentFile)
    .sort();
}
