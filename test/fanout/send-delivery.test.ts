import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatKey } from '../../src/store/data-store.js';
import { makeBrief } from '../helpers/briefs.js';
import { closeRig, delivery, idle, makeRig, messages, until } from './helpers/loop-rig.js';

afterEach(closeRig);

const chat = (chatId: string): ChatKey => ({ platform: 'telegram', chatId });
const edited = makeBrief({ slug: 'aral', topics: ['water'], summary: 'Edited.' });

describe('sending one delivery', () => {
  it("sends in the chat's style, asks to publish where it follows as an announcement channel, with a key of its own", async () => {
    const r = await makeRig([]);
    await r.failing.real.subscribe(chat('g1'), 'water', 'u1', {
      format: 'headline',
      linkPreviews: false,
      publish: true,
    });
    await r.failing.real.subscribe(chat('g2'), 'water', 'u1', { format: 'compact', linkPreviews: true });
    await r.fanout.start();
    await idle(r);
    const sent = (chatId: string) => {
      const i = r.telegram.calls.findIndex((c) => c.chatId === chatId);
      const reply = r.telegram.sent.find((s) => s.chatId === chatId)!.reply;
      return { options: r.telegram.options[i], style: reply.kind === 'brief' && [reply.format, reply.linkPreviews] };
    };
    // Strictly: an option that does not apply is absent, not undefined.
    expect(sent('g1')).toStrictEqual({
      options: { bulk: true, idempotencyKey: `d${delivery(r, 'g1').id}`, publish: true },
      style: ['headline', false],
    });
    expect(sent('g2')).toStrictEqual({
      options: { bulk: true, idempotencyKey: `d${delivery(r, 'g2').id}` },
      style: ['compact', true],
    });
  });

  it('sends the update of a brief into the forum post its first delivery opened', async () => {
    const r = await makeRig(['f1']);
    r.telegram.script('f1', { ok: true, messageIds: ['m1'], threadId: 't7' });
    await r.fanout.start();
    await idle(r);
    r.library.upsert(edited);
    await until(() => r.telegram.calls.length === 2, 'the update');
    await idle(r);
    expect(r.telegram.options.map((o) => o.forumThread)).toEqual([undefined, 't7']);
    expect(r.telegram.to('f1')).toEqual(['New aral', 'Updated aral']);
  });

  it("sends the version in the chat's language, or the original with a note of what was missing", async () => {
    const r = await makeRig(['ru', 'fr', 'en']);
    r.library.upsert(makeBrief({ slug: 'aral-ru', lang: 'ru', translationOf: 'aral', title: 'Арал мелеет' }));
    await r.failing.real.setChatLanguage(chat('ru'), 'ru');
    await r.failing.real.setChatLanguage(chat('fr'), 'fr');
    await r.fanout.start();
    await idle(r);
    const reply = (chatId: string) => {
      const sent = r.telegram.sent.find((s) => s.chatId === chatId)!.reply;
      if (sent.kind !== 'brief') throw new Error('not a brief');
      const { lang, fallback } = sent;
      return {
        title: sent.brief.title,
        lang,
        fallback,
        keys: Object.keys(sent).filter((k) => k === 'lang' || k === 'fallback'),
      };
    };
    expect(reply('ru')).toEqual({ title: 'Арал мелеет', lang: 'ru', fallback: undefined, keys: ['lang'] });
    expect(reply('fr')).toEqual({
      title: 'A sample brief',
      lang: 'fr',
      fallback: { wanted: 'fr', available: ['en', 'ru'] },
      keys: ['fallback', 'lang'],
    });
    expect(reply('en')).toEqual({ title: 'A sample brief', lang: undefined, fallback: undefined, keys: [] });
  });

  it('records a send that threw as a passing failure, in its own words, and tries again', async () => {
    const r = await makeRig(['g1', 'g2']);
    r.telegram.script('g1', () => Promise.reject(new Error('socket hang up')));
    r.telegram.script('g2', () => Promise.reject('ECONNRESET' as unknown as Error));
    await r.fanout.start();
    await until(() => ['g1', 'g2'].every((c) => delivery(r, c).lastError !== null), 'both failures');
    expect([delivery(r, 'g1'), delivery(r, 'g2')]).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'socket hang up' }),
      expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'ECONNRESET' }),
    ]);
  });

  it('counts "forbidden" as unreachable: three in a row pause the chat', async () => {
    const r = await makeRig(['g1']);
    const forbidden = { ok: false, reason: 'forbidden', detail: 'bot was kicked' } as const;
    r.telegram.script('g1', forbidden, forbidden, forbidden);
    await r.fanout.start();
    await until(() => r.telegram.calls.length === 1, 'the first try');
    await until(() => delivery(r, 'g1').lastError !== null, 'its outcome');
    expect(delivery(r, 'g1')).toMatchObject({ status: 'pending', lastError: 'forbidden: bot was kicked' });
    for (const tries of [2, 3]) {
      await until(() => vi.getTimerCount() === 1, 'the retry');
      await vi.runOnlyPendingTimersAsync();
      await until(() => r.telegram.calls.length === tries, `try ${tries}`);
    }
    await idle(r);
    const [subscription] = await r.failing.real.subscriptionsOf(chat('g1'));
    expect(subscription).toMatchObject({ active: false, pausedReason: 'forbidden: bot was kicked' });
    expect(messages(r, 'subscriptions deactivated')).toEqual([
      expect.objectContaining({ level: 40, chatId: 'g1', reason: 'forbidden', detail: 'bot was kicked', failures: 3 }),
    ]);
  });

  it('drops, without counting it, a delivery whose chat was gone but had unsubscribed meanwhile', async () => {
    const r = await makeRig(['g1']);
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    r.telegram.script('g1', async () => {
      await answered;
      return { ok: false, reason: 'gone', detail: 'chat not found' };
    });
    await r.fanout.start();
    await until(() => r.telegram.calls.length === 1, 'the send');
    await r.failing.real.unsubscribe(chat('g1'), 'water');
    answer();
    await idle(r);
    expect(delivery(r, 'g1')).toMatchObject({ status: 'dropped', lastError: 'the chat no longer follows the topic' });
    expect(r.lines.filter((l) => l.chatId === 'g1')).toEqual([]);
  });

  it('leaves a delivery due as it was when its adapter went down before the send', async () => {
    const r = await makeRig(['g1']);
    const styling = r.failing.hold('deliveryStyle');
    await r.fanout.start();
    await until(() => r.failing.waiting.get('deliveryStyle') === 1, 'the send to begin');
    const due = delivery(r, 'g1').nextAttemptAt;
    r.adapters.markDown('telegram');
    styling.release();
    await until(() => delivery(r, 'g1').lastError !== null, 'the outcome');
    expect(delivery(r, 'g1')).toMatchObject({
      status: 'pending',
      nextAttemptAt: due,
      attempts: 0,
      lastError: 'the platform adapter is down',
    });
    expect(r.telegram.calls).toEqual([]);
  });

  it('follows a chat that moved to its new id at once, without waiting for a retry', async () => {
    const r = await makeRig(['g1']);
    r.telegram.script('g1', { ok: false, reason: 'migrated', newChatId: 'g9' });
    await r.fanout.start();
    await until(() => r.telegram.sent.length === 1, 'the delivery to the new id');
    await idle(r);
    expect(r.telegram.calls.map((c) => c.chatId)).toEqual(['g1', 'g9']);
    expect(delivery(r, 'g9')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('says so when the outcome cannot be recorded for a reason other than the database, and keeps it pending', async () => {
    const r = await makeRig(['g1'], {}, { watched: false });
    r.failing.breakOnce('markDone', new TypeError('message ids are not an array'));
    await r.fanout.start();
    await until(() => messages(r, 'could not record').length === 1, 'the warning');
    expect(messages(r, 'could not record')[0]).toMatchObject({
      level: 40,
      msg: 'could not record the outcome of a delivery; it stays pending',
      delivery: delivery(r, 'g1').id,
      sent: true,
      err: expect.objectContaining({ message: 'message ids are not an array' }),
    });
    expect(delivery(r, 'g1').status).toBe('pending');
  });

  it('tries to record an outcome again with growing pauses while the database fails', async () => {
    const r = await makeRig(['g1'], { storeRetry: { baseMs: 1_000, maxMs: 60_000 } });
    r.failing.fail('markDone');
    await r.fanout.start();
    for (const tries of [1, 2, 3]) {
      await until(() => r.failing.failed('markDone').length === tries, `failure ${tries}`);
      await vi.advanceTimersToNextTimerAsync();
    }
    const [first, second, third] = r.failing.failed('markDone').map((f) => f.time);
    expect(second! - first!).toBeLessThanOrEqual(1_200);
    expect(third! - second!).toBeGreaterThanOrEqual(1_600);
    r.failing.heal();
    await until(() => r.failing.failed('markDone').length === 4, 'failure 4');
    await vi.advanceTimersToNextTimerAsync();
    await idle(r);
    expect(delivery(r, 'g1').status).toBe('done');
    expect(r.telegram.calls).toHaveLength(1);
  });

  it('stops trying to record an outcome when the fan-out stops', async () => {
    const r = await makeRig(['g1'], { storeRetry: { baseMs: 1_000, maxMs: 1_000 }, stopGraceMs: 60_000 });
    r.telegram.script('g1', { ok: false, reason: 'failed', detail: '502' });
    r.failing.fail('retryAt');
    await r.fanout.start();
    await until(() => r.failing.failed('retryAt').length === 1, 'a failed write');
    let stopped = false;
    void r.fanout.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1_200);
    await until(() => stopped, 'the stop');
    expect(r.failing.failed('retryAt')).toHaveLength(2);
    expect(messages(r, 'could not record')).toEqual([
      expect.objectContaining({ level: 40, delivery: delivery(r, 'g1').id, sent: false }),
    ]);
    expect(messages(r, 'stopped while sends')).toEqual([]);
  });
});
