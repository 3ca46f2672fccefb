import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatKey } from '../../src/store/data-store.js';
import { migrations } from '../../src/store/migrations.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const chat = (chatId: string, platform: ChatKey['platform'] = 'telegram'): ChatKey => ({ platform, chatId });

describe('SqliteStore', () => {
  let dir: string;
  let path: string;
  let store: SqliteStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefbot-store-'));
    path = join(dir, 'not', 'yet', 'there.db');
    store = openSqliteStore(path);
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('opening', () => {
    it('creates the folder, uses WAL and records the schema version', async () => {
      expect(existsSync(path)).toBe(true);
      await store.close();
      const raw = new BetterSqlite3(path, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
      raw.close();
    });

    it('keeps its data across reopening and does not migrate twice', async () => {
      await store.subscribe(chat('g1'), 'water', 'u1');
      await store.close();
      store = openSqliteStore(path);
      expect((await store.subscriptionsOf(chat('g1'))).map((s) => s.topic)).toEqual(['water']);
    });

    it('gives subscriptions from before formats existed the full format with previews', async () => {
      const oldPath = join(dir, 'old.db');
      const raw = new BetterSqlite3(oldPath);
      for (const step of migrations.slice(0, 3)) raw.exec(step);
      raw.pragma('user_version = 3');
      raw
        .prepare('INSERT INTO subscriptions (platform, chat_id, topic, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
        .run('telegram', 'g1', 'water', 1, 'u1');
      raw.close();
      const old = openSqliteStore(oldPath);
      try {
        expect(await old.subscriptionsOf(chat('g1'))).toMatchObject([
          { topic: 'water', format: 'full', linkPreviews: true, active: true },
        ]);
      } finally {
        await old.close();
      }
    });

    it('refuses a database written by a newer version, naming the file', async () => {
      await store.close();
      const raw = new BetterSqlite3(path);
      raw.pragma(`user_version = ${migrations.length + 1}`);
      raw.close();
      const expected = new RegExp(`there\\.db has schema version ${migrations.length + 1}, .*upgrade briefbot`);
      expect(() => openSqliteStore(path)).toThrow(expected);
      store = openSqliteStore(join(dir, 'other.db'));
    });
  });

  describe('one process per file', () => {
    it('refuses a second open of the file, naming the holder, until the first closes', async () => {
      expect(() => openSqliteStore(path)).toThrow(
        new RegExp(`there\\.db is in use by this process on ${hostname()} .*DATABASE_URL`),
      );
      await store.close();
      store = openSqliteStore(path);
      expect(existsSync(`${path}.lock`)).toBe(true);
    });

    it('refuses while another process holds the file, and takes over once it died', async () => {
      await store.close();
      const holder = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('./src/store/sqlite-store.ts').then((m) => { m.openSqliteStore(${JSON.stringify(path)}); console.log('open'); setInterval(() => {}, 1000); })`,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the holder did not open the store in 20 s')), 20_000);
          holder.stdout.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('open')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        expect(() => openSqliteStore(path)).toThrow(`is in use by process ${holder.pid} on ${hostname()}`);
      } finally {
        const exited = new Promise((resolve) => holder.once('exit', resolve));
        holder.kill('SIGKILL');
        await exited;
      }
      // Killed without closing: its lock file stays, and names a process that is gone.
      expect(existsSync(`${path}.lock`)).toBe(true);
      store = openSqliteStore(path);
      expect(await store.subscribe(chat('g1'), 'water', 'u1')).toBe('added');
    });
  });
});
