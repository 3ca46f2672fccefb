import type { Config } from '../config.js';
import type { ContentStore } from '../content/store.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../core/logger.js';
import type { DeliveryResult, Platform, Reply } from '../core/types.js';

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
  /**
   * Sends a reply into a chat on the adapter's own initiative (subscription updates, posts).
   * `bulk` sends are paced to the platform's limits and never delay replies to users.
   */
  deliver?(chatId: string, reply: Reply, options: { bulk: boolean }): Promise<DeliveryResult>;
}
