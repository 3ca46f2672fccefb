import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Whether a path inside the content folder is a brief file (hidden folders and READMEs are not). */
export function isContentFile(relPath: string): boolean {
  const parts = relPath.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return false;
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/**
 * Every brief file under `dir`, as sorted paths relative to it with `/` separators. Links to
 * files are listed (reading them checks where they lead); linked folders are never entered,
 * so a link cannot loop or bring in another tree. The watcher follows the same rule.
 */
export async function scanContentDir(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(isContentFile)
    .sort();
}
