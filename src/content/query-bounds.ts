/**
 * Limits on the work one query may cause, so that no crafted query (a hundred one-letter
 * words, only vowels, a word of thousands of letters) costs more than a few milliseconds on
 * a large store. Normal queries stay far inside them and are answered exactly as before.
 */
export interface QueryBounds {
  /** Distinct words of a query that are searched at all. */
  maxWords: number;
  /** Words that get typo tolerance (each costs a walk of the dictionary). */
  maxFuzzyWords: number;
  /** Longer words are matched exactly (and by prefix) only: a typo walk costs their length at every step. */
  maxFuzzyWordLength: number;
  /** Postings entries (word, document) examined per query. */
  maxPostings: number;
}

export const DEFAULT_BOUNDS: QueryBounds = {
  maxWords: 8,
  maxFuzzyWords: 4,
  maxFuzzyWordLength: 24,
  maxPostings: 250_000,
};

/**
 * The words worth searching: each once and, beyond `maxWords`, the longest (the rare and
 * cheap ones), in the order they were typed. A query's last word stays last when kept.
 */
export function boundWords(words: readonly string[], maxWords: number): string[] {
  const distinct = [...new Set(words)];
  if (distinct.length <= maxWords) return distinct;
  const kept = new Set(
    distinct
      .map((word, i) => ({ word, i }))
      .sort((a, b) => b.word.length - a.word.length || a.i - b.i)
      .slice(0, maxWords)
      .map((entry) => entry.word),
  );
  return distinct.filter((word) => kept.has(word));
}

/** What the last query cost, for tests and benchmarks. */
export interface QueryWork {
  words: number;
  fuzzyWalks: number;
  postings: number;
  /** A bound cut the query short. */
  bounded: boolean;
}
