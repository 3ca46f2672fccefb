import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../src/content/library.js';
import { makeBrief } from '../helpers/briefs.js';
import { failingRig, type FailingRig } from './helpers/failing-store.js';

const brief = (summary: string) => makeBrief({ slug: 'aral', topics: ['water'], summary });
const g1 = { platform: 'telegram' as const, chatId: 'g1' };

describe('announcements wait for a quiet time', () => {
  let rig: FailingRig | undefined;

  afterEach(async () => {
    vi.useRealTimers();
    await rig?.close();
    rig = undefined;
  });

  it('sends one announcement, of the last version, for 15 saves 250 ms apart', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const library = new Library([brief('Version start.')]);
    rig = await failingRig(library, { quietMs: 30_000 });
    const { fanout, adapter, failing } = rig;
    await failing.real.subscribe(g1, 'water', 'u1');
    await fanout.start();
    await vi.waitFor(() => expect(adapter.sent).toHaveLength(1), { timeout: 5_000 });

    for (let i = 0; i < 15; i++) {
      library.upsert(brief(`Version ${i}.`));
      await vi.advanceTimersByTimeAsync(250);
    }
    // 29 s after the last save: still quiet, nothing announced or owed yet.
    await vi.advanceTimersByTimeAsync(29_000 - 250);
    expect(adapter.sent).toHaveLength(1);
    expect(await failing.real.countPending(['telegram'])).toBe(0);
    expect(await failing.real.knownVersion('aral')).not.toBe(library.versionOf('aral'));

    await vi.advanceTimersByTimeAsync(1_500);
    await vi.waitFor(() => expect(adapter.sent).toHaveLength(2), { timeout: 5_000 });
    await fanout.idle();
    expect(adapter.sent).toHaveLength(2);
    const last = adapter.sent[1]!.reply;
    expect(last.kind === 'brief' && [last.label, last.brief.summary]).toEqual(['Updated', 'Version 14.']);
    expect(await failing.real.knownVersion('aral')).toBe(library.versionOf('aral'));
  });

  it('announces at once with a quiet time of 0', async () => {
    const library = new Library([brief('Version start.')]);
    rig = await failingRig(library, { quietMs: 0 });
    await rig.failing.real.subscribe(g1, 'water', 'u1');
    await rig.fanout.start();
    await rig.fanout.idle();
    library.upsert(brief('Version 1.'));
    await rig.fanout.idle();
    expect(rig.adapter.to('g1')).toEqual(['New aral', 'Updated aral']);
  });
});
