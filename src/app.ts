import { dirname, join } from 'node:path';
import { coreCommands } from '../commands/index.js';
import type { Adapter, AdapterContext } from './adapters/adapter.js';
import type { Config } from './config.js';
import { ContentStore } from './content/store.js';
import { watchContent } from './content/watch.js';
import { Bot } from './core/bot.js';
import type { Logger } from './core/logger.js';
import { RateLimiter } from './core/rate-limit.js';

export interface App {
  bot: Bot;
  store: ContentStore;
  adapters: Adapter[];
  stop(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** Watch the content folder for changes (on by default). */
  watch?: boolean;
  /** Builds the adapters for this config; the platform ones come from `platformAdapters`. */
  adapters: (ctx: AdapterContext) => Adapter[];
}

/** Opens the content store, builds the bot and starts the given adapters. */
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
  const stopWatching = options.watch === false ? undefined : await watchContent(store, { logger });
  const rateLimiter = new RateLimiter(config.rateLimit);
  const bot = new Bot({ library: store.library, commands: coreCommands, logger, rateLimiter });
  const ctx: AdapterContext = { bot, store, config, logger };
  const adapters = options.adapters(ctx);
  for (const adapter of adapters) await adapter.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await stopWatching?.();
      rateLimiter.close();
    })());
  return { bot, store, adapters, stop };
}
