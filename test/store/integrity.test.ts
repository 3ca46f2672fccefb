import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreCommands } from '../../commands/index.js';
import { Bot } from '../../src/core/bot.js';
import { Library } from '../../src/content/library.js';
import { Operators } from '../../src/core/operators.js';
import type { StatusSource } from '../../src/fanout/status-source.js';
import { checkSqliteFile, DatabaseDamagedError } from '../../src/store/integrity.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { StoreHealth } from '../../src/store/store-health.js';
import { watchStore } from '../../src/store/watched-store.js';
import { FailingStore, memoryLogger } from '../fanout/helpers/failing-store.js';
import { startTestApp, type TestPlace } from '../fanout/helpers/test-app.js';

const PAGE = 4096;

/** A database with enough rows to fill several pages, closed. */
async function filledDatabase(path: string): Promise<void> {
  const store = openSqliteStore(path);
  for (let i = 0; i < 400; i++) await store.subscribe({ platform: 'telegram', chatId: `chat-${i}` }, 'water', 'u1');
  await store.close();
}

/** Overwrites one page with garbage, as a failing disk or a bad copy would. */
async function damagePage(path: string, page: number): Promise<void> {
  const file = await open(path, 'r+');
  try {
    const garbage = Buffer.alloc(PAGE, 0);
    for (let i = 0; i < PAGE; i++) garbage[i] = (i * 151 + 7) % 256;
    await file.write(garbage, 0, PAGE, (page - 1) * PAGE);
  } finally {
    await file.close();
  }
}

describe('the database check at start', () => {
  let root: string;
  let dbPath: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefbot-integrity-'));
    dbPath = join(root, 'data', 'briefbot.db');
    await filledDatabase(dbPath);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('passes a healthy file and a file that does not exist yet', () => {
    expect(() => checkSqliteFile(dbPath)).not.toThrow();
    expect(() => checkSqliteFile(join(root, 'none.db'))).not.toThrow();
  });

  it('refuses a file with a damaged page, saying what is wrong and what to do', async () => {
    await damagePage(dbPath, 3);
    let error: unknown;
    try {
      checkSqliteFile(dbPath);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect(String((error as Error).message)).toMatch(
      /^the database .*briefbot\.db is damaged \(PRAGMA quick_check: .+\)\. Restore it from a backup/,
    );
  });

  it('stops the app from starting on a damaged file, with an error in the log', async () => {
    await damagePage(dbPath, 2);
    const place: TestPlace = { root, contentDir: join(root, 'content'), databasePath: dbPath };
    await mkdir(place.contentDir);
    const { logger, lines } = memoryLogger();
    await expect(startTestApp(place, { logger, watch: false })).rejects.toThrow(DatabaseDamagedError);
    expect(lines.filter((l) => l.level === 50).map((l) => l.msg)).toEqual(['the database failed its check at start']);
  });
});

describe('/status reports a failing database to operators', () => {
  it('names the failure, since when and how many calls failed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'briefbot-status-db-'));
    try {
      const failing = new FailingStore(openSqliteStore(join(root, 'briefbot.db')));
      const { logger, lines } = memoryLogger();
      const health = new StoreHealth(logger);
      const store = watchStore(failing.store, health);
      const status: StatusSource = {
        content: () => ({ briefs: 0, drafts: 0, errors: [], dir: root }),
        adapters: () => [],
        instance: () => Promise.resolve({ id: 'test', leader: 'test' }),
        database: () => health.state(),
      };
      const services = {
        subscriptions: store,
        status,
        operators: new Operators(),
        publisher: { post: () => Promise.reject(new Error('unused')) },
      };
      const bot = new Bot({ library: new Library(), commands: coreCommands, logger, services });
      const ask = async (platform: 'console' | 'telegram') => {
        const reply = await bot.handle({
          command: 'status',
          args: {},
          user: { id: '99', name: 'Someone', isModerator: true },
          chat: { id: '99', kind: 'private', platform },
        });
        return reply?.kind === 'text' ? reply.text : '';
      };
      expect(await ask('console')).toContain('Database: working');

      failing.fail('markDone', 'countPending');
      await expect(store.markDone(1, [])).rejects.toThrow('database markDone: database or disk is full');
      const text = await ask('console');
      expect(text).toMatch(
        /Database: FAILING since \d{4}-\d\d-\d\d \d\d:\d\d UTC, \d+ failed calls?: database or disk is full/,
      );
      // A stranger in a private chat hears nothing about it.
      expect(await ask('telegram')).not.toContain('Database');
      expect(lines.filter((l) => l.level === 50)).toHaveLength(1);

      failing.heal();
      await store.markDone(1, []);
      await store.countPending(['telegram']);
      expect(await ask('console')).toContain('Database: working');
      await failing.real.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
