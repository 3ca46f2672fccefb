import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { silentLogger } from '../src/core/logger.js';
import { platformAdapters } from '../src/platforms.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { FakeTelegramApi, forumChat, groupChat, type ApiCall, type FakeChat } from '../test/fakes/telegram-api.js';
import { writeFixtures } from '../test/e2e/telegram-harness.js';

export interface BenchFanoutTelegramOptions {
  /** Subscribed chats (default 1,000); one in ten is a group, the rest private chats. */
  chats?: number;
  /** What the fake Bot API allows overall (default 30 messages/s); beyond it answers 429. */
  messagesPerSecond?: number;
  /** Share of the targets that are forum topics, two per forum supergroup (default 0). */
  forumShare?: number;
}

export interface BenchFanoutTelegramResult {
  chats: number;
  /** Chats that received the update at least once. */
  chatsServed: number;
  /** Messages beyond one per chat. */
  duplicates: number;
  /** 429 answers the bot received. */
  rateLimited: number;
  /** From saving the brief to the fake accepting the last message. */
  durationMs: number;
  /** Messages accepted per second over that duration. */
  messagesPerSecond: number;
}

const TOPIC = 'water-rights';

const brief = `---
title: The Aral Sea basin agrees new water quotas
slug: aral-water-quotas
topics: [${TOPIC}, kazakhstan]
published: 2024-03-01
publisher: Bench Wire
url: https://example.org/aral-water-quotas
summary: Five states sharing the Amu Darya and Syr Darya agreed on quotas for the summer season.
facts:
  - The agreement covers the April to September growing season.
---
`;

/**
 * One new brief on a topic that `chats` Telegram chats follow, through the real app (content
 * reload, fan-out, SQLite, telegraf) to the fake Bot API enforcing Telegram's overall limit.
 */
export async function benchFanoutTelegram(
  options: BenchFanoutTelegramOptions = {},
): Promise<BenchFanoutTelegramResult> {
  const chatCount = options.chats ?? 1000;
  const fake = await FakeTelegramApi.start({ keepLog: false, messagesPerSecond: options.messagesPerSecond ?? 30 });
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-bench-fanout-'));
  try {
    const contentDir = join(dir, 'content');
    const databasePath = join(dir, 'data', 'briefbot.db');
    await writeFixtures(contentDir);

    const topicTargets = Math.round(chatCount * (options.forumShare ?? 0));
    const chats: FakeChat[] = Array.from({ length: chatCount - topicTargets }, (_, i) =>
      i % 10 === 0 ? groupChat(-1_000_000_000 - i) : { id: 10_000 + i, type: 'private', first_name: `Reader ${i}` },
    );
    const targets = chats.map((chat) => String(chat.id));
    for (let i = 0; i < topicTargets; i += 2) {
      const forum = forumChat(-1_002_000_000 - i);
      fake.addChat(forum);
      for (let t = i; t < Math.min(i + 2, topicTargets); t++)
        targets.push(`${forum.id}/${fake.forum.create(forum, `Topic ${t}`)}`);
    }
    const data = openSqliteStore(databasePath);
    for (const chat of chats) fake.addChat(chat);
    for (const chatId of targets) await data.subscribe({ platform: 'telegram', chatId }, TOPIC, 'bench');
    await data.close();

    const received = new Map<string, number>();
    let rateLimited = 0;
    let last = 0;
    fake.on('call', (call: ApiCall) => {
      if (call.method !== 'sendMessage') return;
      if (call.status === 429) rateLimited += 1;
      if (call.status !== 200) return;
      const thread = call.params.message_thread_id;
      const chatId =
        thread === undefined ? String(call.params.chat_id) : `${String(call.params.chat_id)}/${String(thread)}`;
      received.set(chatId, (received.get(chatId) ?? 0) + 1);
      last = call.at;
    });

    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      CONTENT_DIR: contentDir,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'silent',
      PORT: '0',
      // The quiet period that lets editors finish saving is not part of the fan-out rate.
      ANNOUNCE_QUIET_SECONDS: '0',
    });
    const app = await startApp(config, { logger: silentLogger(), watch: false, adapters: platformAdapters });
    try {
      await fake.waitFor(() => fake.polling, 30_000, 'polling');
      const started = performance.now();
      await writeFile(join(contentDir, 'aral-water-quotas.md'), brief);
      await app.store.reload(['aral-water-quotas.md']);
      await fake.waitFor(() => received.size >= chatCount, 10 * 60_000, `${chatCount} chats served`);
      await app.fanout.idle();
      const durationMs = last - started;
      const messages = [...received.values()].reduce((a, b) => a + b, 0);
      return {
        chats: chatCount,
        chatsServed: received.size,
        duplicates: messages - received.size,
        rateLimited,
        durationMs: Math.round(durationMs),
        messagesPerSecond: Math.round((messages / (durationMs / 1000)) * 10) / 10,
      };
    } finally {
      await app.stop();
    }
  } finally {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `--forum-topics`: half the targets are topics of forum supergroups.
  const forumShare = process.argv.includes('--forum-topics') ? 0.5 : 0;
  const r = await benchFanoutTelegram({ forumShare });
  process.stdout.write(
    `fan-out to telegram: ${r.messagesPerSecond} messages/s, ${r.rateLimited} 429s, ${r.duplicates} duplicates, ` +
      `${r.chatsServed}/${r.chats} chats served, ${(r.durationMs / 1000).toFixed(1)} s ` +
      `(one new brief, ${forumShare > 0 ? 'half the targets forum topics, ' : ''}` +
      `fake Bot API on 127.0.0.1 allowing 30 messages/s)\n`,
  );
  const ok = r.messagesPerSecond >= 27 && r.rateLimited === 0 && r.duplicates === 0 && r.chatsServed === r.chats;
  process.exitCode = ok ? 0 : 1;
}
