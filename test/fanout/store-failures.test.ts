import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/content/library.js';
import { makeBrief } from '../helpers/briefs.js';
import { failingRig, type FailingRig } from './helpers/failing-store.js';
import { waitFor } from './helpers/test-app.js';

const brief = (summary: string) => makeBrief({ slug: 'aral', topics: ['water'], summary });
const CHATS = ['g1', 'g2', 'g3'];
const WRITES = ['announce', 'markAttempt', 'markDone', 'retryAt', 'finish', 'recordReachable', 'recordUnreachable'];
const ERROR = 50;

/** Growing pauses: the 20, 40, 80, 160, 200 ms waits of the test's back-off, less their 20% jitter. */
const MIN_SPAN_OF_FIVE_RETRIES = 0.8 * (20 + 40 + 80 + 160);

describe('a full disk under the database', () => {
  let rig: FailingRig | undefined;

  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  const started = async () => {
    const library = new Library([brief('Version 0.')]);
    rig = await failingRig(library);
    for (const chatId of CHATS) await rig.failing.real.subscribe({ platform: 'telegram', chatId }, 'water', 'u1');
    await rig.fanout.start();
    await rig.fanout.idle();
    expect(rig.adapter.sent).toHaveLength(CHATS.length);
    return { library, ...rig };
  };
  const updatesTo = (r: FailingRig, chatId: string) => r.adapter.to(chatId).filter((m) => m.startsWith('Updated'));
  const errorLines = (r: FailingRig) => r.lines.filter((l) => l.level >= ERROR);

  it('retries an edit saved while the disk is full, with growing pauses, and delivers it afterwards', async () => {
    const r = await started();
    r.failing.fail(...WRITES);
    r.library.upsert(brief('Version 1.'));
    await waitFor(() => r.failing.failed('announce').length >= 5, 10_000, 'five failed announcements');
    const tries = r.failing.failed('announce');
    expect(tries[4]!.at - tries[0]!.at).toBeGreaterThanOrEqual(MIN_SPAN_OF_FIVE_RETRIES);
    expect(r.adapter.sent).toHaveLength(CHATS.length);

    r.failing.heal();
    await waitFor(() => CHATS.every((c) => updatesTo(r, c).length === 1), 10_000, 'the update in every chat');
    await r.fanout.idle();
    for (const chatId of CHATS) expect(updatesTo(r, chatId)).toEqual(['Updated aral']);
    // One error line for the whole outage, not one per failed call.
    expect(errorLines(r)).toHaveLength(1);
    expect(r.lines.some((l) => l.msg === 'the database works again')).toBe(true);
  });

  it('pauses the delivery loop while the attempt marker cannot be written, and sends nothing meanwhile', async () => {
    const r = await started();
    r.failing.fail('markAttempt');
    r.library.upsert(brief('Version 1.'));
    await waitFor(() => r.failing.failed('markAttempt').length >= 5 * CHATS.length, 10_000, 'failed attempts');
    const tries = r.failing.failed('markAttempt');
    expect(tries.at(-1)!.at - tries[0]!.at).toBeGreaterThanOrEqual(MIN_SPAN_OF_FIVE_RETRIES / 2);
    expect(r.adapter.sent).toHaveLength(CHATS.length);

    r.failing.heal();
    await waitFor(() => CHATS.every((c) => updatesTo(r, c).length === 1), 10_000, 'the update in every chat');
    await r.fanout.idle();
    for (const chatId of CHATS) expect(updatesTo(r, chatId)).toEqual(['Updated aral']);
    expect(errorLines(r)).toHaveLength(1);
  });

  it('never sends a delivery twice when "done" cannot be written', async () => {
    const r = await started();
    r.failing.fail('markDone');
    r.library.upsert(brief('Version 1.'));
    await waitFor(() => r.failing.failed('markDone').length >= 5 * CHATS.length, 10_000, 'failed done writes');
    for (const chatId of CHATS) expect(updatesTo(r, chatId)).toEqual(['Updated aral']);

    r.failing.heal();
    await r.fanout.idle();
    expect(await r.failing.real.countPending(['telegram'])).toBe(0);
    expect(await r.failing.real.countUnknownOutcomes()).toBe(0);
    for (const chatId of CHATS) expect(updatesTo(r, chatId)).toEqual(['Updated aral']);
    expect(r.adapter.calls).toHaveLength(2 * CHATS.length);
    expect(errorLines(r)).toHaveLength(1);
  });
});
