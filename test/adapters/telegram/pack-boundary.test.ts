import { describe, expect, it } from 'vitest';
import { plainText, type Line } from '../../../src/adapters/telegram/html.js';
import { MESSAGE_LIMIT, pack } from '../../../src/adapters/telegram/pack.js';

const line = (length: number, ch = 'x'): Line => [ch.repeat(length)];
const lengths = (messages: Line[][]) => messages.map((m) => m.map((l) => plainText(l)).join('\n').length);

/** Telegram's 4,096 characters: a reply of exactly that many is one message, one more is two. */
describe('the Telegram packer at the message limit', () => {
  it('keeps a single line of exactly 4,096 characters in one message', () => {
    expect(MESSAGE_LIMIT).toBe(4096);
    expect(lengths(pack([[line(4096)]]))).toEqual([4096]);
  });

  it('cuts a single line of 4,097 characters into two messages', () => {
    const messages = pack([[line(4097)]]);
    expect(messages).toHaveLength(2);
    expect(lengths(messages).reduce((a, b) => a + b, 0)).toBe(4097);
    for (const length of lengths(messages)) expect(length).toBeLessThanOrEqual(4096);
  });

  it('counts the line break: two lines that fill 4,096 exactly stay together, one more splits them', () => {
    expect(lengths(pack([[line(2047), line(2048)]]))).toEqual([4096]);
    expect(lengths(pack([[line(2048), line(2048)]]))).toEqual([2048, 2048]);
  });

  it('puts units together up to exactly the limit and no further', () => {
    expect(lengths(pack([[line(2047)], [line(2048)]]))).toEqual([4096]);
    expect(lengths(pack([[line(2048)], [line(2048)]]))).toEqual([2048, 2048]);
  });
});
