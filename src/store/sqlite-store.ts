import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_STYLE, type DeliveryStyle, type Platform } from '../core/types.js';
import type {
  ChatKey,
  DataStore,
  Delivery,
  DeliveryEnd,
  Label,
  PostRecord,
  SubscribeOutcome,
  Subscription,
} from './data-store.js';
import type { ConsoleData } from './console-data.js';
import { consoleQueries } from './console-queries.js';
import { migrate } from './migrations.js';
import { byDueThenId, postParams, toDelivery, toPost, toSubscription } from './rows.js';
import * as chatQueries from './sqlite/chat-queries.js';
import { chatSettings } from './sqlite/chat-settings.js';
import { lockDatabaseFile } from './sqlite/file-lock.js';
import { prepareStatements, type Statements } from './sqlite/statements.js';

/** `?, ?, ?` for an IN list (never empty). */
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export interface SqliteStoreOptions {
  /** Clock for timestamps; tests may pin it. */
  now?: () => number;
}

/**
 * The DataStore on one SQLite file (WAL mode), with the schema migrated on open. One process
 * at a time: `<file>.lock` names the holder, and a second process is refused.
 */
export class SqliteStore implements DataStore {
  private readonly db: BetterSqlite3.Database;
  private readonly now: () => number;
  private readonly sql: Statements;
  private readonly settings: ReturnType<typeof chatSettings>;
  private readonly unlock: () => void;

  constructor(
    readonly path: string,
    options: SqliteStoreOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.unlock = path === ':memory:' ? () => {} : lockDatabaseFile(path);
    try {
      this.db = new BetterSqlite3(path);
    } catch (error) {
      this.unlock();
      throw error;
    }
    this.now = options.now ?? Date.now;
    try {
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: every commit survives a crash of the process; a power cut may undo the
      // last few, which at worst re-sends a delivery (an fsync per message would cost ~3 ms each).
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db, path);
      this.sql = prepareStatements(this.db);
      this.settings = chatSettings(this.db);
    } catch (error) {
      this.db.close();
      this.unlock();
      throw error;
    }
  }

  async subscribe(chat: ChatKey, topic: string, by: string, style = DEFAULT_STYLE): Promise<SubscribeOutcome> {
    const previews = style.linkPreviews ? 1 : 0;
    const publish = style.publish ? 1 : 0;
    return this.db.transaction((): SubscribeOutcome => {
      const existing = this.sql.findSubscription.get(chat.platform, chat.chatId, topic);
      // Someone just typed in this chat, so it can be reached again: paused topics resume.
      this.sql.resumeChat.run(chat.platform, chat.chatId);
      if (!existing) {
        const { platform, chatId } = chat;
        this.sql.insertSubscription.run(platform, chatId, topic, this.now(), by, style.format, previews, publish);
        return 'added';
      }
      const restyled =
        existing.format !== style.format || existing.link_previews !== previews || existing.publish !== publish;
      if (restyled) this.sql.setStyle.run(style.format, previews, publish, chat.platform, chat.chatId, topic);
      if (existing.active !== 1) return 'resumed';
      return restyled ? 'changed' : 'exists';
    })();
  }

  async unsubscribe(chat: ChatKey, topic: string): Promise<boolean> {
    return this.sql.deleteSubscription.run(chat.platform, chat.chatId, topic).changes > 0;
  }

  async subscriptionsOf(chat: ChatKey): Promise<Subscription[]> {
    return this.sql.subscriptionsOf.all(chat.platform, chat.chatId).map(toSubscription);
  }

  async subscriptionsWithin(chat: ChatKey): Promise<Subscription[]> {
    return chatQueries.subscriptionsWithin(this.db, chat);
  }

  async subscribedChats(topics: readonly string[]): Promise<ChatKey[]> {
    if (topics.length === 0) return [];
    const rows = this.db
      .prepare<string[], { platform: Platform; chat_id: string }>(
        `SELECT DISTINCT platform, chat_id FROM subscriptions WHERE active = 1 AND topic IN (${marks(topics.length)})
           ORDER BY platform, chat_id`,
      )
      .all(...topics);
    return rows.map((r) => ({ platform: r.platform, chatId: r.chat_id }));
  }

  async chatLanguage(chat: ChatKey): Promise<string | undefined> {
    return this.settings.chatLanguage(chat);
  }

  async setChatLanguage(chat: ChatKey, language: string | undefined): Promise<void> {
    this.settings.setChatLanguage(chat, language);
  }

  async setReaderLanguage(chat: ChatKey, language: string): Promise<void> {
    this.settings.setReaderLanguage(chat, language);
  }

  async deliveryLanguage(chat: ChatKey): Promise<string | undefined> {
    return this.settings.deliveryLanguage(chat);
  }

  async forumThread(chat: ChatKey, slug: string): Promise<string | undefined> {
    return chatQueries.forumThread(this.db, chat, slug);
  }

  async rememberForumThread(chat: ChatKey, slug: string, threadId: string): Promise<void> {
    chatQueries.rememberForumThread(this.db, chat, slug, threadId, this.now());
  }

  async isSubscribed(chat: ChatKey, topics: readonly string[]): Promise<boolean> {
    if (topics.length === 0) return false;
    const row = this.db
      .prepare(
        `SELECT 1 FROM subscriptions WHERE platform = ? AND chat_id = ? AND active = 1
           AND topic IN (${marks(topics.length)}) LIMIT 1`,
      )
      .get(chat.platform, chat.chatId, ...topics);
    return row !== undefined;
  }

  async deliveryStyle(chat: ChatKey, topics: readonly string[]): Promise<DeliveryStyle | undefined> {
    return chatQueries.deliveryStyle(this.db, chat, topics);
  }

  async recordUnreachable(chat: ChatKey): Promise<number> {
    return this.db.transaction(() => {
      this.sql.bumpStreak.run(chat.platform, chat.chatId);
      return this.sql.streakOf.get(chat.platform, chat.chatId)?.streak ?? 0;
    })();
  }

  async recordReachable(chat: ChatKey): Promise<void> {
    this.sql.resetStreak.run(chat.platform, chat.chatId);
  }

  async deactivateChat(chat: ChatKey, reason: string): Promise<number> {
    return this.db.transaction(() => {
      const now = this.now();
      const paused = this.sql.pauseChat.run(reason, now, chat.platform, chat.chatId).changes;
      this.sql.dropPendingOfChat.run(`chat deactivated: ${reason}`, now, chat.platform, chat.chatId);
      return paused;
    })();
  }

  async migrateChat(platform: Platform, fromChatId: string, toChatId: string): Promise<void> {
    if (fromChatId === toChatId) return;
    this.db.transaction(() => {
      // Rows the new chat already has win; the old chat's duplicates go.
      this.sql.moveSubscriptions.run(toChatId, platform, fromChatId);
      this.sql.deleteSubscriptionsOf.run(platform, fromChatId);
      this.sql.moveDeliveries.run(toChatId, platform, fromChatId);
      this.sql.deleteDeliveriesOf.run(platform, fromChatId);
      this.settings.migrate(platform, fromChatId, toChatId);
    })();
  }

  async knownVersions(): Promise<Map<string, string>> {
    return new Map(this.sql.knownVersions.all().map((r) => [r.slug, r.version]));
  }

  async knownVersion(slug: string): Promise<string | undefined> {
    return this.sql.knownVersion.get(slug)?.version;
  }

  async announce(slug: string, version: string, label: Label, chats: readonly ChatKey[]): Promise<number> {
    return this.db.transaction(() => {
      const now = this.now();
      this.sql.setVersion.run(slug, version, now);
      let added = 0;
      for (const chat of chats) {
        // An earlier version not yet on its way will be superseded; if it was New, this one is news too.
        const waiting = this.sql.pendingLabel.get(chat.platform, chat.chatId, slug, version);
        const effective = waiting?.label === 'New' ? 'New' : label;
        added += this.sql.insertDelivery.run(chat.platform, chat.chatId, slug, version, effective, now, now).changes;
      }
      return added;
    })();
  }

  async claimDue(platform: Platform, now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    const claim = this.db.transaction(() => this.sql.claimDue.all(now + leaseMs, platform, now, now, limit));
    return claim.immediate().map(toDelivery).sort(byDueThenId);
  }

  async releaseClaims(): Promise<number> {
    return this.sql.releaseClaims.run().changes;
  }

  async countPending(platforms: readonly Platform[], chat?: ChatKey): Promise<number> {
    if (platforms.length === 0) return 0;
    const where = chat ? ' AND chat_id = ?' : '';
    const row = this.db
      .prepare<string[], { n: number }>(
        `SELECT count(*) AS n FROM deliveries WHERE status = 'pending' AND platform IN (${marks(platforms.length)})${where}`,
      )
      .get(...platforms, ...(chat ? [chat.chatId] : []));
    return row?.n ?? 0;
  }

  async nextDueAfter(platforms: readonly Platform[], after: number): Promise<number | undefined> {
    if (platforms.length === 0) return undefined;
    const row = this.db
      .prepare<(string | number)[], { at: number | null }>(
        `SELECT min(max(next_attempt_at, coalesce(lease_until, 0))) AS at FROM deliveries WHERE status = 'pending'
           AND platform IN (${marks(platforms.length)}) AND max(next_attempt_at, coalesce(lease_until, 0)) > ?`,
      )
      .get(...platforms, after);
    return row?.at ?? undefined;
  }

  async markAttempt(id: number): Promise<void> {
    this.sql.markAttempt.run(this.now(), id);
  }

  async countUnknownOutcomes(): Promise<number> {
    return this.sql.unknownOutcomes.get()?.n ?? 0;
  }

  async markDone(id: number, messageIds: readonly string[]): Promise<void> {
    this.sql.markDone.run(JSON.stringify(messageIds), this.now(), id);
  }

  async retryAt(id: number, at: number, error: string): Promise<void> {
    this.sql.retryAt.run(at, error.slice(0, 500), id);
  }

  async finish(id: number, end: DeliveryEnd, reason: string): Promise<void> {
    this.sql.finish.run(end, reason.slice(0, 500), this.now(), id);
  }

  async expirePending(before: number): Promise<number> {
    return this.sql.expire.run(this.now(), before).changes;
  }

  async claimUpdate(platform: Platform, updateId: string): Promise<boolean> {
    return this.sql.claimUpdate.run(platform, updateId, this.now()).changes === 1;
  }

  async forgetUpdatesBefore(before: number): Promise<number> {
    return this.sql.forgetUpdates.run(before).changes;
  }

  async recordPost(post: PostRecord): Promise<void> {
    this.sql.insertPost.run(...postParams(post));
  }

  async recentPosts(limit: number): Promise<PostRecord[]> {
    return this.sql.recentPosts.all(limit).map(toPost);
  }

  /** The console's paged reads over this database. */
  consoleData(): ConsoleData {
    return consoleQueries(
      async (sql, params) => this.db.prepare(sql).all(...params) as Record<string, unknown>[],
      async (sql, params) => this.db.prepare(sql).run(...params).changes,
    );
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.close();
    this.unlock();
  }
}

/** Opens (creating folder and file when needed) and migrates the SQLite store at `path`. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
