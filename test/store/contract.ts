import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatKey, DataStore, PostRecord } from '../../src/store/data-store.js';

export interface StoreOptions {
  now?: () => number;
}

/** How a backend makes an empty store for one test, and a second handle on the same data. */
export interface StoreMaker {
  /** An empty store. */
  fresh(options?: StoreOptions): Promise<DataStore>;
  /** Another store on the data of the last `fresh` one, as another process would open it; undefined when the backend allows one. */
  sibling?(): Promise<DataStore>;
}

const chat = (chatId: string, platform: ChatKey['platform'] = 'telegram'): ChatKey => ({ platform, chatId });
const LEASE = 60_000;

/** The same DataStore cases against any backend. */
export function dataStoreContract(name: string, maker: StoreMaker): void {
  describe(`DataStore contract: ${name}`, () => {
    let store: DataStore;
    const others: DataStore[] = [];

    beforeEach(async () => {
      store = await maker.fresh();
    });
    afterEach(async () => {
      for (const other of others.splice(0)) await other.close();
      await store.close();
    });

    describe('chat settings', () => {
      it('keeps a language per chat and platform, replaces and clears it', async () => {
        expect(await store.chatLanguage(chat('g1'))).toBeUndefined();
        await store.setChatLanguage(chat('g1'), 'ru');
        expect(await store.chatLanguage(chat('g1'))).toBe('ru');
        expect(await store.chatLanguage(chat('g1', 'discord'))).toBeUndefined();
        await store.setChatLanguage(chat('g1'), 'pt-BR');
        expect(await store.chatLanguage(chat('g1'))).toBe('pt-BR');
        await store.setChatLanguage(chat('g1'), undefined);
        expect(await store.chatLanguage(chat('g1'))).toBeUndefined();
      });

      it("delivers in the chosen language, else in the reader's remembered one", async () => {
        expect(await store.deliveryLanguage(chat('p1'))).toBeUndefined();
        await store.setReaderLanguage(chat('p1'), 'ru');
        expect(await store.deliveryLanguage(chat('p1'))).toBe('ru');
        // The reader's own language is not a choice: /language still shows none.
        expect(await store.chatLanguage(chat('p1'))).toBeUndefined();
        await store.setChatLanguage(chat('p1'), 'en');
        expect(await store.deliveryLanguage(chat('p1'))).toBe('en');
        await store.setReaderLanguage(chat('p1'), 'kk');
        expect(await store.deliveryLanguage(chat('p1'))).toBe('en');
        await store.setChatLanguage(chat('p1'), undefined);
        expect(await store.deliveryLanguage(chat('p1'))).toBe('kk');
      });

      it('moves the language with a migrated chat; what the new id chose wins', async () => {
        await store.setChatLanguage(chat('-1'), 'ru');
        await store.setReaderLanguage(chat('-1'), 'kk');
        await store.subscribe(chat('-1'), 'water', 'u1');
        await store.migrateChat('telegram', '-1', '-100');
        expect(await store.chatLanguage(chat('-100'))).toBe('ru');
        expect(await store.chatLanguage(chat('-1'))).toBeUndefined();
        expect(await store.deliveryLanguage(chat('-1'))).toBeUndefined();
        await store.setReaderLanguage(chat('-100'), 'en');
        await store.setChatLanguage(chat('-100'), undefined);
        expect(await store.deliveryLanguage(chat('-100'))).toBe('en');

        await store.setChatLanguage(chat('-2'), 'de');
        await store.setChatLanguage(chat('-200'), 'ru');
        await store.migrateChat('telegram', '-2', '-200');
        expect(await store.chatLanguage(chat('-200'))).toBe('ru');
        expect(await store.chatLanguage(chat('-2'))).toBeUndefined();
        // Another platform's chat of the same id is not touched.
        await store.setChatLanguage(chat('-3', 'discord'), 'ru');
        await store.migrateChat('telegram', '-3', '-300');
        expect(await store.chatLanguage(chat('-3', 'discord'))).toBe('ru');
      });

      it('remembers the forum post each brief opened per channel, the latest one winning', async () => {
        const forum = chat('900', 'discord');
        expect(await store.forumThread(forum, 'dams')).toBeUndefined();
        await store.rememberForumThread(forum, 'dams', '901');
        await store.rememberForumThread(forum, 'water', '902');
        expect(await store.forumThread(forum, 'dams')).toBe('901');
        expect(await store.forumThread(forum, 'water')).toBe('902');
        // Another channel, another platform: their own posts.
        expect(await store.forumThread(chat('800', 'discord'), 'dams')).toBeUndefined();
        expect(await store.forumThread(chat('900'), 'dams')).toBeUndefined();
        // The post was deleted and the next delivery opened a new one.
        await store.rememberForumThread(forum, 'dams', '903');
        expect(await store.forumThread(forum, 'dams')).toBe('903');
      });
    });

    describe('subscriptions', () => {
      it('adds once, says when it already exists, and removes', async () => {
        expect(await store.subscribe(chat('g1'), 'water', 'u1')).toBe('added');
        expect(await store.subscribe(chat('g1'), 'water', 'u2')).toBe('exists');
        expect(await store.subscribe(chat('g1', 'discord'), 'water', 'u1')).toBe('added');
        expect(await store.subscriptionsOf(chat('g1'))).toMatchObject([
          { platform: 'telegram', chatId: 'g1', topic: 'water', createdBy: 'u1', active: true },
        ]);
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
        expect(await store.isSubscribed(chat('g3'), [])).toBe(false);
      });

      it("keeps each subscription's style, changes it on subscribing again, and serves the fullest", async () => {
        expect(await store.subscribe(chat('g1'), 'water', 'u1')).toBe('added');
        expect(await store.subscribe(chat('g1'), 'dams', 'u1', { format: 'headline', linkPreviews: false })).toBe(
          'added',
        );
        expect((await store.subscriptionsOf(chat('g1'))).map((s) => [s.topic, s.format, s.linkPreviews])).toEqual([
          ['dams', 'headline', false],
          ['water', 'full', true],
        ]);
        expect(await store.deliveryStyle(chat('g1'), ['dams'])).toEqual({ format: 'headline', linkPreviews: false });
        expect(await store.deliveryStyle(chat('g1'), ['dams', 'water'])).toEqual({
          format: 'full',
          linkPreviews: true,
        });
        expect(await store.deliveryStyle(chat('g1'), ['glaciers'])).toBeUndefined();
        expect(await store.deliveryStyle(chat('g1'), [])).toBeUndefined();
        expect(await store.subscribe(chat('g1'), 'water', 'u2', { format: 'compact', linkPreviews: true })).toBe(
          'changed',
        );
        expect(await store.subscribe(chat('g1'), 'water', 'u2', { format: 'compact', linkPreviews: true })).toBe(
          'exists',
        );
        expect(await store.deliveryStyle(chat('g1'), ['dams', 'water'])).toEqual({
          format: 'compact',
          linkPreviews: true,
        });
        // a paused chat's style still changes when it resumes, and paused topics serve no style
        await store.deactivateChat(chat('g1'), 'gone: kicked');
        expect(await store.deliveryStyle(chat('g1'), ['water'])).toBeUndefined();
        expect(await store.subscribe(chat('g1'), 'water', 'u2', { format: 'headline', linkPreviews: true })).toBe(
          'resumed',
        );
        expect(await store.deliveryStyle(chat('g1'), ['water'])).toEqual({ format: 'headline', linkPreviews: true });
      });

      it('keeps whether a subscription publishes to following servers, and turns it off again', async () => {
        const news = chat('500', 'discord');
        const publishing = { format: 'full', linkPreviews: true, publish: true } as const;
        expect(await store.subscribe(news, 'dams', 'u1', publishing)).toBe('added');
        expect(await store.deliveryStyle(news, ['dams'])).toEqual(publishing);
        expect((await store.subscriptionsOf(news))[0]).toMatchObject({ topic: 'dams', publish: true });
        expect(await store.subscribe(news, 'dams', 'u1', publishing)).toBe('exists');
        // One publishing topic of a brief is enough for the brief to be published, in the fullest format.
        await store.subscribe(news, 'water', 'u1', { format: 'headline', linkPreviews: false });
        await store.subscribe(news, 'dams', 'u1', { format: 'compact', linkPreviews: true, publish: true });
        expect(await store.deliveryStyle(news, ['water', 'dams'])).toEqual({
          format: 'compact',
          linkPreviews: true,
          publish: true,
        });
        await store.subscribe(news, 'dams', 'u1', publishing);
        expect(await store.subscribe(news, 'dams', 'u1', { format: 'full', linkPreviews: true })).toBe('changed');
        expect(await store.deliveryStyle(news, ['dams'])).toEqual({ format: 'full', linkPreviews: true });
        expect((await store.subscriptionsOf(news))[0]!.publish).toBeUndefined();
      });

      it('lists a chat with its threads, and not chats whose id merely starts the same', async () => {
        await store.subscribe(chat('-100'), 'water', 'u1');
        await store.subscribe(chat('-100/7'), 'dams', 'u1', { format: 'compact', linkPreviews: true });
        await store.subscribe(chat('-100/12'), 'water', 'u1');
        await store.subscribe(chat('-1001'), 'glaciers', 'u1');
        await store.subscribe(chat('-100', 'discord'), 'glaciers', 'u1');
        expect((await store.subscriptionsWithin(chat('-100'))).map((s) => [s.chatId, s.topic, s.format])).toEqual([
          ['-100', 'water', 'full'],
          ['-100/12', 'water', 'full'],
          ['-100/7', 'dams', 'compact'],
        ]);
        expect(await store.subscriptionsWithin(chat('-999'))).toEqual([]);
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
        const resumed = await store.subscriptionsOf(chat('g1'));
        expect(resumed.every((s) => s.active && s.pausedReason === undefined)).toBe(true);
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
        expect(await store.knownVersion('b9')).toBeUndefined();
        expect(await store.announce('b1', 'v2', 'Updated', [chat('g1')])).toBe(1);
        expect(await store.announce('b2', 'v1', 'New', [])).toBe(0);
        expect(await store.knownVersions()).toEqual(
          new Map([
            ['b1', 'v2'],
            ['b2', 'v1'],
          ]),
        );
        expect(await store.countPending(['telegram'])).toBe(4);
        expect(await store.countPending(['discord'])).toBe(0);
        expect(await store.countPending([])).toBe(0);
      });

      it('labels an update New for a chat whose New was never sent', async () => {
        await store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2')]);
        const [first] = await store.claimDue('telegram', Date.now(), 1, LEASE);
        await store.markAttempt(first!.id); // g1's send is under way
        await store.announce('b1', 'v2', 'Updated', [chat('g1'), chat('g2')]);
        const v2 = (await store.claimDue('telegram', Date.now() + 1, 10, LEASE)).filter((d) => d.version === 'v2');
        expect(v2.map((d) => [d.chatId, d.label])).toEqual([
          ['g1', 'Updated'],
          ['g2', 'New'],
        ]);
      });

      it('walks a delivery through claims, attempts, retries and its end', async () => {
        await store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2'), chat('g3')]);
        const now = Date.now();
        const [a, b, c] = await store.claimDue('telegram', now, 10, LEASE);
        expect([a, b, c].map((d) => d?.chatId)).toEqual(['g1', 'g2', 'g3']);
        await store.markAttempt(a!.id);
        expect(await store.countUnknownOutcomes()).toBe(1);
        await store.markDone(a!.id, ['m1']);
        expect(await store.countUnknownOutcomes()).toBe(0);
        await store.markAttempt(b!.id);
        await store.retryAt(b!.id, now + 60_000, '502');
        // g3 is still claimed; g2 waits for its retry time
        expect(await store.claimDue('telegram', now, 10, LEASE)).toEqual([]);
        expect(await store.nextDueAfter(['telegram'], now)).toBe(now + 60_000);
        expect(await store.nextDueAfter([], now)).toBeUndefined();
        expect(await store.claimDue('telegram', now + 60_000, 10, LEASE)).toMatchObject([
          { chatId: 'g3' },
          { chatId: 'g2', attempts: 1, nextAttemptAt: now + 60_000 },
        ]);
        await store.finish(c!.id, 'superseded', 'newer version');
        await store.finish(b!.id, 'failed', 'gave up');
        expect(await store.countPending(['telegram'])).toBe(0);
        // a delivery that ended stays ended
        await store.retryAt(b!.id, now, 'late');
        expect(await store.countPending(['telegram'])).toBe(0);
      });

      it('claims each due delivery once until its lease ends, its outcome is recorded or claims are released', async () => {
        await store.announce('b1', 'v1', 'New', [chat('g1'), chat('g2'), chat('g3'), chat('d1', 'discord')]);
        const now = Date.now();
        const first = await store.claimDue('telegram', now, 2, 1_000);
        const second = await store.claimDue('telegram', now, 10, 1_000);
        expect(first.map((d) => d.chatId)).toEqual(['g1', 'g2']);
        expect(second.map((d) => d.chatId)).toEqual(['g3']);
        expect(await store.claimDue('telegram', now + 999, 10, 1_000)).toEqual([]);
        expect(await store.nextDueAfter(['telegram'], now)).toBe(now + 1_000);
        await store.markDone(first[0]!.id, ['m1']);
        // The lease ended: what was not finished is due again; what was finished never is.
        const again = await store.claimDue('telegram', now + 1_000, 10, 1_000);
        expect(again.map((d) => d.chatId)).toEqual(['g2', 'g3']);
        expect(await store.releaseClaims()).toBe(2);
        expect((await store.claimDue('telegram', now + 1_000, 10, 1_000)).map((d) => d.chatId)).toEqual(['g2', 'g3']);
        expect((await store.claimDue('discord', now, 10, 1_000)).map((d) => d.chatId)).toEqual(['d1']);
      });

      it('never hands the same delivery to two senders claiming at once', async () => {
        const chats = Array.from({ length: 60 }, (_, i) => chat(`c${i}`));
        await store.announce('b1', 'v1', 'New', chats);
        const other = maker.sibling ? await maker.sibling() : store;
        if (other !== store) others.push(other);
        const now = Date.now();
        const rounds = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? store : other).claimDue('telegram', now, 7, LEASE)),
        );
        const ids = rounds.flat().map((d) => d.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(60);
      });

      it('expires deliveries that waited too long', async () => {
        let now = 1_000_000;
        const clocked = await maker.fresh({ now: () => now });
        others.push(clocked);
        await clocked.announce('b1', 'v1', 'New', [chat('g1')]);
        now += 10_000;
        await clocked.announce('b2', 'v1', 'New', [chat('g1')]);
        expect(await clocked.expirePending(now - 5_000)).toBe(1);
        expect(await clocked.countPending(['telegram'])).toBe(1);
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
      const ok: PostRecord = {
        ...base,
        at: new Date(1000),
        targetChatId: 'c1',
        outcome: 'ok',
        messageIds: ['m1', 'm2'],
      };
      const refused: PostRecord = {
        ...base,
        at: new Date(2000),
        targetChatId: 'c2',
        outcome: 'forbidden',
        detail: 'missing Embed Links',
        messageIds: [],
      };
      await store.recordPost(ok);
      await store.recordPost(refused);
      expect(await store.recentPosts(10)).toEqual([refused, ok]);
      expect(await store.recentPosts(1)).toEqual([refused]);
    });

    it('claims an update id once per platform, and again only after it is forgotten', async () => {
      expect(await store.claimUpdate('telegram', '41')).toBe(true);
      expect(await store.claimUpdate('telegram', '41')).toBe(false);
      expect(await store.claimUpdate('discord', '41')).toBe(true);
      expect(await store.forgetUpdatesBefore(Date.now() + 1)).toBe(2);
      expect(await store.claimUpdate('telegram', '41')).toBe(true);
    });
  });
}
