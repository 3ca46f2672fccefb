import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatKey, DataStore } from '../../src/store/data-store.js';
import { openPgStore } from '../../src/store/pg/pg-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);
const chat = (chatId: string): ChatKey => ({ platform: 'telegram', chatId });

/** What a DataStore shows of its content, through its own interface, as a sender starting on it sees it. */
async function snapshot(store: DataStore) {
  await store.releaseClaims(); // the copy leaves claims behind
  return {
    g1: await store.subscriptionsOf(chat('g1')),
    g2: await store.subscriptionsOf(chat('g2')),
    versions: await store.knownVersions(),
    pending: await store.countPending(['telegram']),
    unknown: await store.countUnknownOutcomes(),
    posts: await store.recentPosts(10),
    languages: await Promise.all(
      ['g1', 'g2', 'p1', 'p2'].map(async (id) => [
        await store.chatLanguage(chat(id)),
        await store.deliveryLanguage(chat(id)),
      ]),
    ),
    due: (await store.claimDue('telegram', Date.now() + 1, 10, 1_000)).map((d) => [d.id, d.chatId, d.label]),
  };
}

describe('npm run db:copy', () => {
  let db: TestDatabase;
  let dir: string;
  let path: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'briefbot-copy-'));
    path = join(dir, 'briefbot.db');
    const sqlite = openSqliteStore(path);
    await sqlite.subscribe(chat('g1'), 'water', 'u1');
    await sqlite.subscribe(chat('g1'), 'dams', 'u1');
    await sqlite.subscribe(chat('g2'), 'water', 'u2');
    await sqlite.deactivateChat(chat('g2'), 'gone: kicked');
    await sqlite.announce('aral', 'v1', 'New', [chat('g1'), chat('g3')]);
    const [sent, underWay] = await sqlite.claimDue('telegram', Date.now(), 2, 60_000);
    await sqlite.markAttempt(sent!.id);
    await sqlite.markDone(sent!.id, ['m1']);
    await sqlite.markAttempt(underWay!.id);
    await sqlite.announce('dams', 'v2', 'Updated', [chat('g1')]);
    await sqlite.recordPost({
      at: new Date(5_000),
      platform: 'telegram',
      userId: 'u1',
      userName: 'Mod',
      fromChatId: 'g1',
      targetChatId: 'g1',
      slug: 'aral',
      version: 'v1',
      outcome: 'ok',
      messageIds: ['m9'],
    });
    await sqlite.claimUpdate('telegram', '77');
    await sqlite.rememberForumThread({ platform: 'discord', chatId: '900' }, 'aral', '901');
    await sqlite.setChatLanguage(chat('g1'), 'ru');
    await sqlite.setReaderLanguage(chat('p1'), 'kk');
    await sqlite.setChatLanguage(chat('p2'), 'ru');
    await sqlite.setReaderLanguage(chat('p2'), 'en-GB');
    await sqlite.close();
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const copy = (env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts'], {
      env: { ...process.env, ...env },
      timeout: 30_000,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('copies subscriptions, deliveries, versions, posts and chat languages once, then refuses a database with data', async () => {
    const first = await copy({ DATABASE_PATH: path, DATABASE_URL: db.url });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /^db:copy: copied .*briefbot\.db into 127\.0\.0\.1:\d+\/briefbot_test_\w+: 3 subscriptions, 3 deliveries, 2 brief versions, 1 posts, 1 handled updates, 1 forum threads, 3 chat settings\n$/,
    );
    expect(first.code).toBe(0);

    const sqlite = openSqliteStore(path);
    const expected = await snapshot(sqlite);
    await sqlite.close();
    const pgStore = await openPgStore(db.url, silentLogger());
    try {
      expect(await snapshot(pgStore)).toEqual(expected);
      expect(expected.due).toHaveLength(2);
      // The chosen language wins over the reader's; a reader's language alone is kept too.
      expect(expected.languages).toEqual([
        ['ru', 'ru'],
        [undefined, undefined],
        [undefined, 'kk'],
        ['ru', 'ru'],
      ]);
      expect(await pgStore.forumThread({ platform: 'discord', chatId: '900' }, 'aral')).toBe('901');
      // New rows continue after the copied ids.
      await pgStore.announce('glaciers', 'v1', 'New', [chat('g1')]);
      const [next] = await pgStore.claimDue('telegram', Date.now() + 1, 10, 1_000);
      expect(next!.id).toBe(4);
    } finally {
      await pgStore.close();
    }

    const again = await copy({ DATABASE_PATH: path, DATABASE_URL: db.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^db:copy: the PostgreSQL database already holds \d+ rows; .*nothing was copied\n$/);
  });

  it('needs DATABASE_URL, and never prints its password when it is malformed', async () => {
    const missing = await copy({ DATABASE_PATH: path, DATABASE_URL: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DATABASE_URL is required');
    const malformed = await copy({ DATABASE_PATH: path, DATABASE_URL: 'mysql://u:hunter2@db/x' });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('DATABASE_URL must be a postgres://');
    expect(malformed.stderr).not.toContain('hunter2');
  });
});
