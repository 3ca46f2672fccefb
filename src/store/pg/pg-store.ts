import type pg from 'pg';
import type { Logger } from '../../core/logger.js';
import { DEFAULT_STYLE, type DeliveryStyle, type Platform } from '../../core/types.js';
import type {
  ChatKey,
  DataStore,
  Delivery,
  DeliveryEnd,
  Label,
  PostRecord,
  SubscribeOutcome,
  Subscription,
} from '../data-store.js';
import type { ConsoleData } from '../console-data.js';
import { consoleQueries, toDollarParams } from '../console-queries.js';
import * as settings from './chat-settings.js';
import * as deliveries from './deliveries.js';
import { DatabaseUnavailableError, isConnectionError } from './errors.js';
import { migratePg } from './migrate.js';
import { createPool, waitForDatabase, type PoolOptions, type WaitOptions } from './pool.js';
import * as records from './records.js';
import * as subs from './subscriptions.js';

export interface PgStoreOptions extends PoolOptions {
  /** Clock for timestamps; tests may pin it. */
  now?: () => number;
  /** How start-up waits for a database that does not answer yet. */
  wait?: WaitOptions;
}

/**
 * The DataStore on PostgreSQL, shared by every instance of a fleet. A call made while the
 * database does not answer fails with a DatabaseUnavailableError, whose message users may see.
 */
export class PgStore implements DataStore {
  private readonly now: () => number;

  constructor(
    readonly pool: pg.Pool,
    options: Pick<PgStoreOptions, 'now'> = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw isConnectionError(error) ? new DatabaseUnavailableError(error) : error;
    }
  }

  subscribe(chat: ChatKey, topic: string, by: string, style = DEFAULT_STYLE): Promise<SubscribeOutcome> {
    return this.guard(() => subs.subscribe(this.pool, chat, topic, by, this.now(), style));
  }
  unsubscribe(chat: ChatKey, topic: string): Promise<boolean> {
    return this.guard(() => subs.unsubscribe(this.pool, chat, topic));
  }
  subscriptionsOf(chat: ChatKey): Promise<Subscription[]> {
    return this.guard(() => subs.subscriptionsOf(this.pool, chat));
  }
  subscriptionsWithin(chat: ChatKey): Promise<Subscription[]> {
    return this.guard(() => subs.subscriptionsWithin(this.pool, chat));
  }
  subscribedChats(topics: readonly string[]): Promise<ChatKey[]> {
    return this.guard(() => subs.subscribedChats(this.pool, topics));
  }
  chatLanguage(chat: ChatKey): Promise<string | undefined> {
    return this.guard(() => settings.chatLanguage(this.pool, chat));
  }
  setChatLanguage(chat: ChatKey, language: string | undefined): Promise<void> {
    return this.guard(() => settings.setChatLanguage(this.pool, chat, language));
  }
  setReaderLanguage(chat: ChatKey, language: string): Promise<void> {
    return this.guard(() => settings.setReaderLanguage(this.pool, chat, language));
  }
  deliveryLanguage(chat: ChatKey): Promise<string | undefined> {
    return this.guard(() => settings.deliveryLanguage(this.pool, chat));
  }
  forumThread(chat: ChatKey, slug: string): Promise<string | undefined> {
    return this.guard(() => subs.forumThread(this.pool, chat, slug));
  }
  rememberForumThread(chat: ChatKey, slug: string, threadId: string): Promise<void> {
    return this.guard(() => subs.rememberForumThread(this.pool, chat, slug, threadId, this.now()));
  }
  isSubscribed(chat: ChatKey, topics: readonly string[]): Promise<boolean> {
    return this.guard(() => subs.isSubscribed(this.pool, chat, topics));
  }
  deliveryStyle(chat: ChatKey, topics: readonly string[]): Promise<DeliveryStyle | undefined> {
    return this.guard(() => subs.deliveryStyle(this.pool, chat, topics));
  }
  recordUnreachable(chat: ChatKey): Promise<number> {
    return this.guard(() => subs.recordUnreachable(this.pool, chat));
  }
  recordReachable(chat: ChatKey): Promise<void> {
    return this.guard(() => subs.recordReachable(this.pool, chat));
  }
  deactivateChat(chat: ChatKey, reason: string): Promise<number> {
    return this.guard(() => subs.deactivateChat(this.pool, chat, reason, this.now()));
  }
  migrateChat(platform: Platform, fromChatId: string, toChatId: string): Promise<void> {
    if (fromChatId === toChatId) return Promise.resolve();
    return this.guard(() => subs.migrateChat(this.pool, platform, fromChatId, toChatId));
  }

  knownVersions(): Promise<Map<string, string>> {
    return this.guard(() => records.knownVersions(this.pool));
  }
  knownVersion(slug: string): Promise<string | undefined> {
    return this.guard(() => records.knownVersion(this.pool, slug));
  }
  announce(slug: string, version: string, label: Label, chats: readonly ChatKey[]): Promise<number> {
    return this.guard(() => deliveries.announce(this.pool, slug, version, label, chats, this.now()));
  }

  claimDue(platform: Platform, now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    return this.guard(() => deliveries.claimDue(this.pool, platform, now, limit, leaseMs));
  }
  releaseClaims(): Promise<number> {
    return this.guard(() => deliveries.releaseClaims(this.pool));
  }
  countPending(platforms: readonly Platform[], chat?: ChatKey): Promise<number> {
    return this.guard(() => deliveries.countPending(this.pool, platforms, chat));
  }
  nextDueAfter(platforms: readonly Platform[], after: number): Promise<number | undefined> {
    return this.guard(() => deliveries.nextDueAfter(this.pool, platforms, after));
  }
  markAttempt(id: number): Promise<void> {
    return this.guard(() => deliveries.markAttempt(this.pool, id, this.now()));
  }
  countUnknownOutcomes(): Promise<number> {
    return this.guard(() => deliveries.countUnknownOutcomes(this.pool));
  }
  markDone(id: number, messageIds: readonly string[]): Promise<void> {
    return this.guard(() => deliveries.markDone(this.pool, id, messageIds, this.now()));
  }
  retryAt(id: number, at: number, error: string): Promise<void> {
    return this.guard(() => deliveries.retryAt(this.pool, id, at, error));
  }
  finish(id: number, end: DeliveryEnd, reason: string): Promise<void> {
    return this.guard(() => deliveries.finish(this.pool, id, end, reason, this.now()));
  }
  expirePending(before: number): Promise<number> {
    return this.guard(() => deliveries.expirePending(this.pool, before, this.now()));
  }

  claimUpdate(platform: Platform, updateId: string): Promise<boolean> {
    return this.guard(() => records.claimUpdate(this.pool, platform, updateId, this.now()));
  }
  forgetUpdatesBefore(before: number): Promise<number> {
    return this.guard(() => records.forgetUpdatesBefore(this.pool, before));
  }
  recordPost(post: PostRecord): Promise<void> {
    return this.guard(() => records.recordPost(this.pool, post));
  }
  recentPosts(limit: number): Promise<PostRecord[]> {
    return this.guard(() => records.recentPosts(this.pool, limit));
  }

  private closing: Promise<void> | undefined;
  /** The console's paged reads over this database. */
  consoleData(): ConsoleData {
    return consoleQueries(
      async (sql, params) =>
        (await this.pool.query(toDollarParams(sql), [...params])).rows as Record<string, unknown>[],
      async (sql, params) => (await this.pool.query(toDollarParams(sql), [...params])).rowCount ?? 0,
    );
  }

  close(): Promise<void> {
    return (this.closing ??= this.pool.end());
  }
}

/**
 * Connects (waiting, with growing pauses and a log line each, until the database answers),
 * applies the migrations under an advisory lock, and returns the store.
 */
export async function openPgStore(url: string, logger: Logger, options: PgStoreOptions = {}): Promise<PgStore> {
  const pool = createPool(url, logger, options);
  try {
    await waitForDatabase(pool, url, logger, options.wait);
    await migratePg(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return new PgStore(pool, options);
}
