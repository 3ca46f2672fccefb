import type pg from 'pg';
import type { Platform } from '../../core/types.js';
import type { ChatKey, Delivery, DeliveryEnd, Label } from '../data-store.js';
import { byDueThenId, DELIVERY_COLUMNS, toDelivery, type DeliveryRow } from '../rows.js';
import { inTransaction, type Queryable } from './queryable.js';

const SETTLED = 'sending_since = NULL, lease_until = NULL';
const d = (columns: string) =>
  columns
    .split(', ')
    .map((c) => `d.${c}`)
    .join(', ');

/** Records the version and owes it to every chat in one set-based insert, in one transaction. */
export function announce(
  pool: pg.Pool,
  slug: string,
  version: string,
  label: Label,
  chats: readonly ChatKey[],
  now: number,
): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO brief_versions (slug, version, announced_at) VALUES ($1, $2, $3)
         ON CONFLICT (slug) DO UPDATE SET version = excluded.version, announced_at = excluded.announced_at`,
      [slug, version, now],
    );
    if (chats.length === 0) return 0;
    // An earlier version not yet on its way will be superseded; if it was New, this one is news too.
    const inserted = await client.query(
      `INSERT INTO deliveries (platform, chat_id, slug, version, label, created_at, next_attempt_at)
       SELECT c.platform, c.chat_id, $1, $2,
         CASE WHEN (SELECT w.label FROM deliveries w WHERE w.platform = c.platform AND w.chat_id = c.chat_id
                      AND w.slug = $1 AND w.version <> $2 AND w.status = 'pending' AND w.sending_since IS NULL
                      ORDER BY w.id LIMIT 1) = 'New' THEN 'New' ELSE $3 END,
         $4, $4
       FROM unnest($5::text[], $6::text[]) WITH ORDINALITY AS c(platform, chat_id, n)
       ORDER BY c.n
       ON CONFLICT DO NOTHING`,
      [slug, version, label, now, chats.map((c) => c.platform), chats.map((c) => c.chatId)],
    );
    return inserted.rowCount ?? 0;
  });
}

/** Chooses and leases the due rows in one statement; rows another sender is claiming are skipped. */
export async function claimDue(
  q: Queryable,
  platform: Platform,
  now: number,
  limit: number,
  leaseMs: number,
): Promise<Delivery[]> {
  const { rows } = await q.query<DeliveryRow>(
    `WITH due AS (
       SELECT id FROM deliveries WHERE status = 'pending' AND platform = $1 AND next_attempt_at <= $2
         AND (lease_until IS NULL OR lease_until <= $2) ORDER BY next_attempt_at, id LIMIT $3
         FOR UPDATE SKIP LOCKED)
     UPDATE deliveries d SET lease_until = $4 FROM due WHERE d.id = due.id RETURNING ${d(DELIVERY_COLUMNS)}`,
    [platform, now, limit, now + leaseMs],
  );
  return rows.map(toDelivery).sort(byDueThenId);
}

export async function releaseClaims(q: Queryable): Promise<number> {
  const result = await q.query(
    `UPDATE deliveries SET lease_until = NULL WHERE status = 'pending' AND lease_until IS NOT NULL`,
  );
  return result.rowCount ?? 0;
}

export async function countPending(q: Queryable, platforms: readonly Platform[], chat?: ChatKey): Promise<number> {
  if (platforms.length === 0) return 0;
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM deliveries WHERE status = 'pending' AND platform = ANY($1::text[])
       AND ($2::text IS NULL OR chat_id = $2)`,
    [platforms, chat?.chatId ?? null],
  );
  return rows[0]?.n ?? 0;
}

export async function nextDueAfter(q: Queryable, platforms: readonly Platform[], after: number) {
  if (platforms.length === 0) return undefined;
  const { rows } = await q.query<{ at: number | null }>(
    `SELECT min(greatest(next_attempt_at, coalesce(lease_until, 0))) AS at FROM deliveries
       WHERE status = 'pending' AND platform = ANY($1::text[]) AND greatest(next_attempt_at, coalesce(lease_until, 0)) > $2`,
    [platforms, after],
  );
  return rows[0]?.at ?? undefined;
}

export async function markAttempt(q: Queryable, id: number, now: number): Promise<void> {
  await q.query('UPDATE deliveries SET attempts = attempts + 1, sending_since = $1 WHERE id = $2', [now, id]);
}

export async function countUnknownOutcomes(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM deliveries WHERE status = 'pending' AND sending_since IS NOT NULL`,
  );
  return rows[0]?.n ?? 0;
}

export async function markDone(q: Queryable, id: number, messageIds: readonly string[], now: number): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'done', message_ids = $1, finished_at = $2, last_error = NULL, ${SETTLED}
       WHERE id = $3`,
    [JSON.stringify(messageIds), now, id],
  );
}

export async function retryAt(q: Queryable, id: number, at: number, error: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET next_attempt_at = $1, last_error = $2, ${SETTLED} WHERE id = $3 AND status = 'pending'`,
    [at, error.slice(0, 500), id],
  );
}

export async function finish(q: Queryable, id: number, end: DeliveryEnd, reason: string, now: number): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = $1, last_error = $2, finished_at = $3, ${SETTLED}
       WHERE id = $4 AND status = 'pending'`,
    [end, reason.slice(0, 500), now, id],
  );
}

export async function expirePending(q: Queryable, before: number, now: number): Promise<number> {
  const result = await q.query(
    `UPDATE deliveries SET status = 'dropped', last_error = 'expired', finished_at = $1, lease_until = NULL
       WHERE status = 'pending' AND created_at < $2`,
    [now, before],
  );
  return result.rowCount ?? 0;
}
