import { dirname, join } from 'node:path';
import { coreCommands } from '../commands/index.js';
import type { Adapter, AdapterContext } from './adapters/adapter.js';
import type { Config } from './config.js';
import { ContentStore } from './content/store.js';
import { startWatching, type ContentWatcher } from './content/watch.js';
import { Bot } from './core/bot.js';
import type { Logger } from './core/logger.js';
import { Operators } from './core/operators.js';
import { RateLimiter } from './core/rate-limit.js';
import { AdapterDirectory } from './fanout/adapter-directory.js';
import { FanOut, type FanOutOptions } from './fanout/fan-out.js';
import { AdapterPublisher } from './fanout/publisher.js';
import { provideSubscriptionServices } from './fanout/services.js';
import { statusSource } from './fanout/status-source.js';
import type { DataStore } from './store/data-store.js';
import { checkSqliteFile } from './store/integrity.js';
import { openSqliteStore } from './store/sqlite-store.js';
import { StoreHealth } from './store/store-health.js';
import { watchStore } from './store/watched-store.js';

export interface App {
  bot: Bot;
  store: ContentStore;
  /** Subscriptions, deliveries and the post audit log (SQLite at `config.databasePath`). */
  data: DataStore;
  fanout: FanOut;
  adapters: Adapter[];
  stop(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** Watch the content folder for changes (on by default). */
  watch?: boolean;
  /** Builds the adapters for this config; the platform ones come from `platformAdapters`. */
  adapters: (ctx: AdapterContext) => Adapter[] | Promise<Adapter[]>;
  /** Fan-out tuning (retry timings, concurrency); the defaults suit production. */
  fanout?: Omit<FanOutOptions, 'store' | 'library' | 'adapters' | 'logger'>;
}

/** Opens the content store and the database, builds the bot, starts the adapters, then the fan-out. */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const started = performance.now();
  const store = new ContentStore({
    dir: config.contentDir,
    logger,
    cacheFile: join(dirname(config.databasePath), 'content-cache.bin'),
  });
  const report = await store.load();
  logger.info(
    {
      briefs: report.briefs,
      drafts: report.drafts,
      errors: report.errors.length,
      ms: Math.round(performance.now() - started),
    },
    `content loaded from ${config.contentDir}`,
  );

  const parts: {
    data?: DataStore;
    fanout?: FanOut;
    watcher?: ContentWatcher;
    rateLimiter?: RateLimiter;
    adapters: Adapter[];
    directory: AdapterDirectory;
  } = { adapters: [], directory: new AdapterDirectory() };
  const step = async (name: string, run: () => Promise<void> | void) => {
    try {
      await run();
    } catch (err) {
      logger.error({ err }, `shutdown: ${name} failed`);
    }
  };
  // Sends under way finish through their adapter before it stops; the database closes last.
  const shutdown = async () => {
    await step('content watcher', () => parts.watcher?.close());
    await step('fan-out', () => parts.fanout?.stop());
    await step('adapters', async () => {
      await Promise.allSettled(parts.adapters.map((a) => a.stop()));
      for (const adapter of parts.adapters) parts.directory.markDown(adapter.platform);
    });
    await step('rate limiter', () => parts.rateLimiter?.close());
    await step('database', () => parts.data?.close());
    await step('content cache', () => store.flushCache());
  };

  try {
    const { directory } = parts;
    const health = new StoreHealth(logger);
    try {
      checkSqliteFile(config.databasePath);
    } catch (err) {
      logger.error({ err }, 'the database failed its check at start');
      throw err;
    }
    const data = (parts.data = watchStore(openSqliteStore(config.databasePath), health));
    const fanout = (parts.fanout = new FanOut({
      quietMs: config.announceQuietSeconds * 1000,
      ...options.fanout,
      store: data,
      library: store.library,
      adapters: directory,
      logger,
    }));
    // Before the watcher starts: what changed while the bot was down is announced first.
    await fanout.attach();
    if (options.watch !== false) parts.watcher = watchInBackground(store, logger);
    const rateLimiter = (parts.rateLimiter = new RateLimiter(config.rateLimit));

    const services = provideSubscriptionServices({
      store: data,
      publisher: new AdapterPublisher({ store: data, adapters: directory, logger }),
      status: statusSource(store, directory, health),
      fanout,
      operators: new Operators(config.operators),
    });
    const bot = new Bot({ library: store.library, commands: coreCommands, logger, rateLimiter, services });
    const ctx: AdapterContext = { bot, store, config, logger };
    const adapters = (parts.adapters = await options.adapters(ctx));
    for (const adapter of adapters) directory.register(adapter);
    for (const adapter of adapters) {
      await adapter.start();
      directory.markUp(adapter.platform);
    }
    await fanout.start();

    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= shutdown());
    return { bot, store, data, fanout, adapters, stop };
  } catch (error) {
    await shutdown();
    throw error;
  }
}

/**
 * A watcher over a large folder takes seconds to become ready (100,000 files: ~10 s), so the bot
 * serves meanwhile; once it is ready, files that changed during that time are reloaded.
 */
function watchInBackground(store: ContentStore, logger: Logger): ContentWatcher {
  const started = performance.now();
  const watcher = startWatching(store, { logger });
  watcher.ready
    .then(() => store.reconcile())
    .then((report) => {
      const ms = Math.round(performance.now() - started);
      logger.debug({ ms, caughtUp: report.changes.length }, 'content watcher ready');
    })
    .catch((err: unknown) => logger.error({ err }, 'content watcher could not catch up; edits may need a restart'));
  return watcher;
}
