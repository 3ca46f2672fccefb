import pg from 'pg';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { MemoryAdapter } from '../fanout/helpers/memory-adapter.js';
import {
  groupChat,
  removePlace,
  replyText,
  run,
  startTestApp,
  tempPlace,
  waitFor,
  writeBrief,
  type TestPlace,
} from '../fanout/helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

/** Polls an async check until it passes or the time is up. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe('several instances on one PostgreSQL database', () => {
  let db: TestDatabase;
  let place: TestPlace;
  const apps: App[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    place = await tempPlace();
    await writeBrief(place, 'aral', { topics: ['aral-sea', 'water'] });
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await db.drop();
    await removePlace(place);
  });

  const start = async (instance: string, adapter: MemoryAdapter, url = db.url): Promise<App> => {
    const app = await startTestApp(place, {
      adapters: [adapter],
      env: {
        DATABASE_URL: url,
        INSTANCE_ID: instance,
        DATABASE_PATH: join(place.root, instance, 'unused.db'),
      },
    });
    apps.push(app);
    return app;
  };

  /** Ends the leader's lock connection from the server side, as a crash or a network cut would. */
  const cutLeaderConnection = async (instance: string): Promise<number> => {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
        [`briefbot:${instance}`],
      );
      return rowCount ?? 0;
    } finally {
      await admin.end();
    }
  };

  it('one instance sends; when its connection is cut another takes over within 10 s and finishes the broadcast, each chat once', async () => {
    const onA = new MemoryAdapter('telegram');
    const onB = new MemoryAdapter('telegram');
    const a = await start('a', onA);
    await waitFor(() => a.leadership.isLeader(), 10_000, 'a to lead');
    const b = await start('b', onB);
    expect(await b.leadership.leaderId()).toBe('a');
    expect(b.leadership.isLeader()).toBe(false);
    expect(replyText(await run(b, groupChat('g0'), 'status'))).toContain('Instance: b (the updates are sent by a)');

    const chats = Array.from({ length: 20 }, (_, i) => `g${i}`);
    // Commands reach either instance; the subscriptions land in the shared database.
    for (const [i, id] of chats.entries())
      await run(i % 2 === 0 ? a : b, groupChat(id), 'subscribe', { topic: 'water' });
    onA.hold(5); // the leader gets 5 messages out, then its sends hang: it is about to die
    await writeBrief(place, 'dams', { topics: ['water'] });
    await waitFor(() => onA.sent.length === 5, 10_000, 'the leader to start the broadcast');

    expect(await cutLeaderConnection('a')).toBe(1);
    const cutAt = Date.now();
    await waitFor(() => b.leadership.isLeader(), 10_000, 'b to take over');
    expect(Date.now() - cutAt).toBeLessThan(10_000);
    expect(a.leadership.isLeader()).toBe(false);
    await waitFor(() => onA.sent.length + onB.sent.length === chats.length, 15_000, 'every chat served');
    await b.fanout.idle();

    for (const id of chats) {
      const got = [...onA.sent, ...onB.sent].filter((s) => s.chatId === id);
      expect(got, id).toHaveLength(1);
    }
    expect(onB.sent).toHaveLength(chats.length - 5);
    await eventually(async () => (await a.leadership.leaderId()) === 'b', 10_000, 'a to see b lead');
  });

  it('keeps answering from memory through a database outage, refuses what needs it, and delivers after', async () => {
    const { startTcpProxy } = await import('../helpers/tcp-proxy.js');
    const target = new URL(db.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port));
    try {
      const viaProxy = new URL(db.url);
      viaProxy.port = String(proxy.port);
      const adapter = new MemoryAdapter('telegram');
      const app = await start('a', adapter, viaProxy.toString());
      await waitFor(() => app.leadership.isLeader(), 10_000, 'the instance to lead');
      await run(app, groupChat('g1'), 'subscribe', { topic: 'water' });

      proxy.cut();
      await writeBrief(place, 'dams', { topics: ['water'] });
      expect((await run(app, groupChat('g1'), 'brief', { topic: 'aral' }))?.kind).toBe('brief');
      expect((await run(app, groupChat('g1'), 'topics'))?.kind).toBe('topics');
      const refused = await run(app, groupChat('g2'), 'subscribe', { topic: 'water' });
      expect(refused).toMatchObject({
        kind: 'text',
        tone: 'error',
        code: 'database_unavailable',
        text: 'The database is not answering; try again in a moment.',
      });
      await waitFor(() => !app.leadership.isLeader(), 10_000, 'the instance to stop leading');

      proxy.restore();
      await waitFor(() => app.leadership.isLeader(), 15_000, 'the instance to lead again');
      // What could not be stored was never reported as done: it is not there until asked again.
      expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g2' })).toEqual([]);
      expect(replyText(await run(app, groupChat('g2'), 'subscribe', { topic: 'water' }))).not.toContain('database');
      expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g2' })).toHaveLength(1);
      // The brief added during the outage goes out once the leader is back.
      await waitFor(() => adapter.sent.some((s) => s.chatId === 'g1'), 15_000, 'the delivery after the outage');
      expect(adapter.sent.filter((s) => s.chatId === 'g1')).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
