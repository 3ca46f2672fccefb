import type { Brief } from './brief.js';
import { decodeIndexes, encodeIndexes } from './index-snapshot.js';
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

/** Briefs indexed per slice of background work; keeps each slice to a few milliseconds. */
const SLICE = 500;

type VocabField = 'title' | 'slug' | 'topic';
type TextField = 'title' | 'topics' | 'summary' | 'facts';
const TEXT_BOOSTS = { title: 3, topics: 2, summary: 1, facts: 0.5 };

export const topicDocId = (key: string): string => `t:${key}`;
export const briefDocId = (slug: string): string => `b:${slug}`;

export type { TermHit };

/**
 * Two indexes: a small one over what users type (titles, slugs, topic keys) that carries
 * the typo-tolerant and prefix lookups, and a full-text one for /search. Keeping fuzzy
 * matching off the long text is what keeps it fast on large stores. Both are built in
 * short background slices after a (re)build, vocabulary first, so a large store serves
 * exact slug, topic and title lookups at once; a search that needs an index before it is
 * complete completes it first, so answers never depend on how far the build got.
 */
export class SearchIndex {
  private readonly vocab = new TermIndex<VocabField>({ topic: 3, slug: 1.5, title: 1 });
  private text: TermIndex<TextField> | undefined;
  /** Slugs and topic keys still to add to the vocabulary, then slugs for the full text. */
  private pendingVocab: string[] = [];
  private pendingTopics: string[] = [];
  private pendingText: string[] = [];
  private building: Promise<void> | undefined;

  /** The brief now served under a slug, and whether a topic still has briefs, for background builds. */
  constructor(
    private readonly briefOf: (slug: string) => Brief | undefined,
    private readonly topicExists: (key: string) => boolean,
  ) {}

  /** Queues every brief; the indexes fill in background slices or on first use. */
  addAll(briefs: readonly Brief[], topicKeys: Iterable<string>): void {
    const slugs = briefs.map((b) => b.slug).reverse();
    this.pendingVocab = slugs;
    this.pendingTopics = [...topicKeys].reverse();
    this.text = new TermIndex<TextField>(TEXT_BOOSTS);
    this.pendingText = [...slugs];
    this.building = undefined;
  }

  /** Both indexes as bytes, once complete (undefined while a build is under way). */
  save(): Buffer | undefined {
    if (!this.text || this.pendingVocab.length + this.pendingTopics.length + this.pendingText.length > 0) return undefined;
    return encodeIndexes([this.vocab.state(), this.text.state()]);
  }

  /** Takes saved indexes in place of a build; they must cover exactly the briefs being served. */
  restore(bytes: Buffer): void {
    const [vocab, text] = decodeIndexes(bytes);
    if (!vocab || !text) throw new Error('saved index is incomplete');
    this.vocab.restore(vocab);
    this.text = new TermIndex<TextField>(TEXT_BOOSTS);
    // Every brief's id is in both indexes: one string each instead of two (tens of MB at a million).
    this.text.restore({ ...text, ids: text.ids.map((id) => (id === null ? null : this.vocab.sharedId(id))) });
    this.pendingVocab = [];
    this.pendingTopics = [];
    this.pendingText = [];
    this.building = undefined;
  }

  /** Whether the indexes hold exactly these briefs and topics (a saved index must, to be used). */
  covers(briefs: number, topics: number): boolean {
    const text = this.text;
    if (!text || this.vocab.size !== briefs + topics || text.size !== briefs) return false;
    for (const id of this.vocab.liveIds()) {
      const known = id.startsWith('t:') ? this.topicExists(id.slice(2)) : this.briefOf(id.slice(2)) !== undefined && text.has(id);
      if (!known) return false;
    }
    return true;
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
    this.finishVocab(Number.POSITIVE_INFINITY);
    return this.vocab.search(query, { ...VOCAB_SEARCH, ...options });
  }

  /** Full text, ranked; ids are `b:<slug>`. All words must match unless `anyWord`. */
  searchText(query: string, limit = 50, anyWord = false): TermHit[] {
    this.finishVocab(Number.POSITIVE_INFINITY);
    this.finishText(Number.POSITIVE_INFINITY);
    return this.text?.search(query, { ...TEXT_SEARCH, combineWith: anyWord ? 'OR' : 'AND', limit }) ?? [];
  }

  /** Resolves once both indexes hold every brief, building them in slices meanwhile. */
  ready(): Promise<void> {
    if (this.pendingVocab.length + this.pendingTopics.length + this.pendingText.length === 0) return Promise.resolve();
    this.building ??= new Promise<void>((resolve) => {
      const slice = () => {
        const vocabLeft = this.pendingVocab.length + this.pendingTopics.length > 0;
        if (vocabLeft) this.finishVocab(SLICE);
        else this.finishText(SLICE);
        if (this.pendingText.length === 0) {
          this.text?.trim();
          resolve();
        } else setImmediate(slice);
      };
      setImmediate(slice);
    });
    return this.building;
  }

  private finishVocab(budget: number): void {
    let done = 0;
    for (; done < budget && this.pendingVocab.length > 0; done++) {
      const slug = this.pendingVocab.pop()!;
      const brief = this.briefOf(slug);
      if (brief && !this.vocab.has(briefDocId(slug))) this.vocab.add(briefDocId(slug), vocabFields(brief));
    }
    for (; done < budget && this.pendingTopics.length > 0; done++) {
      const key = this.pendingTopics.pop()!;
      if (this.topicExists(key) && !this.vocab.has(topicDocId(key))) this.addTopic(key);
    }
    if (this.pendingVocab.length + this.pendingTopics.length === 0 && done > 0) this.vocab.trim();
  }

  private finishText(budget: number): void {
    const text = this.text;
    if (!text) return;
    for (let done = 0; done < budget && this.pendingText.length > 0; done++) {
      const slug = this.pendingText.pop()!;
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
