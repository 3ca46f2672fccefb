import { join } from 'node:path';
import { contentDirProblem, foldersNamedLikeBriefs } from '../src/content/content-dir.js';
import { formatContentError } from '../src/content/parse.js';
import { ContentStore } from '../src/content/store.js';
import { silentLogger } from '../src/core/logger.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `npm run content:check [dir]`: validates every file; exit 1 on any error, for newsrooms' CI. */
async function main(): Promise<number> {
  const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? './content';
  const problem = contentDirProblem(dir);
  if (problem) {
    process.stderr.write(`content:check: ${problem} Pass the folder as an argument or set CONTENT_DIR.\n`);
    return 1;
  }
  const store = new ContentStore({ dir, logger: silentLogger() });
  let report;
  try {
    report = await store.load();
  } catch (error) {
    process.stderr.write(`content:check: cannot read ${dir}: ${(error as Error).message}\n`);
    return 1;
  }
  for (const folder of await foldersNamedLikeBriefs(dir)) {
    process.stdout.write(
      `${join(dir, folder)} is a folder, not a brief: a brief is a file ending in .md (briefs inside the folder are read as usual)\n`,
    );
  }
  for (const error of report.errors) process.stdout.write(`${formatContentError(error)}\n`);
  const drafts = report.drafts > 0 ? ` and ${plural(report.drafts, 'draft')}` : '';
  if (report.errors.length > 0) {
    const summary = `${plural(report.errors.length, 'error')}; ${plural(report.briefs, 'valid brief')}${drafts} in ${dir}`;
    process.stdout.write(`\n${summary}\n`);
    return 1;
  }
  if (report.briefs === 0 && report.drafts === 0) {
    process.stderr.write(`content:check: there are no briefs in ${dir} (no .md files): is it the right folder?\n`);
    return 1;
  }
  process.stdout.write(`${plural(report.briefs, 'valid brief')}${drafts} in ${dir}\n`);
  return 0;
}

process.exitCode = await main();
