import { startApp, type App } from './app.js';
import { createConsoleAdapter } from './adapters/console/index.js';
import { answerLine } from './adapters/console/index.js';
import { ConfigError, loadDotEnv, parseConfig, type Config } from './config.js';
import { createLogger } from './core/logger.js';
import { noMetrics } from './core/metrics.js';
import { scrubSecrets, safeMessage } from './core/redact.js';
import { renderText } from './core/render-text.js';
import { stopWithin } from './deadline.js';
import { platformAdapters } from './platforms.js';

/** However stopping goes, the process ends this long after the signal. */
const SHUTDOWN_DEADLINE_MS = 10_000;

function readConfig(): Config {
  try {
    loadDotEnv();
    return parseConfig(process.env);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : safeMessage(error);
    process.stderr.write(`briefbot: configuration error: ${scrubSecrets(message)}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const oneShot = process.argv.slice(2).join(' ').trim();
  const terminal = !config.discord && !config.telegram;
  // The terminal is for reading replies: only warnings reach stderr unless LOG_LEVEL asks for more.
  const logger = createLogger(terminal && !process.env.LOG_LEVEL ? 'warn' : config.logLevel);

  if (terminal && oneShot) {
    const app = await startApp(config, { logger, watch: false, adapters: () => [] });
    const reply = await answerLine({ bot: app.bot, store: app.store, config, logger, metrics: noMetrics }, oneShot);
    if (reply) process.stdout.write(`${renderText(reply)}\n`);
    await app.stop();
    const failed = !reply || reply.kind === 'notFound' || (reply.kind === 'text' && reply.tone !== 'info');
    process.exit(failed ? 1 : 0);
  }

  const running: { app?: App } = {};
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const stopped = await stopWithin(async () => running.app?.stop(), SHUTDOWN_DEADLINE_MS);
    if (!stopped)
      logger.error({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting anyway');
    process.exit(stopped ? 0 : 1);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const app = await startApp(config, {
    logger,
    adapters: (ctx) =>
      terminal
        ? [
            createConsoleAdapter(ctx, {
              input: process.stdin,
              output: process.stdout,
              onClose: () => void shutdown('end of input'),
            }),
          ]
        : platformAdapters(ctx),
  });
  running.app = app;
  if (!terminal) logger.info({ adapters: app.adapters.map((a) => a.platform) }, 'briefbot is running');
}

process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
  process.stderr.write(`briefbot: unhandled rejection: ${scrubSecrets(text)}\n`);
});

main().catch((error: unknown) => {
  process.stderr.write(`briefbot: could not start: ${safeMessage(error)}\n`);
  process.exit(1);
});
