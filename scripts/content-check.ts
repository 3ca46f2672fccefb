import { ContentStore } from '../src/content/store.js';
import { formatContentError } from '../src/content/parse.js';
import { silentLogger } from '../src/core/logger.js';

/** `npm run content:check [dir]`: validates every file; exit 1 on any error, for newsrooms' CI. */
async function main(): Promise<number> {
  const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? './content';
  const store = new ContentStore({ dir, logger: silentLogger() });
  let report;
  try {
    report = await store.load();
  } catch (error) {
    process.stderr.write(`content:check: cannot read ${dir}: ${(error as Error).message}\n`);
    return 1;
  }
  for (const error of report.errors) process.stdout.write(`${formatContentError(error)}\n`);
  const drafts = report.drafts > 0 ? ` and ${report.drafts} draft${report.drafts === 1 ? '' : 's'}` : '';
  if (report.errors.length > 0) {
    const n = report.errors.length;
    process.stdout.write(
      `\n${n} error${n === 1 ? '' : 's'}; ${report.briefs} valid brief${report.briefs === 1 ? '' : 's'}${drafts} in ${dir}\n`,
    );
    return 1;
  }
  process.stdout.write(`${report.briefs} valid brief${report.briefs === 1 ? '' : 's'}${drafts} in ${dir}\n`);
  return 0;
}

process.exitCode = await main();
