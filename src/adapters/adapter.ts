import type { Config } from '../config.js';
import type { ContentStore } from '../content/store.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../core/logger.js';
import type { Metrics } from '../core/metrics.js';
import type { AdapterNote } from '../core/services.js';
import type { DeliveryResult, Platform, Reply, TargetInfo } from '../core/types.js';
import type { HttpRoutes } from '../http/server.js';

export interface DeliverOptions {
  /** Paced to the platform's limits behind replies (subscription updates). */
  bulk: boolean;
  /**
   * A person asked for this message to go into another chat (a moderator's `/post` naming a
   * channel): the adapter first checks, with the platform, that they may post there too, and
   * answers `forbidden` when they may not.
   */
  onBehalfOf?: { userId: string; fromChatId: string };
  /**
   * Names this send across retries and restarts (a delivery's id): a platform that can fold a
   * repeated send (Discord's `nonce`) is given it, so a send repeated after a crash arrives once.
   */
  idempotencyKey?: string;
  /** Where the chat is a forum: the post a delivery of this brief opened there, which takes the update as a reply. */
  forumThread?: string;
  /** Publish the message to the servers following the channel, where the platform has that (Discord announcements). */
  publish?: boolean;
}

/** What every adapter gets: the bot to ask, the store to watch, the config and a logger. */
export interface AdapterContext {
  bot: Bot;
  store: ContentStore;
  config: Config;
  logger: Logger;
  /**
   * The platform moved a chat to a new id (a Telegram group became a supergroup): subscriptions
   * and pending updates follow it. Absent where nothing is kept per chat (the one-shot terminal).
   */
  chatMigrated?: (platform: Platform, fromChatId: string, toChatId: string) => Promise<void>;
  /**
   * Remembers a platform update as handled: true the first time a key is claimed, false for a
   * repeat, across restarts (the store's `claimUpdate`). Absent: nothing is remembered.
   */
  claimUpdate?: (platform: Platform, key: string) => Promise<boolean>;
  /** Counters the adapter reports to (429s seen). */
  metrics: Metrics;
  /** The HTTP listener, in platform mode: webhooks and interactions register their routes here. */
  http?: HttpRoutes;
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
  deliver?(chatId: string, reply: Reply, options: DeliverOptions): Promise<DeliveryResult>;
  /** What kind of chat `chatId` is, after checking (with `onBehalfOf`) that the person may post there. */
  inspect?(chatId: string, onBehalfOf?: { userId: string; fromChatId: string }): Promise<TargetInfo>;
  /** Trouble the adapter keeps track of (publishes left undone), for /status. */
  notes?(): AdapterNote[];
}
