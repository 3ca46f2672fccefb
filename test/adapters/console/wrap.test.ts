import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/adapters/console/wrap.js';

describe('wrapText', () => {
  it('breaks between words and indents the rest of a bullet under its text', () => {
    expect(wrapText('  • Han Chinese make up roughly 40% of the population.', 20)).toBe(
      '  • Han Chinese make\n    up roughly 40%\n    of the\n    population.',
    );
  });

  it('never splits a URL, even on a line narrower than it', () => {
    const url = 'https://www.hrw.org/report/2018/09/09/eradicating-ideological-viruses';
    expect(wrapText(`See ${url} now`, 20)).toBe(`See\n${url}\nnow`);
  });

  it('puts a bullet on its own line when it and its first word do not fit', () => {
    expect(wrapText('0. a', 1)).toBe('0.\na');
  });

  it('keeps every word, and every line within the width unless one word is longer', () => {
    const word = fc.stringMatching(/^[a-z0-9:/.]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 1, max: 120 }), (words, width) => {
        const wrapped = wrapText(words.join(' '), width);
        expect(wrapped.split(/\s+/).filter(Boolean)).toEqual(words);
        for (const line of wrapped.split('\n')) {
          if (line.length > width) expect(line.trim().split(' ')).toHaveLength(1);
        }
      }),
    );
  });
});
