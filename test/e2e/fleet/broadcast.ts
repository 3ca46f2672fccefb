import pg from 'pg';
import type { ApiCall, FakeChat } from '../../fakes/telegram-api.js';

export const BROADCAST_TOPIC = 'water-rights';
export const BROADCAST_SLUG = 'aral-water-quotas';
export const BROADCAST_TITLE = 'The Aral Sea basin agrees new water quotas';

export const broadcastBrief = `---
title: ${BROADCAST_TITLE}
slug: ${BROADCAST_SLUG}
topics: [${BROADCAST_TOPIC}, kazakhstan]
published: 2024-03-01
publisher: Fleet Wire
url: https://example.org/aral-water-quotas
summary: Five states sharing the Amu Darya and Syr Darya agreed on quotas for the summer season.
facts:
  - The agreement covers the April to September growing season.
---
`;

/** `count` subscribers: one in ten a group, the rest private chats. */
export const subscriberChats = (count: number): FakeChat[] =>
  Array.from({ length: count }, (_, i) =>
    i % 10 === 0
      ? { id: -1_000_000_000 - i, type: 'supergroup', title: `Desk ${i}` }
      : { id: 50_000 + i, type: 'private', first_name: `Reader ${i}` },
  );

/** Subscribes the chats straight in the shared database, as /subscribe on any instance would. */
export async function subscribe(databaseUrl: string, chats: readonly FakeChat[], topic: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO subscriptions (platform, chat_id, topic, created_at, created_by)
         SELECT 'telegram', id, $2, $3, 'fleet-test' FROM unnest($1::text[]) AS id`,
      [chats.map((c) => String(c.id)), topic, Date.now()],
    );
  } finally {
    await client.end();
  }
}

export interface DeliveryState {
  chatId: string;
  status: string;
  attempts: number;
  /** A send was started and its outcome never recorded: the crash window. */
  underWay: boolean;
}

export async function readDeliveries(databaseUrl: string, slug: string): Promise<DeliveryState[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      chat_id: string;
      status: string;
      attempts: number;
      sending_since: string | null;
    }>('SELECT chat_id, status, attempts, sending_since FROM deliveries WHERE slug = $1 ORDER BY id', [slug]);
    return rows.map((r) => ({
      chatId: r.chat_id,
      status: r.status,
      attempts: r.attempts,
      underWay: r.status === 'pending' && r.sending_since !== null,
    }));
  } finally {
    await client.end();
  }
}

/** The most messages the fake accepted within any one second (by when it read each request). */
export function busiestSecond(calls: readonly ApiCall[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= 1000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** How many messages each chat received. */
export function perChat(calls: readonly ApiCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const chat = String(call.params.chat_id);
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}
