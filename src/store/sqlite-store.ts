import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Platform } from '../core/types.js';
import type {
  ChatKey,
  DataStore,
  Delivery,
  DeliveryEnd,
  Label,
  PostOutcome,
  PostRecord,
  SubscribeOutcome,
  Subscription,
} from './data-store.js';
import { migrate } from './migrations.js';

interface SubscriptionRow {
  platform: Platform;
  chat_id: string;
  topic: string;
  created_at: number;
  created_by: string;
  active: number;
  paused_reason: string | null;
}

interface DeliveryRow {
  id: number;
  platform: Platform;
  chat_id: string;
  slug: string;
  version: string;
  label: Label;
  attempts: number;
  created_at: number;
  next_attempt_at: number;
}

interface PostRow {
  at: number;
  platform: Platform;
  user_id: string;
  user_name: string;
  from_chat_id: string;
  target_chat_id: string;
  slug: string;
  version: string;
  outcome: PostOutcome;
  detail: string | null;
  message_ids: string;
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  platform: r.platform,
  chatId: r.chat_id,
  topic: r.topic,
  createdAt: new Date(r.created_at),
  createdBy: r.created_by,
  active: r.active === 1,
  ...(r.paused_reason === null ? {} : { pausedReason: r.paused_reason }),
});

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  platform: r.platform,
  chatId: r.chat_id,
  slug: r.slug,
  version: r.version,
  label: r.label,
  attempts: r.attempts,
  createdAt: r.created_at,
  nextAttemptAt: r.next_attempt_at,
});

const toPost = (r: PostRow): PostRecord => ({
  at: new Date(r.at),
  platform: r.platform,
  userId: r.user_id,
  userName: r.user_name,
  fromChatId: r.from_chat_id,
  targetChatId: r.target_chat_id,
  slug: r.slug,
  version: r.version,
  outcome: r.outcome,
  ...(r.detail === null ? {} : { detail: r.detail }),
  messageIds: JSON.parse(r.message_ids) as string[],
});

/** `?, ?, ?` for an IN list; callers pass non-empty lists. */
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export interface SqliteStoreOptions {
  /** Clock for timestamps; tests may pin it. */
  now?: () => number;
}

/** The DataStore on one SQLite file (WAL mode), with the schema migrated on open. */
export class SqliteStore implements DataStore {
  private readonly db: BetterSqlite3.Database;
  private readonly now: () => number;
  private readonly sql;

  constructor(
    readonly path: string,
    options: SqliteStoreOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new BetterSqlite3(path);
    this.now = options.now ?? Date.now;
    try {
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: every commit survives a crash of the process; a power cut may undo the
      // last few, which at worst re-sends a delivery (an fsync per message would cost ~3 ms each).
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db, path);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.sql = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      findSubscription: db.prepare<[string, string, string], { active: number }>(
        'SELECT active FROM subscriptions WHERE platform = ? AND chat_id = ? AND topic = ?',
      ),
      insertSubscription: db.prepare(
        'INSERT INTO subscriptions (platform, chat_id, topic, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      ),
      resumeChat: db.prepare(
        `UPDATE subscriptions SET active = 1, unreachable_streak = 0, paused_reason = NULL, paused_at = NULL
           WHERE platform = ? AND chat_id = ? AND active = 0`,
      ),
      deleteSubscription: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND topic = ?'),
      subscriptionsOf: db.prepare<[string, string], SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? ORDER BY topic',
      ),
      bumpStreak: db.prepare(
        'UPDATE subscriptions SET unreachable_streak = unreachable_streak + 1 WHERE platform = ? AND chat_id = ? AND active = 1',
      ),
      streakOf: db.prepare<[string, string], { streak: number | null }>(
        'SELECT max(unreachable_streak) AS streak FROM subscriptions WHERE platform = ? AND chat_id = ? AND active = 1',
      ),
      resetStreak: db.prepare(
        'UPDATE subscriptions SET unreachable_streak = 0 WHERE platform = ? AND chat_id = ? AND unreachable_streak <> 0',
      ),
      pauseChat: db.prepare(
        `UPDATE subscriptions SET active = 0, paused_reason = ?, paused_at = ?
           WHERE platform = ? AND chat_id = ? AND active = 1`,
      ),
      dropPendingOfChat: db.prepare(
        `UPDATE deliveries SET status = 'dropped', last_error = ?, finished_at = ?
           WHERE platform = ? AND chat_id = ? AND status = 'pending'`,
      ),
      moveSubscriptions: db.prepare(
        'UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?',
      ),
      deleteSubscriptionsOf: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?'),
      moveDeliveries: db.prepare('UPDATE OR IGNORE deliveries SET chat_id = ? WHERE platform = ? AND chat_id = ?'),
      deleteDeliveriesOf: db.prepare('DELETE FROM deliveries WHERE platform = ? AND chat_id = ?'),
      knownVersions: db.prepare<[], { slug: string; version: string }>('SELECT slug, version FROM brief_versions'),
      setVersion: db.prepare(
        `INSERT INTO brief_versions (slug, version, announced_at) VALUES (?, ?, ?)
           ON CONFLICT (slug) DO UPDATE SET version = excluded.version, announced_at = excluded.announced_at`,
      ),
      pendingLabel: db.prepare<[string, string, string, string], { label: Label }>(
        `SELECT label FROM deliveries WHERE platform = ? AND chat_id = ? AND slug = ? AND version <> ?
           AND status = 'pending' AND sending_since IS NULL ORDER BY id LIMIT 1`,
      ),
      insertDelivery: db.prepare(
        `INSERT OR IGNORE INTO deliveries (platform, chat_id, slug, version, label, created_at, next_attempt_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      duePending: db.prepare<[string, number, number], DeliveryRow>(
        `SELECT id, platform, chat_id, slug, version, label, attempts, created_at, next_attempt_at FROM deliveries
           WHERE status = 'pending' AND platform = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      ),
      knownVersion: db.prepare<[string], { version: string }>('SELECT version FROM brief_versions WHERE slug = ?'),
      markAttempt: db.prepare('UPDATE deliveries SET attempts = attempts + 1, sending_since = ? WHERE id = ?'),
      unknownOutcomes: db.prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM deliveries WHERE status = 'pending' AND sending_since IS NOT NULL`,
      ),
      markDone: db.prepare(
        `UPDATE deliveries SET status = 'done', message_ids = ?, finished_at = ?, last_error = NULL,
           sending_since = NULL WHERE id = ?`,
      ),
      retryAt: db.prepare(
        `UPDATE deliveries SET next_attempt_at = ?, last_error = ?, sending_since = NULL
           WHERE id = ? AND status = 'pending'`,
      ),
      finish: db.prepare(
        `UPDATE deliveries SET status = ?, last_error = ?, finished_at = ?, sending_since = NULL
           WHERE id = ? AND status = 'pending'`,
      ),
      expire: db.prepare(
        `UPDATE deliveries SET status = 'dropped', last_error = 'expired', finished_at = ?
           WHERE status = 'pending' AND created_at < ?`,
      ),
      insertPost: db.prepare(
        `INSERT INTO posts (at, platform, user_id, user_name, from_chat_id, target_chat_id, slug, version, outcome,
           detail, message_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      claimUpdate: db.prepare(
        'INSERT OR IGNORE INTO handled_updates (platform, update_id, handled_at) VALUES (?, ?, ?)',
      ),
      forgetUpdates: db.prepare('DELETE FROM handled_updates WHERE handled_at < ?'),
      recentPosts: db.prepare<[number], PostRow>('SELECT * FROM posts ORDER BY id DESC LIMIT ?'),
    };
  }

  async subscribe(chat: ChatKey, topic: string, by: string): Promise<SubscribeOutcome> {
    return this.db.transaction((): SubscribeOutcome => {
      const existing = this.sql.findSubscription.get(chat.platform, chat.chatId, topic);
      // Someone just typed in this chat, so it can be reached again: paused topics resume.
      this.sql.resumeChat.run(chat.platform, chat.chatId);
      if (!existing) {
        this.sql.insertSubscription.run(chat.platform, chat.chatId, topic, this.now(), by);
        return 'added';
      }
      return existing.active === 1 ? 'exists' : 'resumed';
    })();
  }

  async unsubscribe(chat: ChatKey, topic: string): Promise<boolean> {
    return this.sql.deleteSubscription.run(chat.platform, chat.chatId, topic).changes > 0;
  }

  async subscriptionsOf(chat: ChatKey): Promise<Subscription[]> {
    return this.sql.subscriptionsOf.all(chat.platform, chat.chatId).map(toSubscription);
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

  async duePending(platform: Platform, now: number, limit: number): Promise<Delivery[]> {
    return this.sql.duePending.all(platform, now, limit).map(toDelivery);
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
        `SELECT min(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'
           AND platform IN (${marks(platforms.length)}) AND next_attempt_at > ?`,
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
    this.sql.insertPost.run(
      post.at.getTime(),
      post.platform,
      post.userId,
      post.userName,
      post.fromChatId,
      post.targetChatId,
      post.slug,
      post.version,
      post.outcome,
      post.detail ?? null,
      JSON.stringify(post.messageIds),
    );
  }

  async recentPosts(limit: number): Promise<PostRecord[]> {
    return this.sql.recentPosts.all(limit).map(toPost);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating folder and file when needed) and migrates the SQLite store at `path`. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
