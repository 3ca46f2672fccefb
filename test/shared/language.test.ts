import { describe, expect, it } from 'vitest';
import { canonicalLanguage } from '../../src/shared/language.js';

const cases: [string, string | undefined][] = [
  ['EN-gb', 'en-GB'],
  ['en_US', 'en-US'],
  ['ru_RU.UTF-8', 'ru-RU'],
  ['xx-YY', undefined],
  ['', undefined],
  ['not a tag', undefined],
];

describe('canonical language tags', () => {
  it('are the same on the first call, on later ones, and after many other tags were asked for', () => {
    for (const [tag, canonical] of cases) expect(canonicalLanguage(tag)).toBe(canonical);
    for (const [tag, canonical] of cases) expect(canonicalLanguage(tag)).toBe(canonical);
    for (let i = 0; i < 2_500; i++) canonicalLanguage(`en-x-${i.toString(36)}`);
    for (const [tag, canonical] of cases) expect(canonicalLanguage(tag)).toBe(canonical);
    expect(canonicalLanguage('en-x-zz')).toBe('en-x-zz');
  });
});
