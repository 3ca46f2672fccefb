import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from '../../src/fanout/announcer.js';

/** An announce function that records its calls; each call's answer is settled by the test. */
function recorder() {
  const calls: { key: string; at: number; settle: (err?: Error) => void }[] = [];
  const failures: { key: string; message: string }[] = [];
  const announce = (key: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ key, at: Date.now(), settle: (err) => (err ? reject(err) : resolve()) });
    });
  const onFailure = (key: string, err: unknown) => failures.push({ key, message: (err as Error).message });
  return { calls, failures, announce, onFailure };
}

const full = new Error('database or disk is full');

describe('Announcer', () => {
  let started: number;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    started = Date.now();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces at once with a quiet time of 0, and counts the announcement under way as pending', async () => {
    const r = recorder();
    const announcer = new Announcer({ quietMs: 0, retry: { baseMs: 1_000, maxMs: 1_000 }, ...r });
    announcer.changed('aral');
    expect(r.calls.map((c) => c.key)).toEqual(['aral']);
    expect(announcer.pending).toBe(1);
    r.calls[0]!.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(announcer.pending).toBe(0);
  });

  it('keeps a newer change waiting for its quiet time when the announcement under way fails', async () => {
    const r = recorder();
    const announcer = new Announcer({ quietMs: 30_000, retry: { baseMs: 1_000, maxMs: 1_000 }, ...r });
    void announcer.now('aral');
    announcer.changed('aral'); // an edit while the announcement is being written
    expect(announcer.pending).toBe(2);
    r.calls[0]!.settle(full);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(r.calls).toHaveLength(1);
    expect(r.failures).toEqual([{ key: 'aral', message: 'database or disk is full' }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.calls.map((c) => [c.key, c.at - started])).toEqual([
      ['aral', 0],
      ['aral', 30_000],
    ]);
  });

  it('tries a failed announcement again after a pause', async () => {
    const r = recorder();
    const announcer = new Announcer({ quietMs: 0, retry: { baseMs: 1_000, maxMs: 1_000 }, ...r });
    void announcer.now('aral');
    r.calls[0]!.settle(full);
    await vi.advanceTimersByTimeAsync(0);
    expect(announcer.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(1_200);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[1]!.at - started).toBeGreaterThanOrEqual(800);
  });

  it('drops what waits when stopped, and takes no new changes nor retries after', async () => {
    const r = recorder();
    const announcer = new Announcer({ quietMs: 1_000, retry: { baseMs: 1_000, maxMs: 1_000 }, ...r });
    announcer.changed('aral');
    void announcer.now('dams');
    announcer.stop();
    expect(announcer.pending).toBe(1); // dams, under way
    announcer.changed('canals');
    r.calls[0]!.settle(full); // dams fails after the stop: no retry
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.calls.map((c) => c.key)).toEqual(['dams']);
    expect(announcer.pending).toBe(0);
  });
});
