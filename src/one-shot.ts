import { answerLine } from './adapters/console/index.js';
import { isFailure } from './adapters/console/io.js';
import { Screen } from './adapters/console/screen.js';
import { startApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './core/logger.js';
import { noMetrics } from './core/metrics.js';
import { renderText } from './core/render-text.js';

/**
 * `npm start -- /brief xinjiang`: one answer on stdout, then the exit code (1 for a miss or an
 * error). No platform starts, even when tokens are set: this form is for scripts.
 */
export async function runOneShot(config: Config, logger: Logger, line: string): Promise<number> {
  const app = await startApp(config, { logger, watch: false, adapters: () => [] });
  const reply = await answerLine({ bot: app.bot, store: app.store, config, logger, metrics: noMetrics }, line);
  if (reply) process.stdout.write(`${new Screen(process.stdout, process.stderr).fit(renderText(reply))}\n`);
  await app.stop();
  return isFailure(reply) ? 1 : 0;
}
