import { describe, expect, it } from 'vitest';
import { StoreBackoff } from '../../src/fanout/store-backoff.js';
import { ManualClock } from '../fakes/clock.js';

describe('StoreBackoff: the delivery loop pauses while the database fails', () => {
  // baseMs equal to maxMs: the jitter is the only spread, so each pause is 80-120% of 1 s.
  const retry = { baseMs: 1_000, maxMs: 1_000 };

  it('is not paused until a failure, and pauses from the moment of the failure', () => {
    const clock = new ManualClock();
    const backoff = new StoreBackoff(retry, () => clock.now());
    expect(backoff.pausedUntil()).toBeUndefined();
    clock.advance(5_000);
    const until = backoff.failed();
    expect(until).toBeGreaterThanOrEqual(5_800);
    expect(until).toBeLessThanOrEqual(6_200);
    expect(backoff.pausedUntil()).toBe(until);
    clock.advance(until - clock.now() - 1);
    expect(backoff.pausedUntil()).toBe(until);
    clock.advance(1);
    expect(backoff.pausedUntil()).toBeUndefined();
  });

  it('doubles the pause with each failure in a row, and a write that works ends it', () => {
    const clock = new ManualClock();
    const backoff = new StoreBackoff({ baseMs: 1_000, maxMs: 60_000 }, () => clock.now());
    const pauses = [1, 2, 3].map(() => backoff.failed() - clock.now());
    expect(pauses[0]).toBeLessThanOrEqual(1_200);
    expect(pauses[1]).toBeGreaterThanOrEqual(1_600);
    expect(pauses[2]).toBeGreaterThanOrEqual(3_200);
    backoff.succeeded();
    expect(backoff.pausedUntil()).toBeUndefined();
    expect(backoff.failed() - clock.now()).toBeLessThanOrEqual(1_200);
  });
});
