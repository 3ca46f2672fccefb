import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import briefCommand from '../../commands/brief.js';
import searchCommand from '../../commands/search.js';
import subscribeCommand from '../../commands/subscribe.js';
import { bindArgs } from '../../src/core/bind-args.js';
import { cleanText, parseLine } from '../../src/core/parse-line.js';

describe('parseLine', () => {
  it('reads the command, the addressed bot and the rest', () => {
    expect(parseLine('/brief xinjiang camps')).toEqual({ command: 'brief', rest: 'xinjiang camps' });
    expect(parseLine('/brief@OurBot xinjiang')).toEqual({ command: 'brief', addressedTo: 'OurBot', rest: 'xinjiang' });
    expect(parseLine('/BRIEF   Xinjiang  ')).toEqual({ command: 'brief', rest: 'Xinjiang' });
    expect(parseLine('/help')).toEqual({ command: 'help', rest: '' });
  });

  it('names no bot when none was addressed (the key is absent, not undefined)', () => {
    expect(parseLine('/brief xinjiang')).toStrictEqual({ command: 'brief', rest: 'xinjiang' });
  });

  it('allows spaces before the command and folds every run of whitespace in the rest to one space', () => {
    expect(parseLine('  \t/brief xinjiang   re-education\t\ncamps')).toEqual({
      command: 'brief',
      rest: 'xinjiang re-education camps',
    });
  });

  it('is not fooled by text that is no command', () => {
    expect(parseLine('hello /brief')).toBeUndefined();
    expect(parseLine('/')).toBeUndefined();
    expect(parseLine('//brief')).toBeUndefined();
    expect(parseLine('/brief-me now')).toBeUndefined();
  });

  it('drops control, zero-width and direction characters', () => {
    expect(parseLine('/brief\u200b xin\u0000jiang\u202e\u0007')).toEqual({ command: 'brief', rest: 'xinjiang' });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (s) => {
        const parsed = parseLine('/brief ' + s);
        expect(parsed?.command).toBe('brief');
        expect(parsed?.rest).not.toMatch(/[\u0000\u200b\u202e]/);
      }),
    );
  });
});

describe('cleanText (inline queries)', () => {
  it('drops invisible characters and folds whitespace', () => {
    expect(cleanText('  kazakh\u200b\u0000 camps\t\n  ')).toBe('kazakh camps');
  });
});

describe('bindArgs', () => {
  it('takes optional choices at the end of the line, alone or named as Discord shows them', () => {
    expect(bindArgs(subscribeCommand, 'aral sea compact publish:true')).toEqual({
      ok: true,
      args: { topic: 'aral sea', format: 'compact', publish: 'true' },
    });
    expect(bindArgs(subscribeCommand, 'aral format:headline off')).toEqual({
      ok: true,
      args: { topic: 'aral', format: 'headline', previews: 'off' },
    });
    // A name that does not go with the value is a word of the topic.
    expect(bindArgs(subscribeCommand, 'aral publish:compact')).toEqual({
      ok: true,
      args: { topic: 'aral publish:compact' },
    });
    expect(bindArgs(subscribeCommand, 'aral <#123> publish:true')).toEqual({
      ok: true,
      args: { topic: 'aral', channel: '<#123>', publish: 'true' },
    });
  });

  it('gives the rest of the line to the last string option', () => {
    expect(bindArgs(briefCommand, 'xinjiang re-education camps')).toEqual({
      ok: true,
      args: { topic: 'xinjiang re-education camps' },
    });
    expect(bindArgs(searchCommand, 'kazakh camps')).toEqual({ ok: true, args: { words: 'kazakh camps' } });
    expect(bindArgs(briefCommand, '')).toEqual({ ok: true, args: {} });
  });
});
