import type { ConsoleData, DeliveryFilter, DeliveryRecord, PostFilter } from './console-data.js';
import type { ChatKey } from './data-store.js';
import { toPost, toSubscription, type PostRow, type SubscriptionRow } from './rows.js';

/** Runs one statement written with `?` placeholders; each backend binds them its own way. */
export type RunSql = (sql: string, params: readonly (string | number)[]) => Promise<Record<string, unknown>[]>;
export type WriteSql = (sql: string, params: readonly (string | number)[]) => Promise<number>;

const num = (v: unknown): number => Number(v);
const optionalNum = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

function toDeliveryRecord(r: Record<string, unknown>): DeliveryRecord {
  const finishedAt = optionalNum(r.finished_at);
  return {
    id: num(r.id),
    platform: r.platform as DeliveryRecord['platform'],
    chatId: String(r.chat_id),
    slug: String(r.slug),
    version: String(r.version),
    label: r.label as DeliveryRecord['label'],
    status: r.status as DeliveryRecord['status'],
    attempts: num(r.attempts),
    createdAt: num(r.created_at),
    ...(finishedAt === undefined ? {} : { finishedAt }),
    ...(typeof r.last_error === 'string' ? { lastError: r.last_error } : {}),
    messageIds: typeof r.message_ids === 'string' ? (JSON.parse(r.message_ids) as string[]) : [],
  };
}

/** `WHERE a = ? AND b = ?` from the conditions that apply. */
function where(conditions: [string, string | number | undefined][]): { sql: string; params: (string | number)[] } {
  const used = conditions.filter((c): c is [string, string | number] => c[1] !== undefined);
  return {
    sql: used.length ? `WHERE ${used.map(([clause]) => clause).join(' AND ')}` : '',
    params: used.map(([, value]) => value),
  };
}

/** The console's paged reads, in SQL both SQLite and PostgreSQL understand. */
export function consoleQueries(run: RunSql, write: WriteSql): ConsoleData {
  return {
    async subscriptions(offset, limit) {
      const rows = await run(
        `SELECT platform, chat_id, topic, created_at, created_by, active, paused_reason FROM subscriptions
         ORDER BY active, platform, chat_id, topic LIMIT ? OFFSET ?`,
        [limit, offset],
      );
      return rows.map((r) => toSubscription({ ...(r as unknown as SubscriptionRow), created_at: num(r.created_at) }));
    },
    async deliveries(filter: DeliveryFilter, offset, limit) {
      const w = where([
        ['status = ?', filter.status],
        ['slug = ?', filter.slug],
        ['platform = ?', filter.platform],
        ['chat_id = ?', filter.chatId],
      ]);
      const rows = await run(
        `SELECT id, platform, chat_id, slug, version, label, status, attempts, created_at, finished_at, last_error, message_ids
         FROM deliveries ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
        [...w.params, limit, offset],
      );
      return rows.map(toDeliveryRecord);
    },
    async posts(filter: PostFilter, offset, limit) {
      const w = where([
        ['(user_id = ? OR user_name = ?)', filter.who],
        ['target_chat_id = ?', filter.where],
        ['outcome = ?', filter.outcome],
        ['at >= ?', filter.from],
        ['at <= ?', filter.to],
      ]);
      // The "who" clause has two placeholders for one value.
      const params = w.params.flatMap((p, i) => (i === 0 && filter.who !== undefined ? [p, p] : [p]));
      const rows = await run(`SELECT * FROM posts ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`, [
        ...params,
        limit,
        offset,
      ]);
      return rows.map((r) => toPost({ ...(r as unknown as PostRow), at: num(r.at) }));
    },
    async resumeChat(chat: ChatKey) {
      return write(
        `UPDATE subscriptions SET active = TRUE, unreachable_streak = 0, paused_reason = NULL, paused_at = NULL
         WHERE platform = ? AND chat_id = ? AND active = FALSE`,
        [chat.platform, chat.chatId],
      );
    },
  };
}

/** `?` placeholders as PostgreSQL's `$1, $2, ...`. */
export const toDollarParams = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
