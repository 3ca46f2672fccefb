import { startApp, type App } from './app.js';
import { createConsoleAdapter } from './adapters/console/index.js';
import { Screen } from './adapters/console/screen.js';
import { answerWithoutStarting, readArguments } from './cli.js';
import { ConfigError, loadDotEnv, parseConfig, type Config } from './config.js';
import { chooseLogFormat } from './core/log-format.js';
import { createLogger } from './core/logger.js';
import { runOneShot } from './one-shot.js';
import { platformAdapters } from './platforms.js';

function readConfig(): Config {
  try {
    loadDotEnv();
    return parseConfig(process.env);
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`briefbot: configuration error: ${message}\n`);
    process.exit(2);
  }
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
  const format = chooseLogFormat(process.env.LOG_FORMAT, process.stderr.isTTY === true);
  const logger = createLogger(level, { format, write: (line) => screen.print(line, 'err') });

  if (request.kind === 'oneShot') process.exit(await runOneShot(config, logger, request.line));

  const running: { app?: App } = {};
  const shutdown = async (signal: string, code = 0) => {
    logger.info({ signal }, 'shutting down');
    await running.app?.stop();
    process.exit(code);
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
  process.stderr.write(`briefbot: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
});

main().catch((error: unknown) => {
  process.stderr.write(`briefbot: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
