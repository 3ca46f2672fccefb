import type BetterSqlite3 from 'better-sqlite3';
import type { DeliveryStyle } from '../../core/types.js';
import { fullestStyle, type ChatKey, type Subscription } from '../data-store.js';
import { toStyle, toSubscription, type StyleRow, type SubscriptionRow } from '../rows.js';

/** `?, ?, ?` for an IN list (never empty). */
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Subscriptions of the chat and of its threads (`<id>/<thread>`). */
export function subscriptionsWithin(db: BetterSqlite3.Database, chat: ChatKey): Subscription[] {
  const prefix = `${chat.chatId}/`;
  return db
    .prepare<[string, string, string, string], SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE platform = ? AND (chat_id = ? OR substr(chat_id, 1, length(?)) = ?)
         ORDER BY chat_id, topic`,
    )
    .all(chat.platform, chat.chatId, prefix, prefix)
    .map(toSubscription);
}

export function deliveryStyle(
  db: BetterSqlite3.Database,
  chat: ChatKey,
  topics: readonly string[],
): DeliveryStyle | undefined {
  if (topics.length === 0) return undefined;
  const rows = db
    .prepare<string[], StyleRow>(
      `SELECT format, link_previews, publish FROM subscriptions WHERE platform = ? AND chat_id = ? AND active = 1
         AND topic IN (${marks(topics.length)})`,
    )
    .all(chat.platform, chat.chatId, ...topics);
  return fullestStyle(rows.map(toStyle));
}

/** The forum post each brief opened in a forum channel. */
export function forumThread(db: BetterSqlite3.Database, chat: ChatKey, slug: string): string | undefined {
  return db
    .prepare<[string, string, string], { thread_id: string }>(
      'SELECT thread_id FROM forum_threads WHERE platform = ? AND chat_id = ? AND slug = ?',
    )
    .get(chat.platform, chat.chatId, slug)?.thread_id;
}

/** The latest post wins: a brief whose post was deleted opens a new one, which its updates then follow. */
export function rememberForumThread(
  db: BetterSqlite3.Database,
  chat: ChatKey,
  slug: string,
  threadId: string,
  now: number,
): void {
  db.prepare(
    `INSERT INTO forum_threads (platform, chat_id, slug, thread_id, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, chat_id, slug) DO UPDATE SET thread_id = excluded.thread_id, created_at = excluded.created_at`,
  ).run(chat.platform, chat.chatId, slug, threadId, now);
}
