import fc from 'fast-check';
import { rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/content/brief.js';
import type { Library } from '../../src/content/library.js';
import { ContentStore } from '../../src/content/store.js';
import { StoredBrief } from '../../src/content/stored-brief.js';
import { briefVersion } from '../../src/content/version.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

const WORDS = ['aral', 'border', 'camps', 'water', 'steppe', 'oil', 'talks', 'river', 'kazakh', 'uyghur', 'dam', 'grain'];
const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const briefArb = fc.record({
  title: words(2, 5),
  topics: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
  summary: words(3, 12),
  day: fc.integer({ min: 1, max: 28 }),
  aliases: fc.option(fc.uniqueArray(word, { minLength: 1, maxLength: 2 }), { nil: undefined }),
});
type Spec = { title: string; topics: string[]; summary: string; day: number; aliases: string[] | undefined };

const fileOf = (spec: Spec) =>
  briefFile(
    {
      title: spec.title,
      topics: `[${spec.topics.join(', ')}]`,
      summary: spec.summary,
      published: `2024-02-${String(spec.day).padStart(2, '0')}`,
    },
    spec.aliases ? `aliases: [${spec.aliases.join(', ')}]` : '',
  );

/** Every field a reader sees, read through the getters a stored brief has. */
const plain = (b: Brief) => ({
  slug: b.slug,
  title: b.title,
  topics: b.topics,
  published: b.published,
  updated: b.updated,
  lang: b.lang,
  aliases: b.aliases,
  publisher: b.publisher,
  url: b.url,
  summary: b.summary,
  facts: b.facts,
  sources: b.sources,
  body: b.body,
  draft: b.draft,
  file: b.file,
  version: briefVersion(b),
});

function answers(library: Library, queries: readonly string[]) {
  return {
    size: library.size,
    topics: library.topics(),
    all: [...library.all()].map(plain).sort((a, b) => a.slug.localeCompare(b.slug)),
    latest: library.latest(10).map(plain),
    perQuery: queries.map((q) => {
      const found = library.lookup(q);
      return {
        lookup: found.kind === 'found' ? [found.via, plain(found.brief), found.related] : found.suggestions,
        suggest: library.suggest(q, 3),
        search: library.searchText(q, 10),
        complete: library.complete(q.slice(0, 3), 25),
        topic: library.briefsOfTopic(q).map(plain),
      };
    }),
  };
}

/**
 * The reference keeps every brief in memory (no store file); the other serves briefs from
 * the on-disk store, first after a cold load, then after a warm start from the store, and
 * after hot reloads of edited, removed and new files. They must give the same briefs, with
 * the same text, in the same order.
 */
describe('briefs served from the on-disk store answer like briefs held in memory', () => {
  it('gives the same briefs in the same order for random corpora, edits and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(briefArb, { minLength: 2, maxLength: 10 }),
        fc.array(fc.option(briefArb, { nil: undefined }), { minLength: 1, maxLength: 10 }),
        fc.array(words(1, 3), { minLength: 1, maxLength: 5 }),
        async (before, after, queries) => {
          const dir = await tempDir();
          const cacheDir = await tempDir();
          const cacheFile = join(cacheDir, 'store.db');
          try {
            await writeFiles(dir, Object.fromEntries(before.map((spec, i) => [`b${i}.md`, fileOf(spec)])));
            const memory = new ContentStore({ dir, logger: silentLogger() });
            const stored = new ContentStore({ dir, logger: silentLogger(), cacheFile });
            await memory.load();
            await stored.load();
            expect([...stored.library.all()].every((b) => b instanceof StoredBrief)).toBe(true);
            expect(answers(stored.library, queries)).toEqual(answers(memory.library, queries));

            const warm = new ContentStore({ dir, logger: silentLogger(), cacheFile, checkInBackground: true });
            await warm.load();
            await warm.checked;
            expect(answers(warm.library, queries)).toEqual(answers(memory.library, queries));

            const changed: string[] = [];
            for (const [i, spec] of after.entries()) {
              changed.push(`b${i}.md`);
              if (spec) await writeFile(join(dir, `b${i}.md`), fileOf(spec));
              else await unlink(join(dir, `b${i}.md`)).catch(() => undefined);
            }
            await memory.reload(changed);
            await warm.reload(changed);
            expect(answers(warm.library, queries)).toEqual(answers(memory.library, queries));
            expect(warm.errors()).toEqual(memory.errors());
          } finally {
            await rm(dir, { recursive: true, force: true });
            await rm(cacheDir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
