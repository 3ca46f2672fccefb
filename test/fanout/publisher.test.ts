import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliverOptions } from '../../src/adapters/adapter.js';
import type { Chat, DeliveryResult, TargetInfo, User } from '../../src/core/types.js';
import { AdapterDirectory } from '../../src/fanout/adapter-directory.js';
import { AdapterPublisher, type PostRequest } from '../../src/fanout/publisher.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { makeBrief } from '../helpers/briefs.js';
import { memoryLogger, type LogLine } from '../helpers/memory-logger.js';
import { MemoryAdapter } from './helpers/memory-adapter.js';

/** A memory adapter that can also check a chat someone named, as Telegram's and Discord's do. */
class InspectingAdapter extends MemoryAdapter {
  readonly inspected: { chatId: string; onBehalfOf: DeliverOptions['onBehalfOf'] }[] = [];
  answer: () => Promise<TargetInfo> = () => Promise.resolve({ ok: true, kind: 'chat' });

  inspect(chatId: string, onBehalfOf?: DeliverOptions['onBehalfOf']): Promise<TargetInfo> {
    this.inspected.push({ chatId, onBehalfOf });
    return this.answer();
  }
}

const mia: User = { id: 'm1', name: 'Mia', isModerator: true };
const g1: Chat = { id: 'g1', kind: 'group', platform: 'telegram' };
const brief = makeBrief({ slug: 'aral', topics: ['water'] });

describe('AdapterPublisher', () => {
  let dir: string;
  let store: SqliteStore;
  let adapter: InspectingAdapter;
  let adapters: AdapterDirectory;
  let lines: LogLine[];
  let publisher: AdapterPublisher;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefbot-publisher-'));
    store = openSqliteStore(join(dir, 'briefbot.db'));
    adapter = new InspectingAdapter('telegram');
    adapters = new AdapterDirectory();
    adapters.register(adapter);
    adapters.markUp('telegram');
    const log = memoryLogger();
    lines = log.lines;
    publisher = new AdapterPublisher({ store, adapters, logger: log.logger });
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const request = (extra: Partial<PostRequest> = {}): PostRequest => ({
    user: mia,
    from: g1,
    brief,
    version: 'v1',
    related: [],
    ...extra,
  });
  /** The platform answers the next send to `chatId` with `result`. */
  const answer = (chatId: string, result: DeliveryResult) => adapter.script(chatId, result);

  describe('post', () => {
    it('asks for publishing only when the moderator did', async () => {
      await publisher.post(request({ publish: true }));
      await publisher.post(request());
      expect(adapter.options).toEqual([{ bulk: false, publish: true }, { bulk: false }]);
    });

    it('passes on what went wrong after posting', async () => {
      answer('g1', { ok: true, messageIds: ['m9'], notes: [{ problem: 'hourlyLimit', perHour: 10 }] });
      answer('g1', { ok: true, messageIds: ['m10'] });
      expect(await publisher.post(request())).toStrictEqual({
        ok: true,
        targetChatId: 'g1',
        messageIds: ['m9'],
        notes: [{ problem: 'hourlyLimit', perHour: 10 }],
      });
      expect(await publisher.post(request())).toStrictEqual({ ok: true, targetChatId: 'g1', messageIds: ['m10'] });
    });

    it("carries the platform's reasons as they came, and no reason it did not give", async () => {
      const cases: [DeliveryResult, object][] = [
        [
          { ok: false, reason: 'failed', detail: '502' },
          { outcome: 'failed', detail: '502' },
        ],
        [
          { ok: false, reason: 'gone', detail: 'chat not found' },
          { outcome: 'gone', detail: 'chat not found' },
        ],
        [
          { ok: false, reason: 'gone', detail: 'thread deleted', why: 'topicClosed' },
          { outcome: 'gone', detail: 'thread deleted', why: 'topicClosed' },
        ],
        [
          { ok: false, reason: 'forbidden', detail: 'no rights' },
          { outcome: 'forbidden', detail: 'no rights' },
        ],
        [
          { ok: false, reason: 'forbidden', detail: 'not admin', user: true, why: 'notChannelAdmin' },
          { outcome: 'forbidden', detail: 'not admin', userForbidden: true, why: 'notChannelAdmin' },
        ],
        [
          { ok: false, reason: 'forbidden', detail: 'missing Embed Links', missing: ['embedLinks'] },
          { outcome: 'forbidden', detail: 'missing Embed Links', missing: ['embedLinks'] },
        ],
        [
          { ok: false, reason: 'forbidden', detail: 'thread is locked', advice: 'unlockThread' },
          { outcome: 'forbidden', detail: 'thread is locked', advice: 'unlockThread' },
        ],
      ];
      for (const [result, expected] of cases) {
        answer('g1', result);
        expect(await publisher.post(request())).toStrictEqual({ ok: false, targetChatId: 'g1', ...expected });
      }
      expect((await store.recentPosts(cases.length)).map((p) => `${p.outcome}: ${p.detail}`).reverse()).toEqual(
        cases.map(([, expected]) => {
          const { outcome, detail } = expected as { outcome: string; detail: string };
          return `${outcome}: ${detail}`;
        }),
      );
    });
  });

  describe('inspect', () => {
    it('asks about the current chat for nobody, and about another chat for the moderator', async () => {
      expect(await publisher.inspect({ user: mia, from: g1 })).toEqual({ ok: true, kind: 'chat' });
      adapter.answer = () => Promise.resolve({ ok: true, kind: 'announcement' });
      expect(await publisher.inspect({ user: mia, from: g1, target: '@news' })).toEqual({
        ok: true,
        kind: 'announcement',
      });
      expect(await publisher.inspect({ user: mia, from: g1, target: 'g1' })).toEqual({
        ok: true,
        kind: 'announcement',
      });
      expect(adapter.inspected).toEqual([
        { chatId: 'g1', onBehalfOf: undefined },
        { chatId: '@news', onBehalfOf: { userId: 'm1', fromChatId: 'g1' } },
        { chatId: 'g1', onBehalfOf: undefined },
      ]);
    });

    it("passes on the platform's refusal", async () => {
      const refusal: TargetInfo = { ok: false, reason: 'forbidden', detail: 'not admin', user: true };
      adapter.answer = () => Promise.resolve(refusal);
      expect(await publisher.inspect({ user: mia, from: g1, target: '@wire' })).toEqual(refusal);
    });

    it('turns a check that threw into a failure, with an error line', async () => {
      adapter.answer = () => Promise.reject(new Error('socket hang up'));
      expect(await publisher.inspect({ user: mia, from: g1, target: '@wire' })).toStrictEqual({
        ok: false,
        reason: 'failed',
        detail: 'socket hang up',
      });
      adapter.answer = () => Promise.reject(new Error('ETIMEDOUT'));
      expect(await publisher.inspect({ user: mia, from: g1, target: '@wire' })).toMatchObject({ detail: 'ETIMEDOUT' });
      expect(lines.filter((l) => l.msg === 'checking a channel failed')).toEqual([
        expect.objectContaining({ level: 50, err: expect.objectContaining({ message: 'socket hang up' }) }),
        expect.objectContaining({ level: 50, err: expect.objectContaining({ message: 'ETIMEDOUT' }) }),
      ]);
    });

    it('cannot tell where the platform has no check or its adapter is down', async () => {
      adapters.register(new MemoryAdapter('discord'));
      adapters.markUp('discord');
      const c1: Chat = { id: 'c1', kind: 'group', platform: 'discord' };
      expect(await publisher.inspect({ user: mia, from: c1, target: 'c2' })).toEqual({ ok: true, kind: 'unknown' });
      adapters.markDown('telegram');
      expect(await publisher.inspect({ user: mia, from: g1, target: '@news' })).toEqual({ ok: true, kind: 'unknown' });
      expect(adapter.inspected).toEqual([]);
    });
  });
});
