import SearchableMap from 'minisearch/SearchableMap';
import { Postings } from './postings.js';
import { boundWords, DEFAULT_BOUNDS, type QueryBounds, type QueryWork } from './query-bounds.js';
import { tokenize } from './tokenize.js';
import type { TermIndexState } from './index-snapshot.js';

export interface TermSearchOptions {
  /** Edits allowed for a query word; 0 for none. */
  fuzzy?: (word: string) => number;
  /** Whether a query word may match longer words that start with it. */
  prefix?: (word: string, index: number, words: readonly string[]) => boolean;
  /** How much a fuzzy or prefix match counts against an exact one. */
  weights?: { fuzzy: number; prefix: number };
  /** AND: every query word must match; OR: any. */
  combineWith?: 'AND' | 'OR';
  limit?: number;
}

export interface TermHit {
  id: string;
  score: number;
}

/** BM25 constants, as MiniSearch uses them. */
const K1 = 1.2;
const B = 0.7;
/** Dictionary words one prefix may stand for; keeps two-letter prefixes cheap on big stores. */
const MAX_PREFIX_EXPANSION = 128;
const DEFAULT_LIMIT = 50;

/**
 * An inverted index with BM25 ranking and field boosts. The word dictionary is MiniSearch's
 * radix tree (its fuzzy and prefix walks), but each word's documents live in typed arrays
 * rather than in Maps per document, which is what keeps 100,000 briefs small and fast.
 * Removal marks a document dead; dead entries are swept once they pile up.
 */
export class TermIndex<F extends string> {
  /** Every word, for fuzzy and prefix walks. */
  private readonly words = new SearchableMap<Postings>();
  /** The same words in a hash map: exact lookups are most of indexing and searching. */
  private readonly byWord = new Map<string, Postings>();
  private readonly ids: (string | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private lengths = new Float32Array(64);
  private totalLength = 0;
  private dead = 0;
  private score = new Float64Array(0);
  private matched = new Uint16Array(0);
  private lastWord = new Int32Array(0);

  /** What the last search cost. */
  lastWork: QueryWork = { words: 0, fuzzyWalks: 0, postings: 0, bounded: false };

  /** Boosts must be multiples of 0.5 (counts are stored doubled, as bytes). */
  constructor(
    private readonly boosts: Readonly<Record<F, number>>,
    private readonly bounds: QueryBounds = DEFAULT_BOUNDS,
  ) {}

  get size(): number {
    return this.numberOf.size;
  }

  has(id: string): boolean {
    return this.numberOf.has(id);
  }

  /** This index's own copy of a document id, so that two indexes over the same briefs can share one string. */
  sharedId(id: string): string {
    const doc = this.numberOf.get(id);
    return (doc === undefined ? undefined : this.ids[doc]) ?? id;
  }

  /** Every live document id. */
  liveIds(): IterableIterator<string> {
    return this.numberOf.keys();
  }

  add(id: string, fields: Partial<Record<F, string>>): void {
    if (this.numberOf.has(id)) this.remove(id);
    const doc = this.ids.length;
    this.ids.push(id);
    this.numberOf.set(id, doc);
    let length = 0;
    for (const field of Object.keys(fields) as F[]) {
      const boost = this.boosts[field];
      const tokens = tokenize(fields[field] ?? '');
      length += boost * tokens.length;
      for (const token of tokens) this.count(token, doc, boost * 2);
    }
    if (doc >= this.lengths.length) {
      const grown = new Float32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[doc] = length;
    this.totalLength += length;
  }

  /** Documents are numbered in order, so this document's entry, if any, is the word's last. */
  private count(word: string, doc: number, weight: number): void {
    let postings = this.byWord.get(word);
    if (!postings) {
      postings = new Postings();
      this.byWord.set(word, postings);
      this.words.set(word, postings);
    }
    const last = postings.length - 1;
    if (last >= 0 && postings.docs[last] === doc) postings.counts[last] = Math.min(255, postings.counts[last]! + weight);
    else postings.push(doc, Math.min(255, weight));
  }

  remove(id: string): boolean {
    const doc = this.numberOf.get(id);
    if (doc === undefined) return false;
    this.numberOf.delete(id);
    this.ids[doc] = undefined;
    this.totalLength -= this.lengths[doc]!;
    this.dead++;
    if (this.dead > 1000 && this.dead > this.size / 4) this.sweep();
    return true;
  }

  /** Everything the index holds, for saving; `restore` gives back an index that answers the same. */
  state(): TermIndexState {
    const ids = this.ids.map((id) => id ?? null);
    return { ids, lengths: this.lengths.subarray(0, ids.length), totalLength: this.totalLength, dead: this.dead, words: this.byWord };
  }

  restore(state: TermIndexState): void {
    this.ids.length = 0;
    this.numberOf.clear();
    state.ids.forEach((id, doc) => {
      this.ids.push(id ?? undefined);
      if (id !== null) this.numberOf.set(id, doc);
    });
    this.lengths = new Float32Array(Math.max(64, state.ids.length));
    this.lengths.set(state.lengths);
    this.totalLength = state.totalLength;
    this.dead = state.dead;
    this.byWord.clear();
    this.words.clear();
    for (const [word, postings] of state.words) {
      this.byWord.set(word, postings);
      this.words.set(word, postings);
    }
  }

  /** Frees spare room in every word's arrays; call after adding many documents at once. */
  trim(): void {
    for (const postings of this.byWord.values()) postings.trim();
  }

  search(query: string, options: TermSearchOptions = {}): TermHit[] {
    const typed = tokenize(query);
    const words = boundWords(typed, this.bounds.maxWords);
    const work: QueryWork = { words: words.length, fuzzyWalks: 0, postings: 0, bounded: words.length < typed.length };
    this.lastWork = work;
    if (words.length === 0 || this.size === 0) return [];
    this.ensureScratch();
    const touched: number[] = [];
    const n = this.size;
    const average = this.totalLength / n || 1;
    const all = options.combineWith !== 'OR';
    // Words searched: one whose every match is over the budget drops out of the query.
    let searched = 0;
    words.forEach((word, i) => {
      const w = searched;
      let scanned = false;
      let skipped = false;
      for (const [postings, weight] of this.expand(word, i, words, options, work)) {
        const df = postings.length;
        if (work.postings + df > this.bounds.maxPostings) {
          work.bounded = skipped = true;
          continue;
        }
        work.postings += df;
        scanned = true;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const { docs, counts } = postings;
        for (let i = 0; i < df; i++) {
          const doc = docs[i]!;
          // With AND, a document that missed an earlier word is out: skip it cheaply.
          if ((all && this.lastWord[doc]! < w) || this.ids[doc] === undefined) continue;
          const tf = counts[i]! / 2;
          const s = (weight * idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[doc]!) / average));
          if (this.lastWord[doc] !== w + 1) {
            if (this.lastWord[doc] === 0) touched.push(doc);
            this.lastWord[doc] = w + 1;
            this.matched[doc] = this.matched[doc]! + 1;
          }
          this.score[doc] = this.score[doc]! + s;
        }
      }
      if (scanned || !skipped) searched++;
    });
    const needed = all ? searched : 1;
    const hits = topHits(touched, this.score, this.matched, needed, options.limit ?? DEFAULT_LIMIT);
    for (const doc of touched) {
      this.score[doc] = 0;
      this.matched[doc] = 0;
      this.lastWord[doc] = 0;
    }
    return hits.map(([doc, score]) => ({ id: this.ids[doc]!, score }));
  }

  /** The dictionary words a query word stands for, with how much each counts. */
  private expand(
    word: string,
    index: number,
    words: readonly string[],
    options: TermSearchOptions,
    work: QueryWork,
  ): [Postings, number][] {
    const found = new Map<string, [Postings, number]>();
    const keep = (term: string, postings: Postings, weight: number) => {
      const had = found.get(term);
      if (!had || had[1] < weight) found.set(term, [postings, weight]);
    };
    const exact = this.byWord.get(word);
    if (exact) keep(word, exact, 1);
    const weights = options.weights ?? { fuzzy: 0.45, prefix: 0.375 };
    if (options.prefix?.(word, index, words)) {
      let expanded = 0;
      for (const [term, postings] of this.words.atPrefix(word)) {
        if (term === word) continue;
        keep(term, postings, (weights.prefix * word.length) / (word.length + 0.3 * (term.length - word.length)));
        if (++expanded >= MAX_PREFIX_EXPANSION) break;
      }
    }
    let edits = options.fuzzy?.(word) ?? 0;
    if (edits > 0 && (word.length > this.bounds.maxFuzzyWordLength || work.fuzzyWalks >= this.bounds.maxFuzzyWords)) {
      work.bounded = true;
      edits = 0;
    }
    if (edits > 0) {
      work.fuzzyWalks++;
      for (const [term, [postings, distance]] of this.words.fuzzyGet(word, edits)) {
        if (distance > 0) keep(term, postings, (weights.fuzzy * word.length) / (word.length + distance));
      }
    }
    return [...found.values()];
  }

  private ensureScratch(): void {
    if (this.score.length >= this.ids.length) return;
    const capacity = Math.max(64, this.ids.length * 2);
    this.score = new Float64Array(capacity);
    this.matched = new Uint16Array(capacity);
    this.lastWord = new Int32Array(capacity);
  }

  private sweep(): void {
    const gone: string[] = [];
    const live = (doc: number) => this.ids[doc] !== undefined;
    for (const [word, postings] of this.byWord) {
      if (postings.retain(live) === 0) gone.push(word);
      else postings.trim();
    }
    for (const word of gone) {
      this.byWord.delete(word);
      this.words.delete(word);
    }
    this.dead = 0;
  }
}

/** Best-scoring documents first (ties: earlier documents first), at most `limit`, as [doc, score]. */
function topHits(
  docs: readonly number[],
  score: Float64Array,
  matched: Uint16Array,
  needed: number,
  limit: number,
): [number, number][] {
  const best: number[] = [];
  if (limit <= 0) return [];
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  for (const doc of docs) {
    if (matched[doc]! < needed) continue;
    if (best.length === limit && !better(doc, best[limit - 1]!)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && better(doc, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = doc;
  }
  return best.map((doc) => [doc, score[doc]!]);
}
