import { describe, expect, it } from 'vitest';
import { render } from '../../../src/adapters/discord/render.js';
import type { Brief } from '../../../src/content/brief.js';
import { makeBrief } from '../../helpers/briefs.js';

/** A fact of exactly `length` characters, shown as `• ` + fact: one field line of length + 2. */
const fact = (length: number, ch = 'a') => ch.repeat(length);
const briefWith = (over: Partial<Brief>) => makeBrief({ sources: [], ...over });
const fieldsOf = (facts: string[]) =>
  render({ kind: 'brief', brief: briefWith({ facts }), related: [] }).embeds[0]!.fields!;

describe('Discord fields at the 1,024-character limit', () => {
  it('keeps fact lines that fill a field exactly in one field, and moves one character more to a second', () => {
    // `• ` + 509, the line break, `• ` + 510: 1,024 exactly.
    const full = fieldsOf([fact(509), fact(510, 'b')]);
    expect(full.filter((f) => f.name.startsWith('Key facts')).map((f) => f.value.length)).toEqual([1024]);
    const over = fieldsOf([fact(510), fact(510, 'b')]);
    expect(over.filter((f) => f.name.startsWith('Key facts')).map((f) => [f.name, f.value.length])).toEqual([
      ['Key facts', 512],
      ['Key facts (continued)', 512],
    ]);
  });

  it('names every further field "(continued)" and keeps the lines in order', () => {
    const fields = fieldsOf([fact(1000, 'a'), fact(1000, 'b'), fact(1000, 'c')]).filter((f) =>
      f.name.startsWith('Key facts'),
    );
    expect(fields.map((f) => f.name)).toEqual(['Key facts', 'Key facts (continued)', 'Key facts (continued)']);
    expect(fields.map((f) => f.value[2])).toEqual(['a', 'b', 'c']);
  });

  it('cuts a single line longer than a field to the field, with an ellipsis', () => {
    const [first] = fieldsOf([fact(2000)]);
    expect(first!.value.length).toBe(1024);
    expect(first!.value.endsWith('…')).toBe(true);
  });
});

describe('Discord descriptions at the 4,096-character limit', () => {
  const listOf = (titles: string[]) =>
    render({
      kind: 'list',
      title: 'Latest briefs',
      items: titles.map((title, i) => ({ slug: `s${i}`, title, topic: 'water', date: '2024-01-01' })),
    }).embeds[0]!.description!;

  it('fills the description to two characters short of 4,096 with whole lines, and not one more', () => {
    // `**1.** ` + 2,000 + ` (2024-01-01)`, the line break, `**2.** ` + 2,053 + the date: 4,094.
    const fits = listOf([fact(2000), fact(2053, 'b')]).split('\n');
    expect(fits.map((line) => line.length)).toEqual([2020, 2073]);
    const over = listOf([fact(2000), fact(2054, 'b')]).split('\n');
    expect(over.map((line) => line.length)).toEqual([2020, 1]);
    expect(over[1]).toBe('…');
  });

  it('cuts a first line longer than the description, rather than showing nothing', () => {
    const [only, ...rest] = listOf([fact(5000)]).split('\n');
    expect(only!.length).toBe(4096);
    expect(only!.endsWith('…')).toBe(true);
    expect(rest).toEqual([]);
  });

  it('shows every line when they fit', () => {
    const lines = listOf(['One', 'Two']).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\*\*1\.\*\* One/);
    expect(lines[1]).toMatch(/^\*\*2\.\*\* Two/);
  });
});
