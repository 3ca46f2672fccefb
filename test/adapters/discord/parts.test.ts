import { describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../../../src/adapters/discord/autocomplete.js';
import { decodeAction, encodeAction } from '../../../src/adapters/discord/custom-id.js';
import { createPacer } from '../../../src/adapters/discord/pace.js';
import type { Brief } from '../../../src/content/brief.js';
import { Library } from '../../../src/content/library.js';

const brief = (slug: string, title: string, topics: string[], published = '2020-01-01'): Brief => ({
  slug,
  title,
  topics,
  published,
  lang: 'en',
  publisher: 'P',
  url: 'https://example.org',
  summary: 's',
  facts: ['f'],
  sources: [],
  body: '',
  draft: false,
  file: `${slug}.md`,
});

describe('button custom ids', () => {
  it('round-trip a command, an option and a value', () => {
    const id = encodeAction({ command: 'brief', option: 'topic', value: 'kazakh-connection' });
    expect(id).toBe('brief:topic=kazakh-connection');
    expect(decodeAction(id!)).toEqual({ command: 'brief', option: 'topic', value: 'kazakh-connection' });
  });

  it('refuse what would not fit 100 characters, and reject malformed ids', () => {
    expect(encodeAction({ command: 'brief', option: 'topic', value: 'x'.repeat(95) })).toBeUndefined();
    expect(decodeAction('nonsense')).toBeUndefined();
    expect(decodeAction('Brief:topic=x')).toBeUndefined();
  });
});

describe('autocompleteChoices', () => {
  const library = new Library([
    ...Array.from({ length: 40 }, (_, i) =>
      brief(`xinjiang-${i}`, `Xinjiang story ${i}`, ['xinjiang'], `2020-01-${String((i % 28) + 1).padStart(2, '0')}`),
    ),
    brief('long', 'L'.repeat(200), ['long']),
  ]);

  it('offers at most 25 briefs, named by title and date, valued by slug', () => {
    const choices = autocompleteChoices(library, 'xinj');
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.value).toMatch(/^xinjiang-\d+$/);
      expect(c.name).toMatch(/^Xinjiang story \d+ \(2020-01-\d\d\)$/);
    }
  });

  it('cuts long names to 100 characters', () => {
    const [choice] = autocompleteChoices(library, 'long');
    expect(choice?.name.length).toBe(100);
    expect(choice?.name.endsWith('…')).toBe(true);
  });

  it('answers an empty box with the latest briefs, and nonsense with nothing', () => {
    expect(autocompleteChoices(library, '').length).toBeGreaterThan(0);
    expect(autocompleteChoices(library, 'qqqqqqqqqq')).toEqual([]);
  });
});

describe('createPacer', () => {
  it('runs tasks in order, spaced apart, and keeps going after a failure', async () => {
    const run = createPacer(30);
    const at: number[] = [];
    const task = (fail: boolean) => async () => {
      at.push(performance.now());
      if (fail) throw new Error('no');
      return at.length;
    };
    const results = await Promise.allSettled([run(task(false)), run(task(true)), run(task(false))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(25);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(25);
  });
});
