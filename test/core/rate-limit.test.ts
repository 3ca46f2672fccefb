import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../src/core/rate-limit.js';
import { testBot } from '../helpers/test-bot.js';
import { makeBrief } from '../helpers/briefs.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('RateLimiter', () => {
  it('allows the limit, warns once, then drops until the window ends', () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter({ limit: 5, windowSeconds: 10 });
    const decisions = Array.from({ length: 8 }, () => limiter.check('telegram:1'));
    expect(decisions).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'warn', 'drop', 'drop']);
    expect(limiter.check('telegram:2')).toBe('allow');
    vi.advanceTimersByTime(10_001);
    expect(limiter.check('telegram:1')).toBe('allow');
    limiter.close();
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
