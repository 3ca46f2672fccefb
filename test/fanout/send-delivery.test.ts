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
    expect(sent('g1')).toEqual({
      options: { bulk: true, idempotencyKey: `d${delivery(r, 'g1').id}`, publish: true },
      style: ['headline', false],
    });
    expect(sent('g2')).toEqual({
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
