import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatKey } from '../../src/store/data-store.js';
import { migrations } from '../../src/store/migrations.js';
import { SqliteStore, openSqliteStore } from '../../src/store/sqlite-store.js';

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
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('opening', () => {
    it('creates the folder, uses WAL and records the schema version', () => {
      expect(existsSync(path)).toBe(true);
      store.close();
      const raw = new BetterSqlite3(path, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
      raw.close();
    });

    it('keeps its data across reopening and does not migrate twice', () => {
      store.subscribe(chat('g1'), 'water', 'u1');
      store.close();
      store = openSqliteStore(path);
      expect(store.subscriptionsOf(chat('g1')).map((s) => s.topic)).toEqual(['water']);
    });

    it('refuses a database written by a newer version, naming the file', () => {
      store.close();
      const raw = new BetterSqlite3(path);
      raw.pragma(`user_version = ${migrations.length + 1}`);
      raw.close();
      expect(() => openSqliteStore(path)).toThrow(/there\.db has schema version 2, .*upgrade briefbot/);
      store = openSqliteStore(join(dir, 'other.db'));
    });
  });

  describe('subscriptions', () => {
    it('adds once, says when it already exists, and removes', () => {
      expect(store.subscribe(chat('g1'), 'water', 'u1')).toBe('added');
      expect(store.subscribe(chat('g1'), 'water', 'u2')).toBe('exists');
      expect(store.subscribe(chat('g1', 'discord'), 'water', 'u1')).toBe('added');
      expect(store.subscriptionsOf(chat('g1'))).toHaveLength(1);
      expect(store.unsubscribe(chat('g1'), 'water')).toBe(true);
      expect(store.unsubscribe(chat('g1'), 'water')).toBe(false);
      expect(store.subscriptionsOf(chat('g1', 'discord'))).toHaveLength(1);
    });

    it('lists each chat once for the topics of a brief', () => {
      store.subscribe(chat('g1'), 'water', 'u1');
      store.subscribe(chat('g1'), 'aral-sea', 'u1');
      store.subscribe(chat('g2'), 'aral-sea', 'u1');
      store.subscribe(chat('g3'), 'glaciers', 'u1');
      expect(store.subscribedChats(['water', 'aral-sea'])).toEqual([chat('g1'), chat('g2')]);
      expect(store.subscribedChats([])).toEqual([]);
      expect(store.isSubscribed(chat('g3'), ['water', 'glaciers'])).toBe(true);
      expect(store.isSubscribed(chat('g3'), ['water'])).toBe(false);
    });

    it('counts unreachable answers in a row, resets on success, pauses and resumes', () => {
      store.subscribe(chat('g1'), 'water', 'u1');
      store.subscribe(chat('g1'), 'dams', 'u1');
      expect(store.recordUnreachable(chat('g1'))).toBe(1);
      expect(store.recordUnreachable(chat('g1'))).toBe(2);
      store.recordReachable(chat('g1'));
      expect(store.recordUnreachable(chat('g1'))).toBe(1);
      store.announce('b1', 'v1', 'New', [chat('g1')]);
      expect(store.deactivateChat(chat('g1'), 'gone: kicked')).toBe(2);
      expect(store.subscriptionsOf(chat('g1')).map((s) => [s.active, s.pausedReason])).toEqual([
        [false, 'gone: kicked'],
        [false, 'gone: kicked'],
      ]);
      expect(store.countPending(['telegram'])).toBe(0);
      expect(store.subscribedChats(['water'])).toEqual([]);
      expect(store.recordUnreachable(chat('g1'))).toBe(0);
      // subscribing again to one topic shows the chat is reachable: all of its topics resume
      expect(store.subscribe(chat('g1'), 'water', 'u2')).toBe('resumed');
      expect(store.subscriptionsOf(chat('g1')).every((s) => s.active && s.pausedReason === undefined)).toBe(true);
      store.deactivateChat(chat('g1'), 'gone: kicked');
      expect(store.subscribe(chat('g1'), 'climate', 'u2')).toBe('added');
      expect(store.subscribedChats(['water', 'dams', 'climate'])).toEqual([chat('g1')]);
      expect(store.subscriptionsOf(chat('g1')).filter((s) => s.active)).toHaveLength(3);
    });

    it('moves a migrated chat, keeping what the new id already had', () => {
      store.subscribe(chat('-1'), 'water', 'u1');
      store.subscribe(chat('-1'), 'dams', 'u1');
      store.subscribe(chat('-100'), 'water', 'u1');
      store.announce('b1', 'v1', 'New', [chat('-1')]);
      store.announce('b2', 'v1', 'New', [chat('-1'), chat('-100')]);
      store.migrateChat('telegram', '-1', '-100');
      expect(store.subscriptionsOf(chat('-1'))).toEqual([]);
      expect(store.subscriptionsOf(chat('-100')).map((s) => s.topic)).toEqual(['dams', 'water']);
      expect(store.countPending(['telegram'], chat('-1'))).toBe(0);
      expect(store.countPending(['telegram'], chat('-100'))).toBe(2);
    });
  });

  describe('announcements and deliveries', () => {
    it('owes each (chat, brief, version) once and remembers the version', () => {
      expect(store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2')])).toBe(2);
      expect(store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2'), chat('g3')])).toBe(1);
      expect(store.knownVersion('b1')).toBe('v1');
      expect(store.announce('b1', 'v2', 'Updated', [chat('g1')])).toBe(1);
      expect(store.knownVersions()).toEqual(new Map([['b1', 'v2']]));
      expect(store.countPending(['telegram'])).toBe(4);
      expect(store.countPending(['discord'])).toBe(0);
    });

    it('labels an update New for a chat whose New was never sent', () => {
      store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2')]);
      const [first] = store.duePending('telegram', Date.now(), 1);
      store.markAttempt(first!.id); // g1's send is under way
      store.announce('b1', 'v2', 'Updated', [chat('g1'), chat('g2')]);
      const v2 = store.duePending('telegram', Date.now() + 1, 10).filter((d) => d.version === 'v2');
      expect(v2.map((d) => [d.chatId, d.label])).toEqual([
        ['g1', 'Updated'],
        ['g2', 'New'],
      ]);
    });

    it('walks a delivery through attempts, retries and its end', () => {
      store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2'), chat('g3')]);
      const now = Date.now();
      const [a, b, c] = store.duePending('telegram', now, 10);
      store.markAttempt(a!.id);
      expect(store.countUnknownOutcomes()).toBe(1);
      store.markDone(a!.id, ['m1']);
      expect(store.countUnknownOutcomes()).toBe(0);
      store.markAttempt(b!.id);
      store.retryAt(b!.id, now + 60_000, '502');
      expect(store.duePending('telegram', now, 10).map((d) => d.chatId)).toEqual(['g3']);
      expect(store.nextDueAfter(['telegram'], now)).toBe(now + 60_000);
      expect(store.duePending('telegram', now + 60_000, 10)).toMatchObject([
        { chatId: 'g3' },
        { chatId: 'g2', attempts: 1 },
      ]);
      store.finish(c!.id, 'superseded', 'newer version');
      store.finish(b!.id, 'failed', 'gave up');
      expect(store.countPending(['telegram'])).toBe(0);
      // a delivery that ended stays ended
      store.retryAt(b!.id, now, 'late');
      expect(store.countPending(['telegram'])).toBe(0);
    });

    it('expires deliveries that waited too long', () => {
      let now = 1_000_000;
      const clocked = new SqliteStore(join(dir, 'clocked.db'), { now: () => now });
      clocked.announce('b1', 'v1', 'New', [chat('g1')]);
      now += 10_000;
      clocked.announce('b2', 'v1', 'New', [chat('g1')]);
      expect(clocked.expirePending(now - 5_000)).toBe(1);
      expect(clocked.countPending(['telegram'])).toBe(1);
      clocked.close();
    });
  });

  it('keeps the audit log of posts, newest first', () => {
    const base = {
      platform: 'discord',
      userId: 'u1',
      userName: 'Mod <b>',
      fromChatId: 'c1',
      slug: 'aral',
      version: 'v1',
    } as const;
    store.recordPost({ ...base, at: new Date(1000), targetChatId: 'c1', outcome: 'ok', messageIds: ['m1', 'm2'] });
    store.recordPost({
      ...base,
      at: new Date(2000),
      targetChatId: 'c2',
      outcome: 'forbidden',
      detail: 'missing Embed Links',
      messageIds: [],
    });
    expect(store.recentPosts(10)).toEqual([
      {
        ...base,
        at: new Date(2000),
        targetChatId: 'c2',
        outcome: 'forbidden',
        detail: 'missing Embed Links',
        messageIds: [],
      },
      { ...base, at: new Date(1000), targetChatId: 'c1', outcome: 'ok', messageIds: ['m1', 'm2'] },
    ]);
  });
});
