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

  describe('subscriptions', () => {
    it('adds once, says when it already exists, and removes', async () => {
      expect(await store.subscribe(chat('g1'), 'water', 'u1')).toBe('added');
      expect(await store.subscribe(chat('g1'), 'water', 'u2')).toBe('exists');
      expect(await store.subscribe(chat('g1', 'discord'), 'water', 'u1')).toBe('added');
      expect(await store.subscriptionsOf(chat('g1'))).toHaveLength(1);
      expect(await store.unsubscribe(chat('g1'), 'water')).toBe(true);
      expect(await store.unsubscribe(chat('g1'), 'water')).toBe(false);
      expect(await store.subscriptionsOf(chat('g1', 'discord'))).toHaveLength(1);
    });

    it('lists each chat once for the topics of a brief', async () => {
      await store.subscribe(chat('g1'), 'water', 'u1');
      await store.subscribe(chat('g1'), 'aral-sea', 'u1');
      await store.subscribe(chat('g2'), 'aral-sea', 'u1');
      await store.subscribe(chat('g3'), 'glaciers', 'u1');
      expect(await store.subscribedChats(['water', 'aral-sea'])).toEqual([chat('g1'), chat('g2')]);
      expect(await store.subscribedChats([])).toEqual([]);
      expect(await store.isSubscribed(chat('g3'), ['water', 'glaciers'])).toBe(true);
      expect(await store.isSubscribed(chat('g3'), ['water'])).toBe(false);
    });

    it('counts unreachable answers in a row, resets on success, pauses and resumes', async () => {
      await store.subscribe(chat('g1'), 'water', 'u1');
      await store.subscribe(chat('g1'), 'dams', 'u1');
      expect(await store.recordUnreachable(chat('g1'))).toBe(1);
      expect(await store.recordUnreachable(chat('g1'))).toBe(2);
      await store.recordReachable(chat('g1'));
      expect(await store.recordUnreachable(chat('g1'))).toBe(1);
      await store.announce('b1', 'v1', 'New', [chat('g1')]);
      expect(await store.deactivateChat(chat('g1'), 'gone: kicked')).toBe(2);
      expect((await store.subscriptionsOf(chat('g1'))).map((s) => [s.active, s.pausedReason])).toEqual([
        [false, 'gone: kicked'],
        [false, 'gone: kicked'],
      ]);
      expect(await store.countPending(['telegram'])).toBe(0);
      expect(await store.subscribedChats(['water'])).toEqual([]);
      expect(await store.recordUnreachable(chat('g1'))).toBe(0);
      // subscribing again to one topic shows the chat is reachable: all of its topics resume
      expect(await store.subscribe(chat('g1'), 'water', 'u2')).toBe('resumed');
      expect((await store.subscriptionsOf(chat('g1'))).every((s) => s.active && s.pausedReason === undefined)).toBe(
        true,
      );
      await store.deactivateChat(chat('g1'), 'gone: kicked');
      expect(await store.subscribe(chat('g1'), 'climate', 'u2')).toBe('added');
      expect(await store.subscribedChats(['water', 'dams', 'climate'])).toEqual([chat('g1')]);
      expect((await store.subscriptionsOf(chat('g1'))).filter((s) => s.active)).toHaveLength(3);
    });

    it('moves a migrated chat, keeping what the new id already had', async () => {
      await store.subscribe(chat('-1'), 'water', 'u1');
      await store.subscribe(chat('-1'), 'dams', 'u1');
      await store.subscribe(chat('-100'), 'water', 'u1');
      await store.announce('b1', 'v1', 'New', [chat('-1')]);
      await store.announce('b2', 'v1', 'New', [chat('-1'), chat('-100')]);
      await store.migrateChat('telegram', '-1', '-100');
      expect(await store.subscriptionsOf(chat('-1'))).toEqual([]);
      expect((await store.subscriptionsOf(chat('-100'))).map((s) => s.topic)).toEqual(['dams', 'water']);
      expect(await store.countPending(['telegram'], chat('-1'))).toBe(0);
      expect(await store.countPending(['telegram'], chat('-100'))).toBe(2);
    });
  });

  describe('announcements and deliveries', () => {
    it('owes each (chat, brief, version) once and remembers the version', async () => {
      expect(await store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2')])).toBe(2);
      expect(await store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2'), chat('g3')])).toBe(1);
      expect(await store.knownVersion('b1')).toBe('v1');
      expect(await store.announce('b1', 'v2', 'Updated', [chat('g1')])).toBe(1);
      expect(await store.knownVersions()).toEqual(new Map([['b1', 'v2']]));
      expect(await store.countPending(['telegram'])).toBe(4);
      expect(await store.countPending(['discord'])).toBe(0);
    });

    it('labels an update New for a chat whose New was never sent', async () => {
      await store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2')]);
      const [first] = await store.duePending('telegram', Date.now(), 1);
      await store.markAttempt(first!.id); // g1's send is under way
      await store.announce('b1', 'v2', 'Updated', [chat('g1'), chat('g2')]);
      const v2 = (await store.duePending('telegram', Date.now() + 1, 10)).filter((d) => d.version === 'v2');
      expect(v2.map((d) => [d.chatId, d.label])).toEqual([
        ['g1', 'Updated'],
        ['g2', 'New'],
      ]);
    });

    it('walks a delivery through attempts, retries and its end', async () => {
      await store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2'), chat('g3')]);
      const now = Date.now();
      const [a, b, c] = await store.duePending('telegram', now, 10);
      await store.markAttempt(a!.id);
      expect(await store.countUnknownOutcomes()).toBe(1);
      await store.markDone(a!.id, ['m1']);
      expect(await store.countUnknownOutcomes()).toBe(0);
      await store.markAttempt(b!.id);
      await store.retryAt(b!.id, now + 60_000, '502');
      expect((await store.duePending('telegram', now, 10)).map((d) => d.chatId)).toEqual(['g3']);
      expect(await store.nextDueAfter(['telegram'], now)).toBe(now + 60_000);
      expect(await store.duePending('telegram', now + 60_000, 10)).toMatchObject([
        { chatId: 'g3' },
        { chatId: 'g2', attempts: 1 },
      ]);
      await store.finish(c!.id, 'superseded', 'newer version');
      await store.finish(b!.id, 'failed', 'gave up');
      expect(await store.countPending(['telegram'])).toBe(0);
      // a delivery that ended stays ended
      await store.retryAt(b!.id, now, 'late');
      expect(await store.countPending(['telegram'])).toBe(0);
    });

    it('expires deliveries that waited too long', async () => {
      let now = 1_000_000;
      const clocked = new SqliteStore(join(dir, 'clocked.db'), { now: () => now });
      await clocked.announce('b1', 'v1', 'New', [chat('g1')]);
      now += 10_000;
      await clocked.announce('b2', 'v1', 'New', [chat('g1')]);
      expect(await clocked.expirePending(now - 5_000)).toBe(1);
      expect(await clocked.countPending(['telegram'])).toBe(1);
      await clocked.close();
    });
  });

  it('keeps the audit log of posts, newest first', async () => {
    const base = {
      platform: 'discord',
      userId: 'u1',
      userName: 'Mod <b>',
      fromChatId: 'c1',
      slug: 'aral',
      version: 'v1',
    } as const;
    await store.recordPost({
      ...base,
      at: new Date(1000),
      targetChatId: 'c1',
      outcome: 'ok',
      messageIds: ['m1', 'm2'],
    });
    await store.recordPost({
      ...base,
      at: new Date(2000),
      targetChatId: 'c2',
      outcome: 'forbidden',
      detail: 'missing Embed Links',
      messageIds: [],
    });
    expect(await store.recentPosts(10)).toEqual([
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
  describe('handled updates', () => {
    it('claims an update id once per platform, and again only after it is forgotten', async () => {
      expect(await store.claimUpdate('telegram', '41')).toBe(true);
      expect(await store.claimUpdate('telegram', '41')).toBe(false);
      expect(await store.claimUpdate('discord', '41')).toBe(true);
      expect(await store.forgetUpdatesBefore(Date.now() + 1)).toBe(2);
      expect(await store.claimUpdate('telegram', '41')).toBe(true);
    });
  });
});
