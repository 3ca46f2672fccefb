import type { Brief } from './brief.js';
import { TermIndex, type TermHit, type TermSearchOptions } from './term-index.js';

/** Typo tolerance grows with word length: none under 4 letters, 1 edit under 8, then 2. */
const typoBudget = (word: string): number => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);
const lastWordIsPrefix = (_word: string, i: number, words: readonly string[]): boolean => i === words.length - 1;

const VOCAB_SEARCH: TermSearchOptions = {
  prefix: lastWordIsPrefix,
  fuzzy: typoBudget,
  weights: { fuzzy: 0.6, prefix: 0.8 },
};

const TEXT_SEARCH: TermSearchOptions = {
  prefix: lastWordIsPrefix,
  fuzzy: (word) => (word.length < 5 ? 0 : 1),
  weights: { fuzzy: 0.5, prefix: 0.7 },
};

/** Briefs added to the full-text index per slice of background work; keeps each slice short. */
const TEXT_SLICE = 500;

type VocabField = 'title' | 'slug' | 'topic';
type TextField = 'title' | 'topics' | 'summary' | 'facts';

export const topicDocId = (key: string): string => `t:${key}`;
export const briefDocId = (slug: string): string => `b:${slug}`;

export type { TermHit };

/**
 * Two indexes: a small one over what users type (titles, slugs, topic keys) that carries
 * the typo-tolerant and prefix lookups, and a full-text one for /search. Keeping fuzzy
 * matching off the long text is what keeps it fast on large stores. The full-text index
 * is built in short background slices after a (re)build, so a large store serves exact,
 * topic and typo lookups at once; a full-text search before it is done finishes it first.
 */
export class SearchIndex {
  private readonly vocab = new TermIndex<VocabField>({ topic: 3, slug: 1.5, title: 1 });
  private text: TermIndex<TextField> | undefined;
  private pending: string[] = [];
  private building: Promise<void> | undefined;

  /** `briefOf` gives the brief now served under a slug, for the background build. */
  constructor(private readonly briefOf: (slug: string) => Brief | undefined) {}

  addAll(briefs: readonly Brief[], topicKeys: Iterable<string>): void {
    for (const brief of briefs) this.vocab.add(briefDocId(brief.slug), vocabFields(brief));
    for (const key of topicKeys) this.addTopic(key);
    this.vocab.trim();
    this.text = new TermIndex<TextField>({ title: 3, topics: 2, summary: 1, facts: 0.5 });
    this.pending = briefs.map((b) => b.slug).reverse();
    this.building = undefined;
  }

  add(brief: Brief): void {
    this.vocab.add(briefDocId(brief.slug), vocabFields(brief));
    this.text?.add(briefDocId(brief.slug), textFields(brief));
  }

  remove(slug: string): void {
    this.vocab.remove(briefDocId(slug));
    this.text?.remove(briefDocId(slug));
  }

  addTopic(key: string): void {
    this.vocab.add(topicDocId(key), { topic: key });
  }

  removeTopic(key: string): void {
    this.vocab.remove(topicDocId(key));
  }

  /** Titles, slugs and topic keys, fuzzy and prefix; ids are `b:<slug>` or `t:<topic>`. */
  searchVocab(query: string, options: TermSearchOptions = {}): TermHit[] {
    return this.vocab.search(query, { ...VOCAB_SEARCH, ...options });
  }

  /** Full text, ranked; ids are `b:<slug>`. Tries all words first, then any. */
  searchText(query: string, limit = 50): TermHit[] {
    this.finishText(Number.POSITIVE_INFINITY);
    const text = this.text;
    if (!text) return [];
    const all = text.search(query, { ...TEXT_SEARCH, combineWith: 'AND', limit });
    return all.length > 0 ? all : text.search(query, { ...TEXT_SEARCH, combineWith: 'OR', limit });
  }

  /** Resolves once the full-text index holds every brief, building it in slices meanwhile. */
  textReady(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    this.building ??= new Promise<void>((resolve) => {
      const slice = () => {
        this.finishText(TEXT_SLICE);
        if (this.pending.length === 0) {
          this.text?.trim();
          resolve();
        } else setImmediate(slice);
      };
      setImmediate(slice);
    });
    return this.building;
  }

  private finishText(budget: number): void {
    const text = this.text;
    if (!text) return;
    for (let done = 0; done < budget && this.pending.length > 0; done++) {
      const slug = this.pending.pop()!;
      const brief = this.briefOf(slug);
      if (brief && !text.has(briefDocId(slug))) text.add(briefDocId(slug), textFields(brief));
    }
  }
}

function vocabFields(brief: Brief): Partial<Record<VocabField, string>> {
  return { title: brief.title, slug: brief.slug };
}

function textFields(brief: Brief): Partial<Record<TextField, string>> {
  return {
    title: brief.title,
    topics: brief.topics.join(' '),
    summary: brief.summary,
    facts: brief.facts.join(' '),
  };
}
