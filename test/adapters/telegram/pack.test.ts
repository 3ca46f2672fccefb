import { describe, expect, it } from 'vitest';
import { bold, plainText, type Line } from '../../../src/adapters/telegram/html.js';
import { pack, type Unit } from '../../../src/adapters/telegram/pack.js';

/** A small limit keeps the cases readable; the packer treats every limit alike. */
const LIMIT = 20;
const x = (length: number, ch = 'x'): Line => [ch.repeat(length)];
const texts = (units: readonly Unit[]) => pack(units, LIMIT).map((m) => m.map((l) => plainText(l)));

describe('the Telegram packer: blank lines', () => {
  it('never starts or ends a message with a blank line, spaces-only lines included', () => {
    expect(texts([[['']], [['   ']], [x(3, 'a')], [['  ']], [x(3, 'b')], [['']]])).toEqual([['aaa', '  ', 'bbb']]);
    // The break falls after a blank line: it is dropped from the end of the first message.
    expect(texts([[x(10, 'a')], [['']], [x(15, 'b')]])).toEqual([['aaaaaaaaaa'], ['bbbbbbbbbbbbbbb']]);
  });

  it('sends nothing for a reply of blank lines only', () => {
    expect(pack([[['']], [[' ']]], LIMIT)).toEqual([]);
  });
});

describe('the Telegram packer: units stay together', () => {
  it('moves a unit that does not fit whole into the next message', () => {
    expect(texts([[x(10, 'a')], [x(5, 'b'), x(5, 'c')]])).toEqual([['aaaaaaaaaa'], ['bbbbb', 'ccccc']]);
  });

  it('counts a unit as its lines plus the breaks between them, to the character', () => {
    // 4 + break + (7 + break + 7) = 20: fits.
    expect(texts([[x(4, 'a')], [x(7, 'b'), x(7, 'c')]])).toEqual([['aaaa', 'bbbbbbb', 'ccccccc']]);
    // 4 + break + (8 + break + 7) = 21: the unit goes on.
    expect(texts([[x(4, 'a')], [x(8, 'b'), x(7, 'c')]])).toEqual([['aaaa'], ['bbbbbbbb', 'ccccccc']]);
    // 5 + break + (9 + break + 10) = 26, and the unit alone (20) fits a message: it goes on whole.
    expect(texts([[x(5, 'a')], [x(9, 'b'), x(10, 'c')]])).toEqual([['aaaaa'], ['bbbbbbbbb', 'cccccccccc']]);
  });

  it('counts a line break before every line but the first of a message', () => {
    // 7 + break + 6 = 14; + break + 6 = 21: the third unit starts the next message.
    expect(texts([[x(7, 'a')], [x(6, 'b')], [x(6, 'c')]])).toEqual([['aaaaaaa', 'bbbbbb'], ['cccccc']]);
  });

  it('fills the current message from a unit longer than a message instead of leaving it short', () => {
    expect(texts([[x(5, 'a')], [x(10, 'b'), x(10, 'c')]])).toEqual([['aaaaa', 'bbbbbbbbbb'], ['cccccccccc']]);
  });
});

describe('the Telegram packer: cutting a line longer than a message', () => {
  it('keeps a line of exactly the limit whole, even with spaces in it', () => {
    expect(texts([[['aaaa bbbb cccc ddddd']]])).toEqual([['aaaa bbbb cccc ddddd']]);
  });

  it('moves a line of exactly the limit to a message of its own whole, even with spaces in it', () => {
    expect(texts([[x(3, 'z'), ['aaaa bbbb cccc ddddd']]])).toEqual([['zzz'], ['aaaa bbbb cccc ddddd']]);
  });

  it('cuts at the last space in reach and carries on with the rest', () => {
    expect(texts([[['aaaa bbbb cccc dddd eeee ffff']], [x(3, 'g')]])).toEqual([
      ['aaaa bbbb cccc dddd '],
      ['eeee ffff', 'ggg'],
    ]);
  });

  it('drops a piece that is only the space it was cut at', () => {
    expect(texts([[[`${'x'.repeat(20)} `]], [['next']]])).toEqual([['xxxxxxxxxxxxxxxxxxxx'], ['next']]);
  });

  it('re-opens a tag it cut through', () => {
    const [first, second] = pack([[[bold('aaaa bbbb cccc dddd eeee')]]], LIMIT);
    expect(first).toEqual([[bold('aaaa bbbb cccc dddd ')]]);
    expect(second).toEqual([[bold('eeee')]]);
  });
});
