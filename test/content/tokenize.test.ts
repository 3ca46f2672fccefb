import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/normalize.js';
import { fastNormalize, tokenize } from '../../src/content/tokenize.js';

describe('fastNormalize', () => {
  it('folds case and punctuation of ASCII text', () => {
    expect(fastNormalize('  Xinjiang: RE-education   camps! ')).toBe('xinjiang re education camps');
  });

  it('falls back to full Unicode folding for accents and other scripts', () => {
    expect(fastNormalize('Türkiye’s Uyghurs')).toBe('turkiye s uyghurs');
    expect(fastNormalize('Ｘｉｎｊｉａｎｇ')).toBe('xinjiang');
  });

  it('always agrees with normalize', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fastNormalize(s) === normalize(s)));
    fc.assert(fc.property(fc.string(), (s) => fastNormalize(s) === normalize(s)));
  });
});

describe('tokenize', () => {
  it('splits into words and gives nothing for punctuation alone', () => {
    expect(tokenize('The Kazakh connection')).toEqual(['the', 'kazakh', 'connection']);
    expect(tokenize(' -- !! ')).toEqual([]);
  });
});
