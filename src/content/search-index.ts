import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { normalize } from '../core/normalize.js';
import type { Brief } from './brief.js';

const tokenize = (text: string): string[] => normalize(text).split(' ');
const keepTerm = (term: string): string | null => (term.length > 0 ? term : null);

/** Typo tolerance grows with word length: none under 4 letters, 1 edit under 8, then 2. */
const typoBudget = (term: string): number | false => (term.length < 4 ? false : term.length < 8 ? 1 : 2);
const lastTermIsPrefix = (_term: string, i: number, terms: string[]): boolean => i === terms.length - 1;

interface VocabDoc {
  id: string;
  title?: string;
  slug?: string;
  topic?: string;
}

interface TextDoc {
  id: string;
  title: string;
  topics: string;
  summary: string;
  facts: string;
}

export const topicDocId = (key: string): string => `t:${key}`;
export const briefDocId = (slug: string): string => `b:${slug}`;

/**
 * Two MiniSearch indexes: a small one over what users type (titles, slugs, topic keys)
 * that carries the typo-tolerant and prefix lookups, and a full-text one for /search.
 * Keeping fuzzy matching off the long text is what keeps it fast on large stores.
 */
export class SearchIndex {
  private readonly vocab = new MiniSearch<VocabDoc>({
    fields: ['title', 'slug', 'topic'],
    tokenize,
    processTerm: keepTerm,
    searchOptions: {
      boost: { topic: 3, slug: 1.5, title: 1 },
      prefix: lastTermIsPrefix,
      fuzzy: typoBudget,
      weights: { fuzzy: 0.6, prefix: 0.8 },
      combineWith: 'AND',
    },
  });

  private readonly text = new MiniSearch<TextDoc>({
    fields: ['title', 'topics', 'summary', 'facts'],
    tokenize,
    processTerm: keepTerm,
    searchOptions: {
      boost: { title: 3, topics: 2, summary: 1, facts: 0.5 },
      prefix: lastTermIsPrefix,
      fuzzy: (term) => (term.length < 5 ? false : 1),
      weights: { fuzzy: 0.5, prefix: 0.7 },
    },
  });

  addAll(briefs: readonly Brief[], topicKeys: Iterable<string>): void {
    this.vocab.addAll(briefs.map(vocabDoc));
    this.vocab.addAll([...topicKeys].map((key) => ({ id: topicDocId(key), topic: key })));
    this.text.addAll(briefs.map(textDoc));
  }

  add(brief: Brief): void {
    this.vocab.add(vocabDoc(brief));
    this.text.add(textDoc(brief));
  }

  remove(slug: string): void {
    this.vocab.discard(briefDocId(slug));
    this.text.discard(briefDocId(slug));
  }

  addTopic(key: string): void {
    this.vocab.add({ id: topicDocId(key), topic: key });
  }

  removeTopic(key: string): void {
    this.vocab.discard(topicDocId(key));
  }

  /** Titles, slugs and topic keys, fuzzy and prefix; ids are `b:<slug>` or `t:<topic>`. */
  searchVocab(query: string, options: SearchOptions = {}): SearchResult[] {
    return this.vocab.search(query, options);
  }

  /** Full text, ranked; ids are `b:<slug>`. All words must match unless `anyWord`. */
  searchText(query: string, anyWord = false): SearchResult[] {
    return this.text.search(query, { combineWith: anyWord ? 'OR' : 'AND' });
  }
}

function vocabDoc(brief: Brief): VocabDoc {
  return { id: briefDocId(brief.slug), title: brief.title, slug: brief.slug };
}

function textDoc(brief: Brief): TextDoc {
  return {
    id: briefDocId(brief.slug),
    title: brief.title,
    topics: brief.topics.join(' '),
    summary: brief.summary,
    facts: brief.facts.join(' '),
  };
}
