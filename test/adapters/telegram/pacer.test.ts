import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../src/adapters/telegram/pacer.js';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Reserves `n` bulk slots, as a sender would, and returns when each one goes out. */
function schedule(pacer: Pacer, c: ReturnType<typeof clock>, chats: string[], isGroup = false): number[] {
  return chats.map((chat) => c.now() + pacer.reserve(chat, isGroup));
}

describe('Pacer', () => {
  it('spaces bulk messages to about 30 per second overall', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    const times = schedule(
      pacer,
      c,
      Array.from({ length: 90 }, (_, i) => `chat${i}`),
    );
    expect(times[0]).toBe(0);
    expect(times[89]).toBeCloseTo(89 * (1000 / 30), 5);
    const inFirstSecond = times.filter((t) => t < 1000).length;
    expect(inFirstSecond).toBe(30);
  });

  it('sends at most one bulk message per second to a chat', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    const times = schedule(pacer, c, ['a', 'a', 'a']);
    expect(times).toEqual([0, 1000, 2000]);
  });

  it('lets other chats go while a message waits for its own chat (two topics of one forum)', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    const gap = 1000 / 30;
    const times = schedule(pacer, c, ['-100', '-100', '-200', '-200', '-300'], true);
    // The second topic of each forum waits its group's second; the next forum is not held behind it.
    expect(times).toEqual([0, 1000, gap, 1000 + gap, 2 * gap]);
  });

  it('sends at most 20 bulk messages per minute into a group', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    const times = schedule(
      pacer,
      c,
      Array.from({ length: 25 }, () => '-100'),
      true,
    );
    expect(times.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
    expect(times[20]).toBe(60_000);
    for (let i = 20; i < 25; i++) {
      const windowStart = times[i]! - 60_000;
      expect(times.filter((t) => t > windowStart && t <= times[i]!).length).toBeLessThanOrEqual(20);
    }
  });

  it('never delays replies, but replies push bulk messages back', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    for (let i = 0; i < 100; i++) pacer.note(`user${i}`, false);
    const wait = pacer.reserve('subscriber', false);
    expect(wait).toBeGreaterThan(900);
    expect(wait).toBeLessThanOrEqual(1000 + 1000 / 30);
    pacer.note('subscriber', false);
    expect(pacer.reserve('subscriber', false)).toBeGreaterThanOrEqual(2000 - 1);
  });

  it('counts the gap from when a late message really left', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    expect(pacer.reserve('a', false)).toBe(0);
    c.advance(300);
    pacer.started('a');
    expect(pacer.reserve('a', false)).toBe(1000);
  });

  it('holds a chat back after a 429', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    pacer.pause('a', 5000);
    expect(pacer.reserve('a', false)).toBe(5000);
    c.advance(10_000);
    expect(pacer.reserve('b', false)).toBe(0);
  });

  it("holds a chat's next message until a second after its previous one really left, however late that was", () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    // Both topics of one forum are reserved at once: the second for a second later.
    expect(pacer.reserve('-100', true)).toBe(0);
    expect(pacer.reserve('-100', true)).toBe(1000);
    // The first left 400 ms late (it waited for the overall limit).
    c.advance(400);
    expect(pacer.admit('-100')).toBe(0);
    pacer.started('-100');
    c.advance(600);
    // Its reserved time has come, but the chat's second has not passed since the first left.
    expect(pacer.admit('-100')).toBe(460);
    c.advance(460);
    expect(pacer.admit('-100')).toBe(0);
  });

  it('admits a bulk message only when fewer than 30 could have reached Telegram within the last second', () => {
    const c = clock();
    const pacer = new Pacer(undefined, c.now);
    // 29 replies and one bulk message all left at once (late timers bunch them like this).
    const answers = Array.from({ length: 29 }, (_, i) => pacer.note(`user${i}`, false));
    expect(pacer.admit()).toBe(0);
    answers.push(pacer.started('chat'));
    // No answer yet: no telling when they reached Telegram, so the 31st waits and asks again.
    expect(pacer.admit()).toBe(10);
    // The answers came back 80 ms later (a loaded machine): each may have arrived as late as that.
    c.advance(80);
    for (const answer of answers) answer();
    expect(pacer.admit()).toBe(1000);
    c.advance(999);
    expect(pacer.admit()).toBe(1);
    c.advance(1);
    // The whole bunch has left the window: 30 more may go, not 31.
    for (let i = 0; i < 30; i++) expect(pacer.admit()).toBe(0);
    expect(pacer.admit()).toBe(10);
  });
});
