import BetterSqlite3 from 'better-sqlite3';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Chat } from '../../src/core/types.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { MemoryAdapter } from './helpers/memory-adapter.js';
import {
  groupChat,
  run,
  startTestApp,
  tempPlace,
  waitFor,
  writeBrief,
  type TestAppOptions,
  type TestPlace,
  removePlace,
} from './helpers/test-app.js';

const SLOW = 60_000;

/** How each delivery ended, as the console's deliveries page shows it: `chat status last_error`. */
function outcomes(place: TestPlace): string[] {
  const db = new BetterSqlite3(place.databasePath, { readonly: true });
  try {
    const rows = db.prepare('SELECT chat_id, status, last_error FROM deliveries ORDER BY chat_id, id').all() as {
      chat_id: string;
      status: string;
      last_error: string | null;
    }[];
    return rows.map((r) => `${r.chat_id} ${r.status} ${r.last_error ?? ''}`.trim());
  } finally {
    db.close();
  }
}

describe('fan-out of new and updated briefs', () => {
  let place: TestPlace;
  let telegram: MemoryAdapter;
  let discord: MemoryAdapter;
  const apps: App[] = [];

  const start = async (options: TestAppOptions = {}) => {
    const app = await startTestApp(place, { adapters: [telegram, discord], ...options });
    apps.push(app);
    return app;
  };
  const subscribe = async (app: App, chat: Chat, topic: string) => {
    const reply = await run(app, chat, 'subscribe', { topic });
    expect(reply).toMatchObject({ kind: 'text', tone: 'info' });
  };

  beforeEach(async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { topics: ['aral-sea', 'water'] });
    await writeBrief(place, 'glaciers', { title: 'Glaciers retreat', topics: ['glaciers'] });
    telegram = new MemoryAdapter('telegram');
    discord = new MemoryAdapter('discord');
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await removePlace(place);
  });

  it(
    'sends a new brief once to every subscribed chat, then one Updated per edit',
    async () => {
      const app = await start();
      await subscribe(app, groupChat('g1'), 'water');
      await subscribe(app, groupChat('g2'), 'Water!');
      await subscribe(app, groupChat('g2'), 'aral-sea'); // two matching topics, still one message
      await subscribe(app, groupChat('c1', 'discord'), 'water');
      await subscribe(app, groupChat('g3'), 'glaciers'); // not a topic of the new brief

      await writeBrief(place, 'dams', { title: 'New dams on the Syr Darya', topics: ['water', 'dams'] });
      await waitFor(() => telegram.sent.length === 2 && discord.sent.length === 1, 5_000, 'three deliveries');
      await app.fanout.idle();
      expect(telegram.to('g1')).toEqual(['New dams']);
      expect(telegram.to('g2')).toEqual(['New dams']);
      expect(discord.to('c1')).toEqual(['New dams']);
      expect(telegram.to('g3')).toEqual([]);
      expect(telegram.sent.every((s) => s.bulk)).toBe(true);
      // Each delivery carries the briefs related to it, as /brief shows them: aral shares the topic water.
      const first = telegram.sent[0]!.reply;
      expect(first.kind === 'brief' && first.related.map((r) => r.slug)).toEqual(['aral']);

      await writeBrief(place, 'dams', {
        title: 'New dams on the Syr Darya',
        topics: ['water', 'dams'],
        summary: 'A second reservoir is planned.',
      });
      await waitFor(() => telegram.sent.length === 4 && discord.sent.length === 2, 5_000, 'the updates');
      await app.fanout.idle();
      expect(telegram.to('g1')).toEqual(['New dams', 'Updated dams']);
      expect(telegram.to('g2')).toEqual(['New dams', 'Updated dams']);
      expect(discord.to('c1')).toEqual(['New dams', 'Updated dams']);
      const last = telegram.sent.at(-1)!.reply;
      expect(last.kind === 'brief' && last.brief.summary).toBe('A second reservoir is planned.');

      // Saving the same text again is no new version.
      await writeBrief(place, 'dams', {
        title: 'New dams on the Syr Darya',
        topics: ['water', 'dams'],
        summary: 'A second reservoir is planned.',
      });
      await app.store.reload(['dams.md']);
      await app.fanout.idle();
      expect(telegram.sent.length + discord.sent.length).toBe(6);
    },
    SLOW,
  );

  it(
    'sends nothing for a removed brief',
    async () => {
      const app = await start();
      await subscribe(app, groupChat('g1'), 'water');
      await unlink(join(place.contentDir, 'aral.md'));
      await waitFor(() => app.store.library.get('aral') === undefined, 5_000, 'the removal');
      await app.fanout.idle();
      expect(telegram.calls).toEqual([]);
    },
    SLOW,
  );

  it(
    'drops a delivery whose brief was removed while it waited',
    async () => {
      const app = await start({ fanout: { concurrency: 1 } });
      for (const id of ['g1', 'g2']) await subscribe(app, groupChat(id), 'water');
      const gate = telegram.hold(0);
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.waiting === 1, 5_000, 'the first send to wait');
      await unlink(join(place.contentDir, 'dams.md'));
      await app.store.reload(['dams.md']);
      expect(app.store.library.get('dams')).toBeUndefined();
      gate.release();
      await app.fanout.idle();
      expect(telegram.sent).toHaveLength(1);
      const waited = telegram.calls[0]!.chatId === 'g1' ? 'g2' : 'g1';
      expect(outcomes(place)).toContain(`${waited} dropped the brief was removed`);
    },
    SLOW,
  );

  it(
    'announces briefs added or edited while the bot was down at the next start',
    async () => {
      const first = await start();
      await subscribe(first, groupChat('g1'), 'water');
      await first.stop();

      await writeBrief(place, 'dams', { topics: ['water'] });
      await writeBrief(place, 'aral', { topics: ['aral-sea', 'water'], summary: 'Edited while nobody watched.' });
      const second = await start();
      await waitFor(() => telegram.sent.length === 2, 5_000, 'two deliveries');
      await second.fanout.idle();
      expect(telegram.to('g1').sort()).toEqual(['New dams', 'Updated aral']);
      await second.stop();

      // Nothing changed since: a third start sends nothing.
      const third = await start();
      await third.fanout.idle();
      expect(telegram.sent.length).toBe(2);
    },
    SLOW,
  );

  it(
    'resumes a broadcast cut by a restart: the rest arrive, none twice',
    async () => {
      const chats = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
      const first = await start({ fanout: { concurrency: 1 } });
      for (const id of chats) await subscribe(first, groupChat(id), 'water');
      const gate = telegram.hold(2);
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.sent.length === 2 && telegram.waiting === 1, 5_000, 'the broadcast to stall');

      // The send under way finishes during shutdown and is recorded; the others wait in the database.
      const stopping = first.stop();
      gate.release();
      await stopping;
      expect(telegram.sent.length).toBe(3);

      const second = await start();
      await waitFor(() => telegram.sent.length === chats.length, 5_000, 'the rest');
      await second.fanout.idle();
      for (const id of chats) expect(telegram.to(id)).toEqual(['New dams']);
    },
    SLOW,
  );

  it(
    'does not send to a chat unsubscribed while its delivery was pending',
    async () => {
      const app = await start({ fanout: { concurrency: 1 } });
      for (const id of ['g1', 'g2', 'g3']) await subscribe(app, groupChat(id), 'water');
      const gate = telegram.hold(0);
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.waiting === 1, 5_000, 'the first send to wait');
      const [first] = telegram.calls.map((c) => c.chatId);
      const pending = ['g1', 'g2', 'g3'].filter((id) => id !== first);
      const reply = await run(app, groupChat(pending[0]!), 'unsubscribe', { topic: 'water' });
      expect(reply).toMatchObject({ kind: 'text', tone: 'info' });
      gate.release();
      await waitFor(() => telegram.sent.length === 2, 5_000, 'the two still subscribed');
      await app.fanout.idle();
      expect(telegram.to(pending[0]!)).toEqual([]);
      expect(telegram.to(pending[1]!)).toEqual(['New dams']);
      expect(telegram.to(first!)).toEqual(['New dams']);
      expect(outcomes(place)).toContain(`${pending[0]} dropped the chat no longer follows the topic`);
    },
    SLOW,
  );

  it(
    'sends again a delivery whose send never finished before the shutdown gave up on it',
    async () => {
      const firstLog = memoryLogger();
      const first = await start({ fanout: { concurrency: 1, stopGraceMs: 100 }, logger: firstLog.logger });
      for (const id of ['g1', 'g2', 'g3']) await subscribe(first, groupChat(id), 'water');
      telegram.hold(1); // never released: the platform never accepted the second send
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.sent.length === 1 && telegram.waiting === 1, 5_000, 'the broadcast to stall');
      await first.stop();
      expect(firstLog.lines.filter((l) => l.msg.startsWith('stopped while sends were under way'))).toEqual([
        expect.objectContaining({ level: 40, deliveries: 1 }),
      ]);

      const { logger, lines } = memoryLogger();
      const fresh = new MemoryAdapter('telegram');
      const second = await startTestApp(place, { adapters: [fresh], logger });
      apps.push(second);
      await waitFor(() => fresh.sent.length === 2, 5_000, 'the rest');
      await second.fanout.idle();
      expect([...telegram.to('g1'), ...fresh.to('g1')]).toEqual(['New dams']);
      expect([...telegram.to('g2'), ...fresh.to('g2')]).toEqual(['New dams']);
      expect([...telegram.to('g3'), ...fresh.to('g3')]).toEqual(['New dams']);
      // g2's send was under way at the shutdown: its outcome is unknown; g2 and g3 are still owed.
      expect(lines.find((l) => l.msg.includes('may arrive twice'))).toMatchObject({ level: 40, deliveries: 1 });
      expect(lines.find((l) => l.msg === 'resuming pending deliveries')).toMatchObject({
        level: 30,
        pending: 2,
        platforms: ['telegram'],
      });
    },
    SLOW,
  );

  it(
    'deactivates a chat that is gone 3 times in a row, with a log line',
    async () => {
      const { logger, lines } = memoryLogger();
      const app = await start({ logger });
      await subscribe(app, groupChat('blocked'), 'water');
      await subscribe(app, groupChat('fine'), 'water');
      const gone = { ok: false, reason: 'gone', detail: 'bot was blocked by the user' } as const;
      telegram.script('blocked', gone, gone, gone);

      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.calls.filter((c) => c.chatId === 'blocked').length === 3, 5_000, 'three tries');
      await app.fanout.idle();
      expect(telegram.to('fine')).toEqual(['New dams']);
      expect(telegram.to('blocked')).toEqual([]);
      const [subscription] = await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'blocked' });
      expect(subscription).toMatchObject({ active: false, pausedReason: 'gone: bot was blocked by the user' });
      const unreachable = { platform: 'telegram', chatId: 'blocked', reason: 'gone', detail: gone.detail };
      expect(lines.filter((l) => l.chatId === 'blocked').map((l) => [l.level, l.msg, l.failures])).toEqual([
        [30, 'chat could not be reached; trying again later', 1],
        [30, 'chat could not be reached; trying again later', 2],
        [40, 'subscriptions deactivated: the chat could not be reached 3 times in a row', 3],
      ]);
      expect(lines.filter((l) => l.chatId === 'blocked').at(-1)).toMatchObject(unreachable);

      // No more attempts for that chat.
      await writeBrief(place, 'canals', { topics: ['water'] });
      await waitFor(() => telegram.to('fine').length === 2, 5_000, 'the next brief');
      await app.fanout.idle();
      expect(telegram.calls.filter((c) => c.chatId === 'blocked')).toHaveLength(3);

      // A moderator subscribing again turns it back on.
      expect(await run(app, groupChat('blocked'), 'subscribe', { topic: 'water' })).toMatchObject({
        text: expect.stringContaining('back on'),
      });
    },
    SLOW,
  );

  it(
    'keeps a chat that fails twice and then answers',
    async () => {
      const app = await start();
      await subscribe(app, groupChat('flaky'), 'water');
      const gone = { ok: false, reason: 'gone', detail: 'chat not found' } as const;
      telegram.script('flaky', gone, gone);
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.to('flaky').length === 1, 5_000, 'the delivery');
      await app.fanout.idle();
      telegram.script('flaky', gone, gone);
      await writeBrief(place, 'canals', { topics: ['water'] });
      await waitFor(() => telegram.to('flaky').length === 2, 5_000, 'the second delivery');
      await app.fanout.idle();
      expect((await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'flaky' }))[0]?.active).toBe(true);
    },
    SLOW,
  );

  it(
    'follows a group that migrated to a new id',
    async () => {
      const { logger, lines } = memoryLogger();
      const app = await start({ logger });
      await subscribe(app, groupChat('-100'), 'water');
      telegram.script('-100', { ok: false, reason: 'migrated', newChatId: '-100200' });
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.sent.length === 1, 5_000, 'the delivery');
      await app.fanout.idle();
      expect(telegram.to('-100200')).toEqual(['New dams']);
      expect(lines.find((l) => l.msg === 'chat migrated; its subscriptions moved')).toMatchObject({
        platform: 'telegram',
        from: '-100',
        to: '-100200',
      });
      expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: '-100' })).toEqual([]);
      expect((await app.data.subscriptionsOf({ platform: 'telegram', chatId: '-100200' })).map((s) => s.topic)).toEqual(
        ['water'],
      );

      await writeBrief(place, 'canals', { topics: ['water'] });
      await waitFor(() => telegram.sent.length === 2, 5_000, 'the next delivery');
      expect(telegram.calls.map((c) => c.chatId)).toEqual(['-100', '-100200', '-100200']);
    },
    SLOW,
  );

  it(
    'retries passing failures with backoff, and gives up after the last attempt',
    async () => {
      const { logger, lines } = memoryLogger();
      const app = await start({ fanout: { maxAttempts: 4 }, logger });
      await subscribe(app, groupChat('slow'), 'water');
      await subscribe(app, groupChat('down'), 'water');
      const failed = { ok: false, reason: 'failed', detail: '502 Bad Gateway' } as const;
      telegram.script('slow', failed, failed);
      telegram.script('down', failed, failed, failed, failed, failed);
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => telegram.to('slow').length === 1, 5_000, 'the retried delivery');
      await app.fanout.idle();
      expect(telegram.calls.filter((c) => c.chatId === 'slow')).toHaveLength(3);
      expect(telegram.calls.filter((c) => c.chatId === 'down')).toHaveLength(4);
      expect(telegram.to('down')).toEqual([]);
      expect(lines.filter((l) => l.msg === 'delivery given up')).toEqual([
        expect.objectContaining({
          level: 40,
          platform: 'telegram',
          chatId: 'down',
          slug: 'dams',
          attempts: 4,
          error: '502 Bad Gateway',
        }),
      ]);
      // A passing failure is no news for the log until the delivery is given up.
      expect(lines.filter((l) => l.msg.startsWith('chat could not be reached'))).toEqual([]);
      expect(await app.data.countPending(['telegram'])).toBe(0);
      // a passing failure does not pause the subscription
      expect((await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'down' }))[0]?.active).toBe(true);
    },
    SLOW,
  );

  it(
    'sends the newest version only to a chat still waiting for an older one, labelled New',
    async () => {
      const app = await start({ fanout: { concurrency: 1 } });
      await subscribe(app, groupChat('a'), 'water');
      await subscribe(app, groupChat('b'), 'water');
      const gate = telegram.hold(0);
      await writeBrief(place, 'dams', { topics: ['water'], summary: 'First draft.' });
      await waitFor(() => telegram.waiting === 1, 5_000, 'the first send to stall');
      await writeBrief(place, 'dams', { topics: ['water'], summary: 'Second draft.' });
      await waitFor(() => app.store.library.get('dams')?.summary === 'Second draft.', 5_000, 'the edit');
      gate.release();
      await waitFor(() => telegram.sent.length === 3, 5_000, 'three messages');
      await app.fanout.idle();
      expect(telegram.to('a')).toEqual(['New dams', 'Updated dams']);
      expect(telegram.to('b')).toEqual(['New dams']);
      const toB = telegram.sent.find((s) => s.chatId === 'b')!.reply;
      expect(toB.kind === 'brief' && toB.brief.summary).toBe('Second draft.');
      expect(outcomes(place)).toEqual([
        'a done',
        'a done',
        'b superseded a newer version of the brief replaced it',
        'b done',
      ]);
    },
    SLOW,
  );

  it(
    'holds deliveries for a platform that is not running until it is',
    async () => {
      const first = await start();
      await subscribe(first, groupChat('c1', 'discord'), 'water');
      await first.stop();
      const second = await startTestApp(place, { adapters: [telegram] });
      apps.push(second);
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => second.store.library.get('dams') !== undefined, 5_000, 'the new brief');
      await second.fanout.idle();
      expect(await second.data.countPending(['discord'])).toBe(1);
      await second.stop();
      const third = await start();
      await waitFor(() => discord.sent.length === 1, 5_000, 'the held delivery');
      expect(discord.to('c1')).toEqual(['New dams']);
      await third.fanout.idle();
    },
    SLOW,
  );

  it(
    'drops deliveries that waited longer than they may, and says how many',
    async () => {
      const first = await start();
      await subscribe(first, groupChat('c1', 'discord'), 'water');
      await first.stop();
      const second = await startTestApp(place, { adapters: [telegram] });
      apps.push(second);
      await writeBrief(place, 'dams', { topics: ['water'] });
      await waitFor(() => second.store.library.get('dams') !== undefined, 5_000, 'the new brief');
      await second.fanout.idle();
      await second.stop();
      const { logger, lines } = memoryLogger();
      const third = await start({ fanout: { expireAfterMs: 1 }, logger });
      await third.fanout.idle();
      expect(discord.sent).toEqual([]);
      expect(lines.filter((l) => l.msg === 'dropped deliveries that waited too long to be sent')).toEqual([
        expect.objectContaining({ level: 40, deliveries: 1 }),
      ]);
      expect(outcomes(place)).toEqual([expect.stringMatching(/^c1 dropped/)]);
    },
    SLOW,
  );
});
