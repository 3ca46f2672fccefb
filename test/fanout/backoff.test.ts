import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/fanout/backoff.js';

describe('retryDelay', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles from the base and stops at the cap', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 7, 30].map((n) => retryDelay(n, options, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000,
    ]);
  });

  it('stays within 20% of the nominal delay for any attempt and any jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const delay = retryDelay(n, options, () => r);
        const nominal = Math.min(options.maxMs, options.baseMs * 2 ** (n - 1));
        return delay >= nominal * 0.8 - 1 && delay <= nominal * 1.2 + 1;
      }),
    );
  });
});
