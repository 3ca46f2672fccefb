import { EventEmitter } from 'node:events';
import { fastNormalize as normalize } from './tokenize.js';
import type { TopicCount } from './brief.js';
import { toRef, type Brief, type BriefRef } from './brief.js';
import { briefVersion } from './version.js';
import { SearchIndex } from './search-index.js';
import { MultiMap } from './multi-map.js';
import { SortedKeys } from './sorted-keys.js';
import { Rankings, newestFirst } from './rankings.js';
import { Groups } from './groups.js';
import { frameSaved, restoreStart, unframeSaved } from './start-snapshot.js';
import { movePrefixEntries, prefixEntries } from './prefix-entries.js';
import { rankingOfDoc, refsOfDocs, relatedRefs, resolveDoc } from './doc-refs.js';
import type { GroupProblem } from './translations.js';
import { hasCyrillic, transliterate } from '../shared/transliterate.js';

export type ChangeEvent =
  | { type: 'added'; brief: Brief }
  | { type: 'updated'; brief: Brief; previous: Brief }
  | { type: 'removed'; brief: Brief };

export type LookupResult =
  | { kind: 'found'; brief: Brief; related: BriefRef[]; via: 'slug' | 'topic' | 'alias' | 'title' | 'fuzzy' | 'text' }
  | { kind: 'miss'; suggestions: BriefRef[] };

/** "Did you mean" allows two edits in five letters, at most three: more costs much and finds noise. */
const looseTypos = (word: string): number => Math.min(3, Math.round(word.length * 0.4));
/**
 * The briefs being served and every index over them. Changes are incremental and
 * announced as `change` events; reads never see a half-applied change.
 */
export class Library extends EventEmitter<{ change: [ChangeEvent] }> {
  private readonly bySlug = new Map<string, Brief>();
  private readonly titleKeys = new MultiMap();
  private readonly groups = new Groups();
  private readonly original = (slug: string): Brief | undefined => this.bySlug.get(slug);
  /** Built after a bulk load, in the background or on first use; kept up to date after that. */
  private prefixKeys: SortedKeys | undefined;
  private search = this.newSearchIndex();
  private readonly rankings = new Rankings({
    topicAdded: (key) => this.search.addTopic(key),
    topicRemoved: (key) => this.search.removeTopic(key),
  });

  constructor(briefs: readonly Brief[] = []) {
    super();
    this.replaceAll(briefs);
  }

  /**
   * Rebuilds every index from scratch, or takes saved search indexes that cover exactly these
   * briefs; emits nothing. True when the saved indexes were taken.
   */
  replaceAll(briefs: readonly Brief[], savedSearch?: Buffer): boolean {
    this.bySlug.clear();
    this.titleKeys.clear();
    this.groups.clear();
    for (const brief of briefs) this.indexExact(brief, false);
    this.prefixKeys = undefined;
    const saved = savedSearch && unframeSaved(savedSearch);
    const start = saved?.start && restoreStart(saved.start, this.bySlug);
    if (start) {
      this.rankings.rebuildOrdered(start.newest);
      start.newest.forEach((brief, i) => this.titleKeys.add(start.titleKeys[i]!, brief.slug));
    } else {
      this.rankings.rebuild(this.bySlug.values());
      for (const brief of this.bySlug.values()) this.titleKeys.add(normalize(brief.title), brief.slug);
    }
    this.search = this.newSearchIndex();
    const restored = saved !== undefined && this.restoreSearch(saved.search);
    if (!restored) this.search.addAll(this.rankings.all, this.rankings.topicKeys());
    setImmediate(() => {
      this.keys();
      void this.search.ready();
    });
    return restored;
  }

  /** Resolves once the typo-tolerant and full-text indexes cover every brief (they fill in the background). */
  textReady(): Promise<void> {
    return this.search.ready();
  }

  /** The search indexes as bytes to save with the briefs, once complete. */
  savedSearch(): Buffer | undefined {
    const search = this.search.save();
    return search && frameSaved(search, this.rankings.all, (brief) => normalize(brief.title));
  }

  private restoreSearch(saved: Buffer): boolean {
    try {
      this.search.restore(saved);
      if (this.search.covers(this.bySlug.size, this.rankings.topics().length)) return true;
      this.search = this.newSearchIndex();
      return false;
    } catch {
      this.search = this.newSearchIndex();
      return false;
    }
  }

  private newSearchIndex(): SearchIndex {
    return new SearchIndex(
      (slug) => this.bySlug.get(slug),
      (key) => this.rankings.has(key),
    );
  }

  /** Originals and translations. */
  get size(): number {
    return this.bySlug.size + this.groups.size;
  }

  /** The original and its translations, one per language, the original first. */
  versionsOf = (brief: Brief): Brief[] => this.groups.versions(brief, this.original);

  groupProblems = (): GroupProblem[] => this.groups.problems(this.original);

  get(slug: string): Brief | undefined {
    return this.bySlug.get(slug);
  }

  versionOf(slug: string): string | undefined {
    const brief = this.bySlug.get(slug);
    return brief && briefVersion(brief);
  }

  all(): IterableIterator<Brief> {
    return this.bySlug.values();
  }

  /** Adds or replaces a brief; emits `added` or `updated`, or nothing when it did not change. */
  upsert(brief: Brief): ChangeEvent | undefined {
    // A new translation is not news: subscribers get it with the next change of the original.
    if (brief.translationOf !== undefined) {
      const removed = this.remove(brief.slug);
      this.groups.addTranslation(brief);
      return removed;
    }
    this.groups.removeTranslation(brief.slug);
    const previous = this.bySlug.get(brief.slug);
    const version = briefVersion(brief);
    if (previous && briefVersion(previous) === version) {
      if (previous.file !== brief.file) {
        this.bySlug.set(brief.slug, brief);
        this.rankings.swap(previous, brief);
      }
      return undefined;
    }
    if (previous) {
      this.unindex(previous, false);
      this.rankings.remove(previous);
    }
    this.indexExact(brief);
    if (this.prefixKeys) movePrefixEntries(previous, brief, this.prefixKeys);
    this.search.add(brief);
    this.rankings.add(brief);
    const event: ChangeEvent = previous ? { type: 'updated', brief, previous } : { type: 'added', brief };
    this.emit('change', event);
    return event;
  }

  remove(slug: string): ChangeEvent | undefined {
    this.groups.removeTranslation(slug);
    const brief = this.bySlug.get(slug);
    if (!brief) return undefined;
    this.unindex(brief);
    this.rankings.remove(brief);
    const event: ChangeEvent = { type: 'removed', brief };
    this.emit('change', event);
    return event;
  }

  /** slug -> topic key -> title -> typo/prefix over what users type -> full text -> miss. */
  lookup(query: string): LookupResult {
    const q = normalize(query);
    if (!q) return { kind: 'miss', suggestions: [] };
    // Slugs are lowercase words joined by single hyphens (the schema sees to it), so the
    // normalised query with hyphens for spaces is the slug, or the topic key, if there is one.
    const key = q.replace(/ /g, '-');
    const bySlug = this.bySlug.get(key);
    if (bySlug) return this.found(bySlug, 'slug');
    const topic = this.rankings.of(key) ?? this.rankings.of(this.groups.topicOf(q, false, this.original) ?? '');
    if (topic?.[0]) return this.found(topic[0], topic === this.rankings.of(key) ? 'topic' : 'alias', topic);
    const titled = [...this.titleKeys.get(q), ...this.groups.titled(q)].filter((slug) => this.bySlug.has(slug));
    if (titled.length > 0) return this.found(this.newestOf(titled), 'title');
    const latin = hasCyrillic(q) ? this.lookup(transliterate(q)) : undefined;
    if (latin?.kind === 'found') return latin;
    const near = this.rankings.of(this.groups.topicOf(q, true, this.original) ?? '');
    if (near?.[0]) return this.found(near[0], 'alias', near);

    const hit = this.search.searchVocab(q, { limit: 1 })[0];
    if (hit) {
      const brief = resolveDoc(this, hit.id);
      if (brief) return this.found(brief, 'fuzzy', rankingOfDoc(this, hit.id));
    }
    const text = this.search.searchText(q, 1)[0];
    if (text) {
      const brief = resolveDoc(this, text.id);
      if (brief) return this.found(brief, 'text');
    }
    return { kind: 'miss', suggestions: this.suggest(q, 3) };
  }

  /** Loose matches for "did you mean": more typos allowed than in lookup. */
  suggest(query: string, limit: number): BriefRef[] {
    const q = normalize(query);
    if (!q) return [];
    const hits = this.search.searchVocab(q, { fuzzy: looseTypos, prefix: () => true, combineWith: 'OR' });
    return this.refsOfDocs(hits.map((h) => h.id), limit);
  }

  /** Ranked full-text search for /search: briefs with all the words first, then any. */
  searchText(query: string, limit: number): BriefRef[] {
    const q = normalize(query);
    if (!q) return [];
    const all = this.search.searchText(q, limit);
    const hits = all.length > 0 ? all : this.search.searchText(q, limit, true);
    return this.refsOfDocs(
      hits.map((h) => h.id),
      limit,
    );
  }

  /** As the user types: keys that start with the text first, then matches of its words. */
  complete(partial: string, limit: number): BriefRef[] {
    const q = normalize(partial);
    if (!q) return this.latest(limit).map(toRef);
    const ids: string[] = [];
    for (const [, targets] of this.keys().withPrefix(q)) {
      for (const target of targets) ids.push(target);
      if (ids.length >= limit * 4) break;
    }
    const refs = this.refsOfDocs(ids, limit);
    if (refs.length >= limit) return refs;
    // Then briefs whose words match; typo-tolerant only when nothing starts with the text,
    // since the typo walk is the costly part and a prefix match shows the user is on track.
    const options = refs.length > 0 ? { fuzzy: () => 0, limit } : { limit };
    const found = this.refsOfDocs(ids.concat(this.search.searchVocab(q, options).map((h) => h.id)), limit);
    return found.length > 0 || !hasCyrillic(q) ? found : this.complete(transliterate(q), limit); // as lookup does
  }

  latest(n: number): Brief[] {
    return this.rankings.all.slice(0, Math.max(0, n));
  }

  topics(): TopicCount[] {
    return this.rankings.topics();
  }

  /** Briefs of a topic: those whose main topic it is first, then newest. */
  briefsOfTopic(key: string): readonly Brief[] {
    const q = normalize(key).replace(/ /g, '-');
    return this.rankings.of(q) ?? [];
  }

  hasTopic(key: string): boolean {
    return this.rankings.has(key);
  }

  private found(brief: Brief, via: Extract<LookupResult, { kind: 'found' }>['via'], ranking?: readonly Brief[]): LookupResult {
    return { kind: 'found', brief, related: relatedRefs(this, brief, ranking), via };
  }

  private refsOfDocs(ids: readonly string[], limit: number): BriefRef[] {
    return refsOfDocs(this, ids, limit);
  }

  private keys(): SortedKeys {
    return (this.prefixKeys ??= SortedKeys.build(this.allPrefixEntries()));
  }

  private newestOf(slugs: readonly string[]): Brief {
    return [...slugs].map((s) => this.bySlug.get(s)!).sort(newestFirst)[0]!;
  }

  /** `titled` false leaves the title key to the caller (a bulk load restores or computes them together). */
  private indexExact(brief: Brief, titled = true): void {
    if (brief.translationOf !== undefined) return this.groups.addTranslation(brief);
    this.groups.addOriginal(brief);
    this.bySlug.set(brief.slug, brief);
    if (titled) this.titleKeys.add(normalize(brief.title), brief.slug);
  }

  /** `withPrefixKeys` false leaves the autocomplete keys to the caller (an update changes only some). */
  private unindex(brief: Brief, withPrefixKeys = true): void {
    this.groups.removeOriginal(brief);
    this.bySlug.delete(brief.slug);
    this.titleKeys.delete(normalize(brief.title), brief.slug);
    if (this.prefixKeys && withPrefixKeys) movePrefixEntries(brief, undefined, this.prefixKeys);
    this.search.remove(brief.slug);
  }

  private *allPrefixEntries(): Generator<[string, string]> {
    for (const brief of this.bySlug.values()) yield* prefixEntries(brief);
  }
}
