import { lastChanged, type Brief } from '../../content/brief.js';
import type { Library } from '../../content/library.js';
import { toKey } from '../../core/normalize.js';

/** How many briefs a feed carries: the newest first. */
export const FEED_SIZE = 50;

export interface FeedSelection {
  /** Feed title, e.g. "briefbot: xinjiang". */
  title: string;
  /** Path of the feed without its extension, e.g. `/feeds/topics/xinjiang`. */
  path: string;
  briefs: Brief[];
  /** The newest change date among the briefs (content dates are days). */
  updated: string | undefined;
}

const published = (briefs: Iterable<Brief>): Brief[] => [...briefs].filter((b) => !b.draft);

const newestDate = (briefs: readonly Brief[]): string | undefined =>
  briefs.reduce<string | undefined>(
    (max, b) => (max === undefined || lastChanged(b) > max ? lastChanged(b) : max),
    undefined,
  );

const byNewest = (a: Brief, b: Brief): number =>
  lastChanged(b).localeCompare(lastChanged(a)) || a.slug.localeCompare(b.slug);

/** The latest briefs of the whole store. */
export function allBriefsFeed(library: Library): FeedSelection {
  const briefs = published(library.latest(FEED_SIZE)).slice(0, FEED_SIZE);
  return { title: 'briefbot: latest briefs', path: '/feeds/briefs', briefs, updated: newestDate(briefs) };
}

/** The latest briefs of one topic; undefined when no published brief has it. */
export function topicFeed(library: Library, topic: string): FeedSelection | undefined {
  const key = toKey(topic);
  if (!key || !library.hasTopic(key)) return undefined;
  const briefs = published(library.briefsOfTopic(key)).sort(byNewest).slice(0, FEED_SIZE);
  if (briefs.length === 0) return undefined;
  return { title: `briefbot: ${key}`, path: `/feeds/topics/${key}`, briefs, updated: newestDate(briefs) };
}
