import type { TopicCount } from './brief.js';
import { lastChanged, type Brief } from './brief.js';
import { insertSorted, lowerBound, removeSorted } from './sorted-list.js';

/** Code-point order: dates are ISO strings and slugs plain ASCII, so no collation is needed. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const newestFirst = (a: Brief, b: Brief): number =>
  byCodePoint(lastChanged(b), lastChanged(a)) || byCodePoint(a.slug, b.slug);
/** A topic's briefs: those whose main topic it is first, then newest. */
const topicOrder =
  (key: string) =>
  (a: Brief, b: Brief): number =>
    Number(b.topics[0] === key) - Number(a.topics[0] === key) || newestFirst(a, b);

/** What the rankings tell the search index: a topic got its first brief, or lost its last. */
export interface TopicListener {
  topicAdded(key: string): void;
  topicRemoved(key: string): void;
}

/**
 * The newest-first list of every brief and each topic's ranking, built in one pass and
 * then kept in place on each change, so exact topic lookups and related briefs are map reads.
 */
export class Rankings {
  private newest: Brief[] = [];
  private readonly byTopic = new Map<string, Brief[]>();
  private counts: TopicCount[] | undefined;

  constructor(private readonly listener: TopicListener) {}

  /**
   * Every topic's ranking in one pass over the newest-first list: each topic's briefs
   * arrive already newest first, main-topic ones and the others kept apart, then joined.
   */
  rebuild(briefs: Iterable<Brief>): void {
    this.rebuildOrdered([...briefs].sort(newestFirst));
  }

  /** As `rebuild`, from briefs already newest first (a warm start's saved order). */
  rebuildOrdered(newest: Brief[]): void {
    this.newest = newest;
    this.byTopic.clear();
    this.counts = undefined;
    const others = new Map<string, Brief[]>();
    for (const brief of this.newest) {
      brief.topics.forEach((key, i) => {
        if (brief.topics.indexOf(key) !== i) return;
        const lists = i === 0 ? this.byTopic : others;
        const list = lists.get(key);
        if (list) list.push(brief);
        else lists.set(key, [brief]);
      });
    }
    for (const [key, list] of others) {
      const main = this.byTopic.get(key);
      this.byTopic.set(key, main ? main.concat(list) : list);
    }
  }

  /** Every brief, newest first. */
  get all(): readonly Brief[] {
    return this.newest;
  }

  topicKeys(): IterableIterator<string> {
    return this.byTopic.keys();
  }

  of(key: string): readonly Brief[] | undefined {
    return this.byTopic.get(key);
  }

  has(key: string): boolean {
    return this.byTopic.has(key);
  }

  topics(): TopicCount[] {
    this.counts ??= [...this.byTopic]
      .map(([topic, members]) => ({ topic, count: members.length }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
    return this.counts;
  }

  /** Puts a brief into the newest-first list and its topics' rankings (a topic's first brief creates it). */
  add(brief: Brief): void {
    this.counts = undefined;
    insertSorted(this.newest, brief, newestFirst);
    for (const key of new Set(brief.topics)) {
      const ranking = this.byTopic.get(key);
      if (ranking) insertSorted(ranking, brief, topicOrder(key));
      else {
        this.byTopic.set(key, [brief]);
        this.listener.topicAdded(key);
      }
    }
  }

  /** Takes a brief out of every list; a topic left without briefs is gone. */
  remove(brief: Brief): void {
    this.counts = undefined;
    removeSorted(this.newest, brief, newestFirst);
    for (const key of new Set(brief.topics)) {
      const ranking = this.byTopic.get(key);
      if (!ranking) continue;
      removeSorted(ranking, brief, topicOrder(key));
      if (ranking.length > 0) continue;
      this.byTopic.delete(key);
      this.listener.topicRemoved(key);
    }
  }

  /** Replaces a brief by an equal one (same version, other file) where it stands in every list. */
  swap(previous: Brief, brief: Brief): void {
    const replace = (list: Brief[], compare: (a: Brief, b: Brief) => number) => {
      const at = lowerBound(list, previous, compare);
      if (list[at]?.slug === previous.slug) list[at] = brief;
    };
    replace(this.newest, newestFirst);
    for (const key of new Set(brief.topics)) {
      const ranking = this.byTopic.get(key);
      if (ranking) replace(ranking, topicOrder(key));
    }
  }
}
