import { EventEmitter } from 'node:events';
import { normalize } from '../core/normalize.js';
import type { TopicCount } from '../core/types.js';
import { lastChanged, toRef, type Brief, type BriefRef } from './brief.js';
import { briefVersion } from './version.js';
import { SearchIndex, topicDocId } from './search-index.js';
import { SortedKeys } from './sorted-keys.js';

export type ChangeEvent =
  | { type: 'added'; brief: Brief }
  | { type: 'updated'; brief: Brief; previous: Brief }
  | { type: 'removed'; brief: Brief };

export type LookupResult =
  | { kind: 'found'; brief: Brief; related: BriefRef[]; via: 'slug' | 'topic' | 'title' | 'fuzzy' | 'text' }
  | { kind: 'miss'; suggestions: BriefRef[] };

const RELATED = 5;
const newestFirst = (a: Brief, b: Brief): number => lastChanged(b).localeCompare(lastChanged(a)) || a.slug.localeCompare(b.slug);

/**
 * The briefs being served and every index over them. Changes are incremental and
 * announced as `change` events; reads never see a half-applied change.
 */
export class Library extends EventEmitter<{ change: [ChangeEvent] }> {
  private readonly bySlug = new Map<string, Brief>();
  private readonly versions = new Map<string, string>();
  private readonly slugKeys = new Map<string, string>();
  private readonly topicMembers = new Map<string, Set<string>>();
  private readonly titleKeys = new Map<string, Set<string>>();
  private readonly topicRanking = new Map<string, Brief[]>();
  private prefixKeys = new SortedKeys();
  private search = new SearchIndex();
  private newest: Brief[] | undefined;
  private topicCounts: TopicCount[] | undefined;

  constructor(briefs: readonly Brief[] = []) {
    super();
    this.replaceAll(briefs);
  }

  /** Rebuilds every index from scratch; emits nothing. */
  replaceAll(briefs: readonly Brief[]): void {
    this.bySlug.clear();
    this.versions.clear();
    this.slugKeys.clear();
    this.topicMembers.clear();
    this.titleKeys.clear();
    for (const brief of briefs) this.indexExact(brief);
    this.prefixKeys = SortedKeys.build(this.allPrefixEntries());
    this.search = new SearchIndex();
    this.search.addAll([...this.bySlug.values()], this.topicMembers.keys());
    this.invalidate([...this.topicMembers.keys()]);
  }

  get size(): number {
    return this.bySlug.size;
  }

  get(slug: string): Brief | undefined {
    return this.bySlug.get(slug);
  }

  versionOf(slug: string): string | undefined {
    return this.versions.get(slug);
  }

  all(): IterableIterator<Brief> {
    return this.bySlug.values();
  }

  /** Adds or replaces a brief; emits `added` or `updated`, or nothing when it did not change. */
  upsert(brief: Brief): ChangeEvent | undefined {
    const previous = this.bySlug.get(brief.slug);
    const version = briefVersion(brief);
    if (previous && this.versions.get(brief.slug) === version) {
      if (previous.file !== brief.file) this.bySlug.set(brief.slug, brief);
      return undefined;
    }
    if (previous) this.unindex(previous);
    for (const topic of this.indexExact(brief, version)) this.search.addTopic(topic);
    for (const [key, target] of prefixEntries(brief)) this.prefixKeys.add(key, target);
    this.search.add(brief);
    this.invalidate(brief.topics.concat(previous?.topics ?? []));
    const event: ChangeEvent = previous ? { type: 'updated', brief, previous } : { type: 'added', brief };
    this.emit('change', event);
    return event;
  }

  remove(slug: string): ChangeEvent | undefined {
    const brief = this.bySlug.get(slug);
    if (!brief) return undefined;
    this.unindex(brief);
    this.invalidate(brief.topics);
    const event: ChangeEvent = { type: 'removed', brief };
    this.emit('change', event);
    return event;
  }

  /** slug -> topic key -> title -> typo/prefix over what users type -> full text -> miss. */
  lookup(query: string): LookupResult {
    const q = normalize(query);
    if (!q) return { kind: 'miss', suggestions: [] };
    const slug = this.slugKeys.get(q);
    if (slug) return this.found(this.bySlug.get(slug)!, 'slug');
    const topic = this.topicRanking.get(q) ?? (this.topicMembers.has(q) ? this.rankTopic(q) : undefined);
    if (topic?.[0]) return this.found(topic[0], 'topic', topic);
    const titled = this.titleKeys.get(q);
    if (titled) return this.found(this.newestOf(titled), 'title');

    const hit = this.search.searchVocab(q)[0];
    if (hit) {
      const brief = this.resolveDoc(String(hit.id));
      if (brief) return this.found(brief, 'fuzzy', this.rankingOfDoc(String(hit.id)));
    }
    const text = this.search.searchText(q)[0];
    if (text) {
      const brief = this.resolveDoc(String(text.id));
      if (brief) return this.found(brief, 'text');
    }
    return { kind: 'miss', suggestions: this.suggest(q, 3) };
  }

  /** Loose matches for "did you mean": more typos allowed than in lookup. */
  suggest(query: string, limit: number): BriefRef[] {
    const q = normalize(query);
    if (!q) return [];
    const hits = this.search.searchVocab(q, { fuzzy: 0.4, prefix: true, combineWith: 'OR' });
    return this.refsOfDocs(hits.map((h) => String(h.id)), limit);
  }

  /** Ranked full-text search for /search: briefs with all the words first, then any. */
  searchText(query: string, limit: number): BriefRef[] {
    const q = normalize(query);
    if (!q) return [];
    const all = this.search.searchText(q);
    const hits = all.length > 0 ? all : this.search.searchText(q, true);
    return this.refsOfDocs(hits.map((h) => String(h.id)), limit);
  }

  /** As the user types: keys that start with the text first, then typo-tolerant matches. */
  complete(partial: string, limit: number): BriefRef[] {
    const q = normalize(partial);
    if (!q) return this.latest(limit).map(toRef);
    const ids: string[] = [];
    for (const [, targets] of this.prefixKeys.withPrefix(q)) {
      for (const target of targets) ids.push(target);
      if (ids.length >= limit * 4) break;
    }
    const refs = this.refsOfDocs(ids, limit);
    if (refs.length >= limit) return refs;
    const more = this.search.searchVocab(q).map((h) => String(h.id));
    return this.refsOfDocs(ids.concat(more), limit);
  }

  latest(n: number): Brief[] {
    this.newest ??= [...this.bySlug.values()].sort(newestFirst);
    return this.newest.slice(0, Math.max(0, n));
  }

  topics(): TopicCount[] {
    this.topicCounts ??= [...this.topicMembers]
      .map(([topic, members]) => ({ topic, count: members.size }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
    return this.topicCounts;
  }

  /** Briefs of a topic: those whose main topic it is first, then newest. */
  briefsOfTopic(key: string): readonly Brief[] {
    const q = normalize(key).replace(/ /g, '-');
    return this.topicRanking.get(q) ?? (this.topicMembers.has(q) ? this.rankTopic(q) : []);
  }

  hasTopic(key: string): boolean {
    return this.topicMembers.has(key);
  }

  private found(brief: Brief, via: Extract<LookupResult, { kind: 'found' }>['via'], ranking?: readonly Brief[]): LookupResult {
    return { kind: 'found', brief, related: this.related(brief, ranking), via };
  }

  private related(brief: Brief, ranking?: readonly Brief[]): BriefRef[] {
    const out: BriefRef[] = [];
    const seen = new Set([brief.slug]);
    const lists = ranking ? [ranking] : [];
    for (const topic of brief.topics) lists.push(this.briefsOfTopic(topic));
    for (const list of lists) {
      for (const other of list) {
        if (out.length >= RELATED) return out;
        if (seen.has(other.slug)) continue;
        seen.add(other.slug);
        out.push(toRef(other));
      }
    }
    return out;
  }

  private rankTopic(key: string): Brief[] {
    const members = [...(this.topicMembers.get(key) ?? [])].map((s) => this.bySlug.get(s)!);
    const ranked = members.sort((a, b) => Number(b.topics[0] === key) - Number(a.topics[0] === key) || newestFirst(a, b));
    this.topicRanking.set(key, ranked);
    return ranked;
  }

  private rankingOfDoc(id: string): readonly Brief[] | undefined {
    return id.startsWith('t:') ? this.briefsOfTopic(id.slice(2)) : undefined;
  }

  private resolveDoc(id: string): Brief | undefined {
    if (id.startsWith('t:')) return this.briefsOfTopic(id.slice(2))[0];
    return this.bySlug.get(id.slice(2));
  }

  private refsOfDocs(ids: readonly string[], limit: number): BriefRef[] {
    const out: BriefRef[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const briefs = id.startsWith('t:') ? this.briefsOfTopic(id.slice(2)).slice(0, limit) : [this.bySlug.get(id.slice(2))];
      for (const brief of briefs) {
        if (!brief || seen.has(brief.slug)) continue;
        seen.add(brief.slug);
        out.push(toRef(brief));
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  private newestOf(slugs: ReadonlySet<string>): Brief {
    return [...slugs].map((s) => this.bySlug.get(s)!).sort(newestFirst)[0]!;
  }

  /** Returns the topic keys that this brief is the first to use. */
  private indexExact(brief: Brief, version = briefVersion(brief)): string[] {
    const newTopics: string[] = [];
    this.bySlug.set(brief.slug, brief);
    this.versions.set(brief.slug, version);
    this.slugKeys.set(normalize(brief.slug), brief.slug);
    for (const topic of brief.topics) {
      const members = this.topicMembers.get(topic);
      if (members) members.add(brief.slug);
      else {
        this.topicMembers.set(topic, new Set([brief.slug]));
        newTopics.push(topic);
      }
    }
    addTo(this.titleKeys, normalize(brief.title), brief.slug);
    return newTopics;
  }

  private unindex(brief: Brief): void {
    this.bySlug.delete(brief.slug);
    this.versions.delete(brief.slug);
    this.slugKeys.delete(normalize(brief.slug));
    for (const topic of brief.topics) {
      const members = this.topicMembers.get(topic);
      members?.delete(brief.slug);
      if (members?.size === 0) {
        this.topicMembers.delete(topic);
        this.search.removeTopic(topic);
      }
    }
    removeFrom(this.titleKeys, normalize(brief.title), brief.slug);
    for (const [key, target] of prefixEntries(brief)) this.prefixKeys.delete(key, target);
    this.search.remove(brief.slug);
  }

  private invalidate(topics: readonly string[]): void {
    for (const topic of topics) this.topicRanking.delete(topic);
    this.newest = undefined;
    this.topicCounts = undefined;
  }

  private *allPrefixEntries(): Generator<[string, string]> {
    for (const brief of this.bySlug.values()) yield* prefixEntries(brief);
  }
}

function* prefixEntries(brief: Brief): Generator<[string, string]> {
  const id = `b:${brief.slug}`;
  yield [normalize(brief.slug), id];
  yield [normalize(brief.title), id];
  for (const topic of brief.topics) yield [normalize(topic), topicDocId(topic)];
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}
