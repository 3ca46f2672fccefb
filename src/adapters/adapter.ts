import type { Config } from '../config.js';
import type { ContentStore } from '../content/store.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../core/logger.js';
import type { Platform } from '../core/types.js';

/** What every adapter gets: the bot to ask, the store to watch, the config and a logger. */
export interface AdapterContext {
  bot: Bot;
  store: ContentStore;
  config: Config;
  logger: Logger;
}

export interface Adapter {
  readonly platform: Platform;
  start(): Promise<void>;
  /** Stops taking work, finishes what is under way (briefly), releases connections. */
  stop(): Promise<void>;
}
