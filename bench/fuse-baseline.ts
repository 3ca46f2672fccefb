import Fuse from 'fuse.js';
import type { Brief } from '../src/content/brief.js';

export interface FuseDoc {
  slug: string;
  title: string;
  topics: string[];
}

/**
 * The common way bots do fuzzy matching: one Fuse.js index over what users type
 * (title, slug, topics), default scoring, a threshold that lets 1-2 typos through.
 */
export function buildFuse(briefs: Iterable<Brief>): { fuse: Fuse<FuseDoc>; buildMs: number } {
  const started = performance.now();
  const docs: FuseDoc[] = [];
  for (const b of briefs) docs.push({ slug: b.slug, title: b.title, topics: b.topics });
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'topics', weight: 3 },
      { name: 'slug', weight: 1.5 },
      { name: 'title', weight: 1 },
    ],
    threshold: 0.4,
    includeScore: true,
  });
  return { fuse, buildMs: performance.now() - started };
}

export const fuseSearch = (fuse: Fuse<FuseDoc>, query: string, limit: number): FuseDoc[] =>
  fuse.search(query, { limit }).map((r) => r.item);
