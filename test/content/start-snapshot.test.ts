import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/content/brief.js';
import { Library } from '../../src/content/library.js';
import { frameSaved, restoreStart, unframeSaved } from '../../src/content/start-snapshot.js';
import { makeBrief } from '../helpers/briefs.js';

const briefs: Brief[] = [
  makeBrief({ slug: 'aral', title: 'Aral Sea shrinks', topics: ['water'], published: '2024-03-01' }),
  makeBrief({ slug: 'glaciers', title: 'Glaciers retreat', topics: ['ice', 'water'], published: '2024-05-01' }),
  makeBrief({ slug: 'tides', title: 'Tides rise', topics: ['water'], published: '2023-01-01' }),
];
const bySlug = (list: readonly Brief[]) => new Map(list.map((b) => [b.slug, b]));
const newest = [briefs[1]!, briefs[0]!, briefs[2]!];
const titleKey = (b: Brief) => b.title.toLowerCase();

describe('saved start structures', () => {
  it('give back the newest-first order and title keys of the same briefs', () => {
    const { search, start } = unframeSaved(frameSaved(Buffer.from('search bytes'), newest, titleKey));
    expect(search.toString()).toBe('search bytes');
    const restored = restoreStart(start!, bySlug(briefs));
    expect(restored?.newest.map((b) => b.slug)).toEqual(['glaciers', 'aral', 'tides']);
    expect(restored?.titleKeys).toEqual(['glaciers retreat', 'aral sea shrinks', 'tides rise']);
  });

  it('are refused for other briefs: one missing, one added, or dates that give another order', () => {
    const { start } = unframeSaved(frameSaved(Buffer.alloc(0), newest, titleKey));
    expect(restoreStart(start!, bySlug(briefs.slice(0, 2)))).toBeUndefined();
    expect(restoreStart(start!, bySlug([...briefs, makeBrief({ slug: 'dunes' })]))).toBeUndefined();
    const redated = briefs.map((b) => (b.slug === 'tides' ? { ...b, published: '2025-01-01' } : b));
    expect(restoreStart(start!, bySlug(redated))).toBeUndefined();
  });

  it('are absent from a blob saved before they were', () => {
    const old = Buffer.from('\u0010\u0000\u0000\u0000[{"ids":[]}]');
    expect(unframeSaved(old)).toEqual({ search: old, start: undefined });
  });

  it('serve a library that answers as one built from scratch', async () => {
    const built = new Library(briefs);
    await built.textReady();
    const saved = built.savedSearch()!;
    const warm = new Library();
    expect(warm.replaceAll(briefs, saved)).toBe(true);
    for (const query of ['tides rise', 'water', 'glaciers retreat', 'aral sea shrinks', 'ice']) {
      expect(warm.lookup(query)).toEqual(built.lookup(query));
    }
    expect(warm.latest(3).map((b) => b.slug)).toEqual(['glaciers', 'aral', 'tides']);
  });
});
