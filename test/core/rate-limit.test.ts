import { afterEach, describe, expect, it, vi } from 'vitest';
import { decide, RateLimiter } from '../../src/core/rate-limit.js';
import { ManualClock } from '../fakes/clock.js';
import { testBot } from '../helpers/test-bot.js';
import { makeBrief } from '../helpers/briefs.js';

afterEach(() => {
  vi.useRealTimers();
});

const limiterAt = (clock: ManualClock, limit = 5, windowSeconds = 10) =>
  new RateLimiter({ limit, windowSeconds }, () => clock.now());

describe('RateLimiter', () => {
  it('allows the limit, warns once, then drops until the window ends', () => {
    const clock = new ManualClock();
    const limiter = limiterAt(clock);
    const decisions = Array.from({ length: 8 }, () => limiter.check('telegram:1'));
    expect(decisions).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'warn', 'drop', 'drop']);
    expect(limiter.check('telegram:2')).toBe('allow');
    clock.advance(9_999);
    expect(limiter.check('telegram:1')).toBe('drop');
    clock.advance(1);
    expect(limiter.check('telegram:1')).toBe('allow');
    limiter.close();
  });

  it("opens a key's window at its first command, not at a shared tick", () => {
    const clock = new ManualClock();
    const limiter = limiterAt(clock, 1);
    expect(limiter.check('a')).toBe('allow');
    clock.advance(6_000);
    expect(limiter.check('b')).toBe('allow');
    clock.advance(4_000);
    // a's window (0-10 s) has ended, b's (6-16 s) has not.
    expect(limiter.check('a')).toBe('allow');
    expect(limiter.check('b')).toBe('warn');
  });

  it('ends a window exactly windowSeconds after it opened, between the sweeps too', () => {
    const clock = new ManualClock();
    const limiter = limiterAt(clock, 1);
    limiter.check('x'); // t=0: the first sweep; the next is due at 10 s
    clock.advance(5_000);
    limiter.check('a'); // a's window: 5-15 s
    clock.advance(5_000);
    limiter.check('y'); // t=10 s: a sweep, a's window still open; the next sweep is due at 20 s
    expect(limiter.check('a')).toBe('warn');
    clock.advance(5_000);
    expect(limiter.check('a')).toBe('allow');
  });

  it('without an injected clock runs on the monotonic clock', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 10 });
    expect([limiter.check('k'), limiter.check('k')]).toEqual(['allow', 'warn']);
    vi.advanceTimersByTime(10_000);
    expect(limiter.check('k')).toBe('allow');
  });

  it('scales the allowance per key: a scale of 3 allows three times the limit', () => {
    const clock = new ManualClock();
    const limiter = limiterAt(clock, 2);
    const decisions = Array.from({ length: 8 }, () => limiter.check('typing', 3));
    expect(decisions).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'warn', 'drop']);
  });

  it('forgets ended windows once per window, so idle users hold no memory', () => {
    const clock = new ManualClock();
    const limiter = limiterAt(clock, 5, 1);
    for (let i = 0; i < 100; i++) limiter.check(`user:${i}`);
    expect(limiter.openWindows).toBe(100);
    clock.advance(999);
    limiter.check('user:0');
    expect(limiter.openWindows).toBe(100);
    clock.advance(1);
    limiter.check('late');
    expect(limiter.openWindows).toBe(1);
    limiter.close();
    expect(limiter.openWindows).toBe(0);
  });

  it('decides allow up to the limit, warn one past it, drop beyond', () => {
    expect([4, 5, 6, 7, 100].map((count) => decide(count, 5))).toEqual(['allow', 'allow', 'warn', 'drop', 'drop']);
  });
});

describe('rate limiting in the bot', () => {
  it('answers one "slow down" and then nothing, per user; the terminal is exempt', async () => {
    const t = await testBot({ briefs: [makeBrief()], rateLimit: { limit: 2, windowSeconds: 10 } });
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await t.send('/brief sample'));
    expect(replies.map((r) => r?.kind ?? null)).toEqual(['brief', 'brief', 'text', null]);
    expect(replies[2]).toMatchObject({ tone: 'error', code: 'rate_limited' });
    expect((await t.send('/brief sample', { user: { id: 'other' } }))?.kind).toBe('brief');
    for (let i = 0; i < 10; i++) {
      expect((await t.send('/brief sample', { chat: { platform: 'console' } }))?.kind).toBe('brief');
    }
  });
});
