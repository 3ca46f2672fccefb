import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBrief } from '../helpers/briefs.js';
import {
  closeRig,
  delivery,
  failed,
  idle,
  makeRig,
  messages,
  pass,
  passes,
  turn,
  until,
  wake,
} from './helpers/loop-rig.js';

afterEach(closeRig);

const edited = makeBrief({ slug: 'aral', topics: ['water'], summary: 'Edited.' });

/** Two chats, one send at a time: the first send has ended while the loop waits on the database. */
async function firstSendEndedWhileReading() {
  const r = await makeRig(['g1', 'g2'], { concurrency: 1 });
  const reading = r.failing.hold('nextDueAfter');
  await r.fanout.start();
  await until(() => r.failing.waiting.get('nextDueAfter') === 1, 'the loop to wait for the database');
  await until(() => r.failing.answered.some((a) => a.operation === 'recordReachable'), 'the first send to end');
  await turn();
  return { r, reading };
}

describe('the delivery loop, on a fake clock', () => {
  it('has at most `concurrency` sends under way, even when their claims run out, and never starts one twice', async () => {
    const r = await makeRig(['g1', 'g2', 'g3', 'g4', 'g5'], { concurrency: 2, claimLeaseMs: 30_000 });
    const gate = r.telegram.hold(0);
    await r.fanout.start();
    await until(() => r.telegram.waiting === 2, 'two sends under way');
    // The loop wakes up when the claims run out, finds them still in flight and the platform full,
    // and then waits for a send to end rather than for the clock.
    expect(await wake(r)).toBe(30_000);
    expect(r.telegram.calls).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);

    gate.release();
    await until(() => r.telegram.sent.length === 5, 'all five messages');
    await idle(r);
    expect(r.telegram.calls).toHaveLength(5);
    for (const chatId of ['g1', 'g2', 'g3', 'g4', 'g5']) expect(r.telegram.to(chatId)).toEqual(['New aral']);
    // Nothing owed: the loop sets no wake-up.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('frees one slot, not all, when one of several sends ends', async () => {
    const r = await makeRig(['g1', 'g2', 'g3', 'g4'], { concurrency: 2 });
    const answers = new Map<string, () => void>();
    for (const chatId of ['g1', 'g2', 'g3', 'g4'])
      r.telegram.script(chatId, () => {
        let answer!: () => void;
        const answered = new Promise<void>((resolve) => (answer = resolve));
        answers.set(chatId, answer);
        return answered.then(() => ({ ok: true, messageIds: [`m-${chatId}`] }));
      });
    await r.fanout.start();
    await until(() => answers.size === 2 && passes(r) === 1, 'two sends under way');
    const [first] = [...answers.keys()];
    const before = passes(r);
    answers.get(first!)!();
    await until(() => passes(r) > before, 'the pass after it');
    expect(r.telegram.calls).toHaveLength(3);
    for (const chatId of ['g1', 'g2', 'g3', 'g4']) {
      await until(() => answers.has(chatId), `the send to ${chatId}`);
      answers.get(chatId)!();
    }
    await idle(r);
    expect(r.telegram.calls).toHaveLength(4);
  });

  it('does not send again a delivery whose send outlived its claim, while there is room for it', async () => {
    const r = await makeRig(['g1'], { concurrency: 2, claimLeaseMs: 30_000 });
    const gate = r.telegram.hold(0);
    await r.fanout.start();
    await until(() => r.telegram.waiting === 1, 'the send under way');
    expect(await wake(r)).toBe(30_000);
    expect(r.telegram.calls).toHaveLength(1);
    gate.release();
    await idle(r);
    expect(r.telegram.calls).toHaveLength(1);
    expect(delivery(r, 'g1').status).toBe('done');
  });

  it('sends a failed delivery again exactly when its retry falls due', async () => {
    const r = await makeRig(['g1']);
    r.telegram.script('g1', failed, failed);
    await r.fanout.start();
    await until(() => delivery(r, 'g1').lastError === '502 Bad Gateway', 'the first failure');
    const due = delivery(r, 'g1').nextAttemptAt;
    // The pass after the failure learns when the retry is due and sets its wake-up for then.
    await until(
      () => r.failing.answered.some((a) => a.operation === 'nextDueAfter' && a.result === due),
      'the wake-up',
    );
    const waited = due - Date.now();
    // retry: 1 s, give or take its 20% jitter
    expect(waited).toBeGreaterThanOrEqual(800);
    expect(waited).toBeLessThanOrEqual(1_200);
    expect(await wake(r)).toBe(waited);
    await until(() => r.telegram.calls.length === 2, 'the second try');

    await until(() => delivery(r, 'g1').nextAttemptAt > due, 'the second failure');
    const next = delivery(r, 'g1').nextAttemptAt;
    await until(
      () => r.failing.answered.some((a) => a.operation === 'nextDueAfter' && a.result === next),
      'the wake-up',
    );
    const waitedAgain = next - Date.now();
    expect(await wake(r)).toBe(waitedAgain);
    await until(() => r.telegram.sent.length === 1, 'the third try to go through');
    await idle(r);
    expect(r.telegram.to('g1')).toEqual(['New aral']);
  });

  it('sends the next delivery at once when a send ends while the loop is still reading the database', async () => {
    const { r, reading } = await firstSendEndedWhileReading();
    reading.release();
    // The slot the first send freed is used at once, not when the loop would next wake up.
    await until(() => r.telegram.sent.length === 2, 'the second message');
    await idle(r);
    expect(r.telegram.calls).toHaveLength(2);
  });

  it('ends with the pass under way when stopped, though another was asked for', async () => {
    const { r, reading } = await firstSendEndedWhileReading();
    await r.fanout.stop();
    const before = passes(r);
    reading.release();
    await until(() => passes(r) >= before + 1, 'the pass under way to end');
    // Claiming and sending take no turn of the event loop with SQLite: a further pass would show by now.
    await turn();
    expect(r.telegram.calls).toHaveLength(1);
    expect(await r.failing.real.countPending(['telegram'])).toBe(1);
  });

  it('announces nothing when attached after a stop', async () => {
    const r = await makeRig(['g1']);
    await r.fanout.stop();
    await r.fanout.attach();
    expect(await r.failing.real.knownVersion('aral')).toBeUndefined();
    expect(r.library.listenerCount('change')).toBe(0);
  });

  it('follows the library once however often attached, and lets go of it when stopped', async () => {
    const r = await makeRig(['g1']);
    await r.fanout.attach();
    await r.fanout.start();
    expect(r.library.listenerCount('change')).toBe(1);
    await r.fanout.stop();
    expect(r.library.listenerCount('change')).toBe(0);
  });

  it('does not run a pass asked for just before the stop', async () => {
    const r = await makeRig(['g1']);
    await r.fanout.start(); // asks for the first pass
    const stopping = r.fanout.stop();
    await turn();
    await stopping;
    expect(r.telegram.calls).toEqual([]);
    expect(passes(r)).toBe(0);
  });

  it('runs one pass at a time: what asks for a pass meanwhile gets the next one', async () => {
    const r = await makeRig(['g1', 'g2', 'g3'], { concurrency: 1 });
    await r.failing.real.announce('aral', r.library.versionOf('aral')!, 'New', []);
    await r.fanout.start();
    await idle(r);
    const claiming = r.failing.hold('claimDue');
    r.library.upsert(makeBrief({ slug: 'dams', topics: ['water'] }));
    await until(() => r.failing.waiting.get('claimDue') === 1, 'a pass to claim deliveries');
    // Another announcement asks for a pass while this one waits for the database.
    r.library.upsert(makeBrief({ slug: 'canals', topics: ['water'] }));
    await until(() => r.failing.answered.filter((a) => a.operation === 'announce').length === 2, 'the announcement');
    await turn();
    const gate = r.telegram.hold(0);
    const before = passes(r);
    claiming.release();
    // The pass under way, then the one asked for, which finds the platform full.
    await until(() => passes(r) === before + 2, 'two passes');
    expect(r.telegram.calls).toHaveLength(1);
    gate.release();
    await until(() => r.telegram.sent.length === 6, 'six messages');
    await idle(r);
    expect(r.telegram.calls).toHaveLength(6);
  });

  it('sweeps out deliveries that waited too long at most once a minute, and says how many it dropped', async () => {
    // Discord's adapter is not running: what it is owed waits, and grows old.
    const r = await makeRig(['g1'], { expireAfterMs: 1_000 });
    await r.failing.real.subscribe({ platform: 'discord', chatId: 'c1' }, 'water', 'u1');
    await r.fanout.start();
    await idle(r);
    const started = Date.now();
    const pendingForDiscord = () => r.failing.real.countPending(['discord']);
    expect(await pendingForDiscord()).toBe(1);

    // 30 s later a new brief wakes the loop: too soon for another sweep.
    vi.setSystemTime(started + 30_000);
    await pass(r, () => r.library.upsert(makeBrief({ slug: 'dams', topics: ['water'] })));
    await idle(r);
    expect(await pendingForDiscord()).toBe(2);
    expect(messages(r, 'dropped deliveries')).toEqual([]);

    // A minute after the last sweep, the next pass sweeps: both are older than a second.
    vi.setSystemTime(started + 60_000);
    await pass(r, () => r.library.upsert(makeBrief({ slug: 'canals', topics: ['water'] })));
    await idle(r);
    expect(await pendingForDiscord()).toBe(1);
    expect(messages(r, 'dropped deliveries')).toEqual([
      expect.objectContaining({ level: 40, msg: 'dropped deliveries that waited too long to be sent', deliveries: 2 }),
    ]);
    expect(r.telegram.to('g1')).toEqual(['New aral', 'New dams', 'New canals']);
  });
});

describe('the delivery loop meeting a bug', () => {
  it('logs an error in a pass, not of the database, and tries again after a pause', async () => {
    const r = await makeRig(['g1'], { storeRetry: { baseMs: 2_000, maxMs: 2_000 } }, { watched: false });
    r.failing.breakOnce('claimDue', new TypeError('cannot read properties of undefined'));
    await r.fanout.start();
    await until(() => messages(r, 'delivery loop failed').length === 1, 'the error line');
    expect(messages(r, 'delivery loop failed')[0]).toMatchObject({
      level: 50,
      msg: 'delivery loop failed; trying again shortly',
      err: expect.objectContaining({ message: 'cannot read properties of undefined' }),
    });
    expect(r.telegram.calls).toEqual([]);
    const paused = await wake(r);
    expect(paused).toBeGreaterThanOrEqual(1_600);
    expect(paused).toBeLessThanOrEqual(2_400);
    await until(() => r.telegram.sent.length === 1, 'the delivery');
    await idle(r);
    expect(r.telegram.to('g1')).toEqual(['New aral']);
  });

  it('logs a send that failed with a bug, with its delivery, and goes on with the others', async () => {
    const r = await makeRig(['g1', 'g2'], { concurrency: 1 }, { watched: false });
    r.failing.breakOnce('deliveryStyle', new TypeError('style is not iterable'));
    await r.fanout.start();
    await until(() => messages(r, 'delivery failed unexpectedly').length === 1, 'the error line');
    await until(() => r.telegram.sent.length === 1, 'the other delivery');
    expect(messages(r, 'delivery failed unexpectedly')).toEqual([
      expect.objectContaining({
        level: 50,
        delivery: 1,
        err: expect.objectContaining({ message: 'style is not iterable' }),
      }),
    ]);
  });
});

describe('the delivery loop while the database fails', () => {
  it('ends its pause as soon as a send under way records its attempt', async () => {
    const r = await makeRig(['g1', 'g2', 'g3'], { concurrency: 2, storeRetry: { baseMs: 10_000, maxMs: 10_000 } });
    const slow = r.failing.hold('deliveryStyle', ([d]) => (d as { chatId: string }).chatId === 'g2');
    r.failing.breakOnce('markAttempt', new Error('disk I/O error'));
    await r.fanout.start();
    await until(() => r.failing.waiting.get('deliveryStyle') === 1, 'the send to g2 to wait');
    await until(() => r.failing.failed('markAttempt').length === 1, 'the failed attempt of g1');
    // The loop pauses for 10 s; g2's attempt, recorded now, shows the database works again.
    slow.release();
    await until(() => r.telegram.sent.length === 2, 'g2 and g3');
    expect(r.telegram.calls.map((c) => c.chatId)).toEqual(['g2', 'g3']);
  });
});

describe('the delivery loop while the database fails, again', () => {
  it('claims nothing until its pause is over, however often woken, and leaves the error line to the health watch', async () => {
    const r = await makeRig(['g1'], { storeRetry: { baseMs: 10_000, maxMs: 10_000 } });
    await r.failing.real.announce('aral', r.library.versionOf('aral')!, 'New', []);
    r.failing.breakOnce('claimDue', new Error('disk I/O error'));
    await r.fanout.start();
    await until(() => r.failing.failed('claimDue').length === 1, 'the failed claim');
    // A new brief asks for a pass during the pause: it is recorded, and waits.
    r.library.upsert(makeBrief({ slug: 'dams', topics: ['water'] }));
    await until(() => r.failing.answered.some((a) => a.operation === 'announce'), 'the announcement');
    await turn();
    expect(r.telegram.calls).toEqual([]);
    const paused = await wake(r);
    expect(paused).toBeGreaterThanOrEqual(8_000);
    expect(paused).toBeLessThanOrEqual(12_000);
    await until(() => r.telegram.sent.length === 1, 'the delivery');
    expect(r.telegram.to('g1')).toEqual(['New dams']);
    expect(messages(r, 'delivery loop failed')).toEqual([]);
    expect(r.lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([expect.stringMatching(/database/)]);
  });

  it('logs an announcement that failed for a reason other than the database, and tries it again', async () => {
    const r = await makeRig(['g1'], { storeRetry: { baseMs: 1_000, maxMs: 1_000 } }, { watched: false });
    await r.fanout.start();
    await idle(r);
    r.failing.breakOnce('announce', new TypeError('chats is not iterable'));
    r.library.upsert(edited);
    await until(() => messages(r, 'could not record the announcement').length === 1, 'the error line');
    expect(messages(r, 'could not record the announcement')[0]).toMatchObject({
      level: 50,
      slug: 'aral',
      err: expect.objectContaining({ message: 'chats is not iterable' }),
    });
    await vi.advanceTimersToNextTimerAsync();
    await until(() => r.telegram.sent.length === 2, 'the update');
    expect(r.telegram.to('g1')).toEqual(['New aral', 'Updated aral']);
  });
});

describe('idle()', () => {
  it('waits for a change to stay unchanged for the quiet time, and for its deliveries', async () => {
    const r = await makeRig(['g1'], { quietMs: 10_000 });
    await r.fanout.start();
    await idle(r);
    r.library.upsert(makeBrief({ slug: 'aral', topics: ['water'], summary: 'Edited.' }));
    let sentWhenIdle: number | undefined;
    void r.fanout.idle().then(() => (sentWhenIdle = r.telegram.sent.length));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(r.telegram.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => sentWhenIdle !== undefined, 'the fan-out to be idle');
    expect(sentWhenIdle).toBe(2);
    expect(r.telegram.to('g1')).toEqual(['New aral', 'Updated aral']);
  });

  it('announces each brief when its own quiet time ends, not the others still in theirs', async () => {
    const r = await makeRig(['g1'], { quietMs: 10_000 });
    await r.fanout.start();
    await idle(r);
    r.library.upsert(edited);
    await vi.advanceTimersByTimeAsync(5_000);
    r.library.upsert(makeBrief({ slug: 'dams', topics: ['water'] }));
    await vi.advanceTimersByTimeAsync(5_000);
    await until(() => r.telegram.sent.length >= 2, 'the update of aral');
    await turn();
    expect(r.telegram.to('g1')).toEqual(['New aral', 'Updated aral']);
    expect(await r.failing.real.knownVersion('dams')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000);
    await until(() => r.telegram.sent.length === 3, 'dams');
    expect(r.telegram.to('g1')).toEqual(['New aral', 'Updated aral', 'New dams']);
  });

  it('announces nothing for a brief edited, then removed during its quiet time', async () => {
    const r = await makeRig(['g1'], { quietMs: 10_000 });
    await r.fanout.start();
    await idle(r);
    r.library.upsert(edited);
    await vi.advanceTimersByTimeAsync(5_000);
    r.library.remove('aral');
    await vi.advanceTimersByTimeAsync(5_000);
    await idle(r);
    expect(r.lines.filter((l) => l.level >= 40)).toEqual([]);
    expect(r.telegram.to('g1')).toEqual(['New aral']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not wait for a removed brief', async () => {
    const r = await makeRig(['g1'], { quietMs: 30_000 });
    await r.fanout.start();
    await idle(r);
    r.library.remove('aral');
    await idle(r);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for a send under way even when its platform went down meanwhile', async () => {
    const r = await makeRig(['g1']);
    const gate = r.telegram.hold(0);
    await r.fanout.start();
    await until(() => r.telegram.waiting === 1, 'the send under way');
    r.adapters.markDown('telegram');
    let doneWhenIdle: string | undefined;
    void r.fanout.idle().then(() => (doneWhenIdle = delivery(r, 'g1').status));
    await turn();
    gate.release();
    await until(() => doneWhenIdle !== undefined, 'the fan-out to be idle');
    expect(doneWhenIdle).toBe('done');
  });

  it('waits for the expiry sweep of a pass, at start and under way', async () => {
    const r = await makeRig([], { expireAfterMs: 1_000 });
    const c1 = { platform: 'discord' as const, chatId: 'c1' };
    const version = r.library.versionOf('aral')!;
    await r.failing.real.announce('aral', version, 'New', [c1]);
    vi.setSystemTime(Date.now() + 2_000);
    /** How many sweeps had dropped something when idle() resolved. */
    const droppedWhenIdle = async () => {
      let dropped: number | undefined;
      void r.fanout.idle().then(() => (dropped = messages(r, 'dropped deliveries').length));
      await until(() => dropped !== undefined, 'the fan-out to be idle');
      return dropped;
    };
    await r.fanout.start();
    expect(await droppedWhenIdle()).toBe(1);

    await r.failing.real.announce('dams', 'v1', 'New', [c1]);
    vi.setSystemTime(Date.now() + 61_000);
    const sweeping = r.failing.hold('expirePending');
    await r.fanout.migrateChat('discord', 'c8', 'c9'); // any cause of a pass
    await until(() => r.failing.waiting.get('expirePending') === 1, 'the sweep');
    const idleNow = droppedWhenIdle();
    await turn();
    sweeping.release();
    expect(await idleNow).toBe(2);
  });

  it('does not wait for deliveries of a fan-out that was never started (a follower)', async () => {
    const r = await makeRig(['g1']);
    await r.failing.real.announce('aral', r.library.versionOf('aral')!, 'New', [
      { platform: 'telegram', chatId: 'g1' },
    ]);
    await idle(r);
    expect(r.telegram.calls).toEqual([]);
  });
});

describe('starting and stopping the delivery loop', () => {
  it('says nothing about resuming when the last run left nothing owed', async () => {
    const r = await makeRig(['g1']);
    await r.failing.real.announce('aral', r.library.versionOf('aral')!, 'New', []);
    await r.fanout.start();
    await idle(r);
    r.library.upsert(makeBrief({ slug: 'aral', topics: ['water'], summary: 'Edited.' }));
    await until(() => r.telegram.sent.length === 1, 'the update');
    await idle(r);
    expect(r.telegram.to('g1')).toEqual(['Updated aral']);
    expect(messages(r, 'resuming')).toEqual([]);
    expect(r.lines.filter((l) => l.msg.includes('may arrive twice'))).toEqual([]);
  });

  it('starts once: a second start neither logs nor sends again', async () => {
    const r = await makeRig(['g1', 'g2'], { concurrency: 1 });
    await r.failing.real.announce('aral', r.library.versionOf('aral')!, 'New', [
      { platform: 'telegram', chatId: 'g1' },
      { platform: 'telegram', chatId: 'g2' },
    ]);
    const gate = r.telegram.hold(0);
    await r.fanout.start();
    await until(() => r.telegram.waiting === 1, 'the first send');
    await r.fanout.start();
    expect(messages(r, 'resuming pending deliveries')).toEqual([
      expect.objectContaining({ level: 30, pending: 2, platforms: ['telegram'] }),
    ]);
    gate.release();
    await idle(r);
    expect(r.telegram.calls).toHaveLength(2);
    expect(messages(r, 'resuming pending deliveries')).toHaveLength(1);
  });

  it('sends nothing once stopped, even if started again', async () => {
    const r = await makeRig(['g1']);
    await r.failing.real.announce('aral', r.library.versionOf('aral')!, 'New', [
      { platform: 'telegram', chatId: 'g1' },
    ]);
    await r.fanout.stop();
    await r.fanout.start();
    await idle(r);
    expect(r.telegram.calls).toEqual([]);
    expect(messages(r, 'resuming')).toEqual([]);
    expect(await r.failing.real.countPending(['telegram'])).toBe(1);
  });

  it('waits for a send under way for the grace period, no longer, and says so once', async () => {
    const r = await makeRig(['g1'], { stopGraceMs: 100 });
    r.telegram.hold(0); // never released
    await r.fanout.start();
    await until(() => r.telegram.waiting === 1, 'the send under way');
    let stopped = false;
    void r.fanout.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => stopped, 'stop() to give up waiting');
    await r.fanout.stop();
    expect(messages(r, 'stopped while sends')).toEqual([
      expect.objectContaining({
        level: 40,
        deliveries: 1,
        msg: 'stopped while sends were under way; they stay pending and are sent again on the next start',
      }),
    ]);
    expect(await r.failing.real.countPending(['telegram'])).toBe(1);
  });

  it('says nothing when the sends under way end within the grace period', async () => {
    const r = await makeRig(['g1'], { stopGraceMs: 100 });
    const gate = r.telegram.hold(0);
    await r.fanout.start();
    await until(() => r.telegram.waiting === 1, 'the send under way');
    const stopping = r.fanout.stop();
    gate.release();
    await stopping;
    expect(r.telegram.to('g1')).toEqual(['New aral']);
    expect(messages(r, 'stopped while sends')).toEqual([]);
  });
});
