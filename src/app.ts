import { dirname, join } from 'node:path';
import { coreCommands } from '../commands/index.js';
import type { Adapter, AdapterContext } from './adapters/adapter.js';
import type { Config } from './config.js';
import { ContentStore } from './content/store.js';
import { startWatching, type ContentWatcher } from './content/watch.js';
import { Bot } from './core/bot.js';
import type { Logger } from './core/logger.js';
import { noMetrics } from './core/metrics.js';
import { Operators } from './core/operators.js';
import type { CommandLimiter } from './core/rate-limit.js';
import { openBackend, type Backend } from './cluster/backend.js';
import { LeaderFanOut, type FanOutControl } from './cluster/leader-fan-out.js';
import type { Leadership } from './cluster/leadership.js';
import { AdapterDirectory } from './fanout/adapter-directory.js';
import { FanOut, type FanOutOptions } from './fanout/fan-out.js';
import { AdapterPublisher } from './fanout/publisher.js';
import { statusSource } from './fanout/status-source.js';
import { createFront, within } from './http/front.js';
import { PromMetrics } from './http/metrics.js';
import type { HttpServer } from './http/server.js';
import type { DataStore } from './store/data-store.js';
import { checkSqliteFile } from './store/integrity.js';
import { StoreHealth } from './store/store-health.js';
import { watchStore } from './store/watched-store.js';
import { isLocalPlatform } from './platforms.js';
import { registerWeb } from './web/register.js';

export interface App {
  bot: Bot;
  store: ContentStore;
  /** Subscriptions, deliveries and the post audit log (SQLite, or PostgreSQL with DATABASE_URL). */
  data: DataStore;
  /** The fan-out; with PostgreSQL it runs only while this instance leads. */
  fanout: FanOutControl;
  /** Whether this instance runs the fan-out (always, with SQLite). */
  leadership: Leadership;
  adapters: Adapter[];
  /** The HTTP listener (platform mode only) and the port it is bound to. */
  http?: { server: HttpServer; port: number };
  /** Resolves once the content folder is watched and what changed before that is reloaded (at once when not watching). */
  contentWatched: Promise<void>;
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

/** How long requests under way may take once stopping begins, before their connections are cut. */
const HTTP_GRACE_MS = 2000;
const READY_CHECK_MS = 2000;

/** Opens the content store and the database, builds the bot, starts the adapters, then the fan-out. */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const started = performance.now();
  const store = new ContentStore({
    dir: config.contentDir,
    logger,
    // Serve what the brief store holds at once; the folder is checked in the background.
    ...(config.databasePath === ':memory:'
      ? {}
      : { cacheFile: join(dirname(config.databasePath), 'content-store.sqlite') }),
    checkInBackground: true,
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

  const metrics = config.http ? new PromMetrics() : undefined;
  const parts: {
    backend?: Backend;
    fanout?: FanOutControl;
    watcher?: ContentWatcher;
    rateLimiter?: CommandLimiter;
    adapters: Adapter[];
    directory: AdapterDirectory;
    http?: HttpServer;
    phase: 'starting' | 'ready' | 'stopping';
  } = { adapters: [], directory: new AdapterDirectory(metrics), phase: 'starting' };
  const step = async (name: string, run: () => Promise<void> | void) => {
    try {
      await run();
    } catch (err) {
      logger.error({ err }, `shutdown: ${name} failed`);
    }
  };
  // Sends under way finish through their adapter before it stops; the database closes last.
  const shutdown = async () => {
    parts.phase = 'stopping';
    await step('http listener', () => parts.http?.close(HTTP_GRACE_MS));
    await step('content watcher', () => parts.watcher?.close());
    await step('fan-out', () => parts.fanout?.stop());
    await step('leadership', () => (parts.backend?.kind === 'postgres' ? parts.backend.leadership.stop() : undefined));
    await step('adapters', async () => {
      await Promise.allSettled(parts.adapters.map((a) => a.stop()));
      for (const adapter of parts.adapters) parts.directory.markDown(adapter.platform);
    });
    await step('rate limiter', () => parts.rateLimiter?.close());
    await step('database', () => parts.backend?.data.close());
    await step('content cache', () => store.flushCache());
  };

  try {
    const { directory } = parts;
    if (!config.databaseUrl) checkAtStart(config.databasePath, logger);
    const backend = (parts.backend = await openBackend(config, logger));
    const health = new StoreHealth(logger);
    const data = watchStore(backend.data, health);
    const { leadership } = backend;
    // Telegram keeps an update for 24 hours; a week of handled ids covers every redelivery.
    await data.forgetUpdatesBefore(Date.now() - 7 * 24 * 3600_000);
    const makeFanOut = () =>
      new FanOut({
        quietMs: config.announceQuietSeconds * 1000,
        ...options.fanout,
        store: data,
        library: store.library,
        adapters: directory,
        logger,
      });
    // With SQLite: before the watcher starts, so what changed while the bot was down is announced
    // first. With PostgreSQL the leader does that when it takes over, from the recorded versions.
    let fanout: FanOutControl;
    let startSending: () => Promise<void> | void;
    if (backend.kind === 'sqlite') {
      const sole = makeFanOut();
      await sole.attach();
      fanout = sole;
      startSending = () => sole.start();
    } else {
      fanout = new LeaderFanOut(backend.leadership, makeFanOut, data, logger);
      startSending = () => backend.leadership.start();
    }
    parts.fanout = fanout;
    let contentWatched = Promise.resolve();
    if (options.watch !== false)
      ({ watcher: parts.watcher, caughtUp: contentWatched } = watchInBackground(store, logger));
    const rateLimiter = (parts.rateLimiter = backend.rateLimiter);

    const services = {
      subscriptions: data,
      publisher: new AdapterPublisher({ store: data, adapters: directory, logger }),
      status: statusSource(store, directory, leadership, health),
      operators: new Operators(config.operators),
    };
    const bot = new Bot({
      library: store.library,
      commands: coreCommands,
      logger,
      rateLimiter,
      services,
      metrics: metrics ?? noMetrics,
      unlimited: isLocalPlatform,
    });
    if (metrics) {
      metrics.observe({
        pendingDeliveries: () => data.countPending(['discord', 'telegram']),
        isLeader: () => leadership.isLeader(),
        briefsLoaded: () => store.library.size,
        contentErrors: () => store.errors().length,
      });
      parts.http = createFront({
        logger,
        leadership,
        metrics,
        notReady: async () => {
          if (parts.phase !== 'ready') return parts.phase === 'starting' ? 'starting' : 'shutting down';
          const check = within(data.knownVersion(''), READY_CHECK_MS, 'the database');
          return check.then(
            () => undefined,
            (error: unknown) => `database: ${error instanceof Error ? error.message : String(error)}`,
          );
        },
      });
      const consoleOn = config.console ? { console: { ...config.console, data: backend.consoleData } } : {};
      registerWeb(parts.http, { store, logger, ...consoleOn });
    }
    const ctx: AdapterContext = {
      bot,
      store,
      config,
      logger,
      chatMigrated: (platform, from, to) => fanout.migrateChat(platform, from, to),
      claimUpdate: (platform, key) => data.claimUpdate(platform, key),
      metrics: metrics ?? noMetrics,
      ...(parts.http ? { http: parts.http } : {}),
    };
    const adapters = (parts.adapters = await options.adapters(ctx));
    for (const adapter of adapters) directory.register(adapter);
    // Listening before the adapters start: Telegram delivers as soon as the webhook is set.
    const port = parts.http && config.http ? await parts.http.listen(config.http.port) : undefined;
    for (const adapter of adapters) {
      await adapter.start();
      directory.markUp(adapter.platform);
    }
    await startSending();
    parts.phase = 'ready';

    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= shutdown());
    const http = parts.http && port !== undefined ? { server: parts.http, port } : undefined;
    // Serving already; the start is complete once what changed in the folder while stopped is served too.
    await store.checked;
    return { bot, store, data, fanout, leadership, adapters, contentWatched, ...(http ? { http } : {}), stop };
  } catch (error) {
    await shutdown();
    throw error;
  }
}

/**
 * A watcher over a large folder takes seconds to become ready (100,000 files: ~10 s), so the bot
 * serves meanwhile; once it is ready, files that changed during that time are reloaded.
 */
function watchInBackground(store: ContentStore, logger: Logger): { watcher: ContentWatcher; caughtUp: Promise<void> } {
  const started = performance.now();
  const watcher = startWatching(store, { logger });
  const caughtUp = watcher.ready
    .then(() => store.reconcile())
    .then((report) => {
      const ms = Math.round(performance.now() - started);
      logger.debug({ ms, caughtUp: report.changes.length }, 'content watcher ready');
    })
    .catch((err: unknown) => logger.error({ err }, 'content watcher could not catch up; edits may need a restart'));
  return { watcher, caughtUp };
}

/** A damaged SQLite file stops the start, with an error in the log and a message saying what to do. */
function checkAtStart(path: string, logger: Logger): void {
  try {
    checkSqliteFile(path);
  } catch (err) {
    logger.error({ err }, 'the database failed its check at start');
    throw err;
  }
}
