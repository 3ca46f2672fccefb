import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundWords, DEFAULT_BOUNDS } from '../../src/content/query-bounds.js';
import { TermIndex } from '../../src/content/term-index.js';

const typos = (w: string) => (w.length < 4 ? 0 : w.length < 8 ? 1 : 2);
const everyWordPrefix = () => true;
const letters = 'abcdefghijklmnopqrstuvwxyz';
const vocabulary = ['kazakh', 'xinjiang', 'camps', 'witness', 'court', 'water', 'glaciers', 'retreat', 'aral', 'sea'];

/** Documents that all share the one-letter words, as a large store's common words are shared. */
function crowded(docs: number, bounds = DEFAULT_BOUNDS): TermIndex<'text'> {
  const index = new TermIndex<'text'>({ text: 1 }, bounds);
  for (let i = 0; i < docs; i++) {
    const own = `${vocabulary[i % vocabulary.length]} ${vocabulary[(i * 7) % vocabulary.length]} word${i}`;
    index.add(`b:${i}`, { text: `a e i o u ${letters[i % 26]} ${own}` });
  }
  return index;
}

describe('query bounds', () => {
  it('keeps each word once and, beyond the limit, the longest ones in typed order', () => {
    expect(boundWords(['a', 'b', 'a', 'c'], 8)).toEqual(['a', 'b', 'c']);
    expect(boundWords(['x', 'camps', 'y', 'xinjiang', 'z', 'aral'], 3)).toEqual(['camps', 'xinjiang', 'aral']);
    expect(boundWords(Array(100).fill('a'), 8)).toEqual(['a']);
  });

  it('searches at most maxWords words of a hundred one-letter words', () => {
    const index = crowded(200);
    const query = Array.from({ length: 100 }, (_, i) => letters[(i * 7) % 26]).join(' ');
    index.search(query, { prefix: everyWordPrefix, fuzzy: typos, combineWith: 'OR' });
    expect(index.lastWork.words).toBe(DEFAULT_BOUNDS.maxWords);
    expect(index.lastWork.bounded).toBe(true);
  });

  it('stops examining postings at the budget, and still answers', () => {
    const bounds = { ...DEFAULT_BOUNDS, maxPostings: 1_000 };
    const index = crowded(600, bounds);
    const hits = index.search('a e i o u camps', { prefix: everyWordPrefix, combineWith: 'OR' });
    expect(index.lastWork.postings).toBeLessThanOrEqual(1_000);
    expect(index.lastWork.bounded).toBe(true);
    // The common words do not fit; the rare one still finds its documents.
    expect(hits.length).toBeGreaterThan(0);
    const all = index.search('a e i o u', { combineWith: 'AND' });
    expect(index.lastWork.postings).toBeLessThanOrEqual(1_000);
    expect(all.length).toBeGreaterThan(0);
  });

  it('walks the dictionary for typos in at most maxFuzzyWords words, never in very long ones', () => {
    const index = crowded(50);
    index.search('kazak xinjang camsp witnes cuort watter glacier retreet', { fuzzy: typos, combineWith: 'OR' });
    expect(index.lastWork.fuzzyWalks).toBe(DEFAULT_BOUNDS.maxFuzzyWords);
    const long = Array.from({ length: 2_000 }, (_, i) => letters[(i * 11) % 26]).join('');
    index.search(long, { fuzzy: () => 2 });
    expect(index.lastWork.fuzzyWalks).toBe(0);
    expect(index.search(`${'x'.repeat(30)}`, { fuzzy: () => 2 })).toEqual([]);
  });

  it('still requires every word with AND, including a word that matches nothing', () => {
    const index = crowded(50);
    expect(index.search('xinjiang retreat', { combineWith: 'AND' }).length).toBeGreaterThan(0);
    expect(index.search('xinjiang retreat zzz', { combineWith: 'AND' })).toEqual([]);
  });

  it('answers normal queries exactly as an unbounded index does', () => {
    const bounded = crowded(300);
    const unbounded = crowded(300, { maxWords: 1e9, maxFuzzyWords: 1e9, maxFuzzyWordLength: 1e9, maxPostings: 1e12 });
    const word = fc.constantFrom(...vocabulary, 'kazak', 'xinjang', 'glac', 'a', 'word12');
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (words, any) => {
        const options = { fuzzy: typos, prefix: everyWordPrefix, combineWith: any ? ('OR' as const) : ('AND' as const) };
        const query = words.join(' ');
        expect(bounded.search(query, options)).toEqual(unbounded.search(query, options));
        expect(bounded.lastWork.bounded).toBe(false);
      }),
    );
  });
});
