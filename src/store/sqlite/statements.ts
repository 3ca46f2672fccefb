import type BetterSqlite3 from 'better-sqlite3';
import { DELIVERY_COLUMNS, type DeliveryRow, type PostRow, type SubscriptionRow } from '../rows.js';
import type { Label } from '../data-store.js';

/** Clears the claim and the "send under way" mark once an outcome is recorded. */
const SETTLED = 'sending_since = NULL, lease_until = NULL';

/** The fixed statements of the SQLite store, prepared once per connection. */
export function prepareStatements(db: BetterSqlite3.Database) {
  return {
    findSubscription: db.prepare<
      [string, string, string],
      { active: number; format: string; link_previews: number; publish: number }
    >(
      'SELECT active, format, link_previews, publish FROM subscriptions WHERE platform = ? AND chat_id = ? AND topic = ?',
    ),
    insertSubscription: db.prepare(
      `INSERT INTO subscriptions (platform, chat_id, topic, created_at, created_by, format, link_previews, publish)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setStyle: db.prepare(
      'UPDATE subscriptions SET format = ?, link_previews = ?, publish = ? WHERE platform = ? AND chat_id = ? AND topic = ?',
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
      `UPDATE deliveries SET status = 'dropped', last_error = ?, finished_at = ?, lease_until = NULL
         WHERE platform = ? AND chat_id = ? AND status = 'pending'`,
    ),
    moveSubscriptions: db.prepare('UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?'),
    deleteSubscriptionsOf: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?'),
    moveDeliveries: db.prepare('UPDATE OR IGNORE deliveries SET chat_id = ? WHERE platform = ? AND chat_id = ?'),
    deleteDeliveriesOf: db.prepare('DELETE FROM deliveries WHERE platform = ? AND chat_id = ?'),
    knownVersions: db.prepare<[], { slug: string; version: string }>('SELECT slug, version FROM brief_versions'),
    knownVersion: db.prepare<[string], { version: string }>('SELECT version FROM brief_versions WHERE slug = ?'),
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
    // One statement: the rows are chosen and leased together, so no other reader can take them.
    claimDue: db.prepare<[number, string, number, number, number], DeliveryRow>(
      `UPDATE deliveries SET lease_until = ? WHERE id IN (
         SELECT id FROM deliveries WHERE status = 'pending' AND platform = ? AND next_attempt_at <= ?
           AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, id LIMIT ?)
       RETURNING ${DELIVERY_COLUMNS}`,
    ),
    releaseClaims: db.prepare(
      `UPDATE deliveries SET lease_until = NULL WHERE status = 'pending' AND lease_until IS NOT NULL`,
    ),
    markAttempt: db.prepare('UPDATE deliveries SET attempts = attempts + 1, sending_since = ? WHERE id = ?'),
    unknownOutcomes: db.prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM deliveries WHERE status = 'pending' AND sending_since IS NOT NULL`,
    ),
    markDone: db.prepare(
      `UPDATE deliveries SET status = 'done', message_ids = ?, finished_at = ?, last_error = NULL, ${SETTLED}
         WHERE id = ?`,
    ),
    retryAt: db.prepare(
      `UPDATE deliveries SET next_attempt_at = ?, last_error = ?, ${SETTLED} WHERE id = ? AND status = 'pending'`,
    ),
    finish: db.prepare(
      `UPDATE deliveries SET status = ?, last_error = ?, finished_at = ?, ${SETTLED}
         WHERE id = ? AND status = 'pending'`,
    ),
    expire: db.prepare(
      `UPDATE deliveries SET status = 'dropped', last_error = 'expired', finished_at = ?, lease_until = NULL
         WHERE status = 'pending' AND created_at < ?`,
    ),
    insertPost: db.prepare(
      `INSERT INTO posts (at, platform, user_id, user_name, from_chat_id, target_chat_id, slug, version, outcome,
         detail, message_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    claimUpdate: db.prepare('INSERT OR IGNORE INTO handled_updates (platform, update_id, handled_at) VALUES (?, ?, ?)'),
    forgetUpdates: db.prepare('DELETE FROM handled_updates WHERE handled_at < ?'),
    recentPosts: db.prepare<[number], PostRow>('SELECT * FROM posts ORDER BY id DESC LIMIT ?'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
