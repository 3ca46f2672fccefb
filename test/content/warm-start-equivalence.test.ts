import fc from 'fast-check';
import { rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/content/library.js';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

const WORDS = ['aral', 'border', 'camps', 'water', 'steppe', 'oil', 'talks', 'river', 'kazakh', 'uyghur', 'dam', 'grain'];
const word = fc.constantFrom(...WORDS);
const briefArb = fc.record({
  title: fc.array(word, { minLength: 2, maxLength: 5 }).map((w) => w.join(' ')),
  topics: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
  day: fc.integer({ min: 1, max: 28 }),
});
type Spec = { title: string; topics: string[]; day: number };

const fileOf = (spec: Spec) =>
  briefFile({
    title: spec.title,
    topics: `[${spec.topics.join(', ')}]`,
    published: `2024-02-${String(spec.day).padStart(2, '0')}`,
  });

/** Everything a command can ask of the library, as plain data. */
function answers(library: Library, queries: readonly string[]) {
  return {
    size: library.size,
    topics: library.topics(),
    latest: library.latest(10).map((b) => b.slug),
    perQuery: queries.map((q) => {
      const found = library.lookup(q);
      return {
        lookup: found.kind === 'found' ? [found.via, found.brief.slug, found.related] : found.suggestions,
        suggest: library.suggest(q, 3),
        search: library.searchText(q, 10),
        complete: library.complete(q.slice(0, 3), 25),
      };
    }),
  };
}

/**
 * The reference is a store that kept running while the files changed and caught up as hot
 * reload does: briefs with equal scores are ordered by when the index saw them, so a store
 * that took edits one by one can order such ties differently from a fresh load.
 */
describe('a warm start checked in the background answers like a running store that saw the edits', () => {
  it('gives the same briefs in the same order for random corpora, edits and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(briefArb, { minLength: 3, maxLength: 12 }),
        fc.array(fc.option(briefArb, { nil: undefined }), { minLength: 3, maxLength: 12 }),
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 6 }),
        async (before, after, queries) => {
          const dir = await tempDir();
          const cacheDir = await tempDir();
          const cacheFile = join(cacheDir, 'cache.bin');
          try {
            await writeFiles(dir, Object.fromEntries(before.map((spec, i) => [`b${i}.md`, fileOf(spec)])));
            const running = new ContentStore({ dir, logger: silentLogger(), cacheFile });
            await running.load();
            await running.library.textReady();
            await running.flushCache();
            // Edits while the bot is down: rewritten, removed and new files.
            for (const [i, spec] of after.entries()) {
              if (spec) await writeFile(join(dir, `b${i}.md`), fileOf(spec));
              else await unlink(join(dir, `b${i}.md`)).catch(() => undefined);
            }
            const warm = new ContentStore({ dir, logger: silentLogger(), cacheFile, checkInBackground: true });
            await warm.load();
            await warm.checked;
            await running.reconcile();
            expect(answers(warm.library, queries)).toEqual(answers(running.library, queries));
            expect(warm.errors()).toEqual(running.errors());
            // And the same briefs as a fresh load of the folder.
            const cold = new ContentStore({ dir, logger: silentLogger() });
            await cold.load();
            const slugs = (library: Library) => [...library.all()].map((b) => [b.slug, b.title]).sort();
            expect(slugs(warm.library)).toEqual(slugs(cold.library));
          } finally {
            await rm(dir, { recursive: true, force: true });
            await rm(cacheDir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
