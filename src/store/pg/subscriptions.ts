import type pg from 'pg';
import type { DeliveryStyle, Platform } from '../../core/types.js';
import { fullestStyle, type ChatKey, type SubscribeOutcome, type Subscription } from '../data-store.js';
import { toStyle, toSubscription, type StyleRow, type SubscriptionRow } from '../rows.js';
import { migrateChatSettings } from './chat-settings.js';
import { inTransaction, type Queryable } from './queryable.js';

export function subscribe(pool: pg.Pool, chat: ChatKey, topic: string, by: string, now: number, style: DeliveryStyle) {
  return inTransaction(pool, async (client): Promise<SubscribeOutcome> => {
    const existing = await client.query<{ active: boolean; format: string; link_previews: boolean; publish: boolean }>(
      `SELECT active, format, link_previews, publish FROM subscriptions WHERE platform = $1 AND chat_id = $2 AND topic = $3
         FOR UPDATE`,
      [chat.platform, chat.chatId, topic],
    );
    // Someone just typed in this chat, so it can be reached again: paused topics resume.
    await client.query(
      `UPDATE subscriptions SET active = true, unreachable_streak = 0, paused_reason = NULL, paused_at = NULL
         WHERE platform = $1 AND chat_id = $2 AND NOT active`,
      [chat.platform, chat.chatId],
    );
    const row = existing.rows[0];
    if (row) {
      const publish = style.publish === true;
      const restyled =
        row.format !== style.format || row.link_previews !== style.linkPreviews || row.publish !== publish;
      if (restyled)
        await client.query(
          `UPDATE subscriptions SET format = $1, link_previews = $2, publish = $3
             WHERE platform = $4 AND chat_id = $5 AND topic = $6`,
          [style.format, style.linkPreviews, publish, chat.platform, chat.chatId, topic],
        );
      if (!row.active) return 'resumed';
      return restyled ? 'changed' : 'exists';
    }
    const inserted = await client.query(
      `INSERT INTO subscriptions (platform, chat_id, topic, created_at, created_by, format, link_previews, publish)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [chat.platform, chat.chatId, topic, now, by, style.format, style.linkPreviews, style.publish === true],
    );
    return inserted.rowCount === 1 ? 'added' : 'exists';
  });
}

export async function unsubscribe(q: Queryable, chat: ChatKey, topic: string): Promise<boolean> {
  const result = await q.query('DELETE FROM subscriptions WHERE platform = $1 AND chat_id = $2 AND topic = $3', [
    chat.platform,
    chat.chatId,
    topic,
  ]);
  return (result.rowCount ?? 0) > 0;
}

export async function subscriptionsOf(q: Queryable, chat: ChatKey): Promise<Subscription[]> {
  const { rows } = await q.query<SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE platform = $1 AND chat_id = $2 ORDER BY topic COLLATE "C"',
    [chat.platform, chat.chatId],
  );
  return rows.map(toSubscription);
}

export async function subscriptionsWithin(q: Queryable, chat: ChatKey): Promise<Subscription[]> {
  const { rows } = await q.query<SubscriptionRow>(
    `SELECT * FROM subscriptions WHERE platform = $1 AND (chat_id = $2 OR left(chat_id, length($3)) = $3)
       ORDER BY chat_id COLLATE "C", topic COLLATE "C"`,
    [chat.platform, chat.chatId, `${chat.chatId}/`],
  );
  return rows.map(toSubscription);
}

export async function subscribedChats(q: Queryable, topics: readonly string[]): Promise<ChatKey[]> {
  if (topics.length === 0) return [];
  const { rows } = await q.query<{ platform: Platform; chat_id: string }>(
    `SELECT platform, chat_id FROM subscriptions WHERE active AND topic = ANY($1::text[])
       GROUP BY platform, chat_id ORDER BY platform COLLATE "C", chat_id COLLATE "C"`,
    [topics],
  );
  return rows.map((r) => ({ platform: r.platform, chatId: r.chat_id }));
}

export async function isSubscribed(q: Queryable, chat: ChatKey, topics: readonly string[]): Promise<boolean> {
  if (topics.length === 0) return false;
  const { rowCount } = await q.query(
    'SELECT 1 FROM subscriptions WHERE platform = $1 AND chat_id = $2 AND active AND topic = ANY($3::text[]) LIMIT 1',
    [chat.platform, chat.chatId, topics],
  );
  return (rowCount ?? 0) > 0;
}

export async function deliveryStyle(
  q: Queryable,
  chat: ChatKey,
  topics: readonly string[],
): Promise<DeliveryStyle | undefined> {
  if (topics.length === 0) return undefined;
  const { rows } = await q.query<StyleRow>(
    `SELECT format, link_previews, publish FROM subscriptions WHERE platform = $1 AND chat_id = $2 AND active
       AND topic = ANY($3::text[])`,
    [chat.platform, chat.chatId, topics],
  );
  return fullestStyle(rows.map(toStyle));
}

export async function recordUnreachable(q: Queryable, chat: ChatKey): Promise<number> {
  // One statement: the bump and the read of the streak cannot interleave with another writer.
  const { rows } = await q.query<{ streak: number | null }>(
    `WITH bumped AS (
       UPDATE subscriptions SET unreachable_streak = unreachable_streak + 1
         WHERE platform = $1 AND chat_id = $2 AND active RETURNING unreachable_streak)
     SELECT max(unreachable_streak) AS streak FROM bumped`,
    [chat.platform, chat.chatId],
  );
  return rows[0]?.streak ?? 0;
}

export async function recordReachable(q: Queryable, chat: ChatKey): Promise<void> {
  await q.query(
    'UPDATE subscriptions SET unreachable_streak = 0 WHERE platform = $1 AND chat_id = $2 AND unreachable_streak <> 0',
    [chat.platform, chat.chatId],
  );
}

export function deactivateChat(pool: pg.Pool, chat: ChatKey, reason: string, now: number): Promise<number> {
  return inTransaction(pool, async (client) => {
    const paused = await client.query(
      `UPDATE subscriptions SET active = false, paused_reason = $1, paused_at = $2
         WHERE platform = $3 AND chat_id = $4 AND active`,
      [reason, now, chat.platform, chat.chatId],
    );
    await client.query(
      `UPDATE deliveries SET status = 'dropped', last_error = $1, finished_at = $2, lease_until = NULL
         WHERE platform = $3 AND chat_id = $4 AND status = 'pending'`,
      [`chat deactivated: ${reason}`, now, chat.platform, chat.chatId],
    );
    return paused.rowCount ?? 0;
  });
}

export function migrateChat(pool: pg.Pool, platform: Platform, from: string, to: string): Promise<void> {
  return inTransaction(pool, async (client) => {
    // Rows the new chat already has win; the old chat's duplicates go.
    await client.query(
      `UPDATE subscriptions s SET chat_id = $1 WHERE platform = $2 AND chat_id = $3 AND NOT EXISTS (
         SELECT 1 FROM subscriptions t WHERE t.platform = s.platform AND t.chat_id = $1 AND t.topic = s.topic)`,
      [to, platform, from],
    );
    await client.query('DELETE FROM subscriptions WHERE platform = $1 AND chat_id = $2', [platform, from]);
    await client.query(
      `UPDATE deliveries d SET chat_id = $1 WHERE platform = $2 AND chat_id = $3 AND NOT EXISTS (
         SELECT 1 FROM deliveries e WHERE e.platform = d.platform AND e.chat_id = $1 AND e.slug = d.slug
           AND e.version = d.version)`,
      [to, platform, from],
    );
    await client.query('DELETE FROM deliveries WHERE platform = $1 AND chat_id = $2', [platform, from]);
    await migrateChatSettings(client, platform, from, to);
  });
}

export async function forumThread(q: Queryable, chat: ChatKey, slug: string): Promise<string | undefined> {
  const { rows } = await q.query<{ thread_id: string }>(
    'SELECT thread_id FROM forum_threads WHERE platform = $1 AND chat_id = $2 AND slug = $3',
    [chat.platform, chat.chatId, slug],
  );
  return rows[0]?.thread_id;
}

/** The latest post wins: a brief whose post was deleted opens a new one, which its updates then follow. */
export async function rememberForumThread(
  q: Queryable,
  chat: ChatKey,
  slug: string,
  threadId: string,
  now: number,
): Promise<void> {
  await q.query(
    `INSERT INTO forum_threads (platform, chat_id, slug, thread_id, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform, chat_id, slug) DO UPDATE SET thread_id = excluded.thread_id, created_at = excluded.created_at`,
    [chat.platform, chat.chatId, slug, threadId, now],
  );
}
