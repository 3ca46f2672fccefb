import { startApp, type App } from './app.js';
import { createConsoleAdapter } from './adapters/console/index.js';
import { Screen } from './adapters/console/screen.js';
import { answerWithoutStarting, readArguments } from './cli.js';
import { ConfigError, loadDotEnv, parseConfig, type Config } from './config.js';
import { contentDirProblem } from './content/content-dir.js';
import { chooseLogFormat } from './core/log-format.js';
import { createLogger } from './core/logger.js';
import { runOneShot } from './one-shot.js';
import { safeMessage, scrubSecrets } from './core/redact.js';
import { stopWithin } from './deadline.js';
import { platformAdapters } from './platforms.js';

/** However stopping goes, the process ends this long after the signal. */
const SHUTDOWN_DEADLINE_MS = 10_000;

function readConfig(): Config {
  let config: Config | undefined;
  const problems: string[] = [];
  try {
    loadDotEnv();
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) problems.push(...error.message.split('\n'));
    else problems.push(safeMessage(error));
  }
  const dirProblem = contentDirProblem(config?.contentDir ?? (process.env.CONTENT_DIR || './content'));
  if (dirProblem) problems.push(`CONTENT_DIR: ${dirProblem}`);
  if (config && problems.length === 0) return config;
  process.stderr.write(
    scrubSecrets(
      problems.length === 1
        ? `briefbot: configuration error: ${problems[0]}\n`
        : `briefbot: ${problems.length} configuration errors:\n${problems.map((p) => `  - ${p}\n`).join('')}`,
    ),
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const request = readArguments(process.argv.slice(2));
  const early = answerWithoutStarting(request);
  if (early !== undefined) process.exit(early);
  const config = readConfig();
  const oneShot = request.kind === 'oneShot';
  const terminal = oneShot || (!config.discord && !config.telegram);
  // The terminal is for reading replies: only warnings reach stderr unless LOG_LEVEL asks for more.
  const level = terminal && !process.env.LOG_LEVEL ? 'warn' : config.logLevel;
  const screen = new Screen(process.stdout, process.stderr);
  const format = chooseLogFormat(config.logFormat, process.stderr.isTTY === true);
  const logger = createLogger(level, { format, write: (line) => screen.print(line, 'err') });

  if (request.kind === 'oneShot') process.exit(await runOneShot(config, logger, request.line));

  const running: { app?: App } = {};
  const shutdown = async (signal: string, code = 0) => {
    logger.info({ signal }, 'shutting down');
    const stopped = await stopWithin(async () => running.app?.stop(), SHUTDOWN_DEADLINE_MS);
    if (!stopped)
      logger.error({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting anyway');
    process.exit(stopped ? code : 1);
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
              screen,
              onClose: (failed) => void shutdown('end of input', failed ? 1 : 0),
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
