import { ContentStore } from '../src/content/store.js';
import { silentLogger } from '../src/core/logger.js';
import { ensureCorpus } from './generate.js';
import { pickQueries, type QuerySet } from './queries.js';

export const DEFAULT_SEED = 20_180_911;

/** The seeded corpus of `size` briefs, loaded through its parse cache with indexes complete, and its queries. */
export async function warmCorpus(
  size: number,
  seed = DEFAULT_SEED,
): Promise<{ store: ContentStore; queries: QuerySet }> {
  const corpus = ensureCorpus(size, seed);
  const store = new ContentStore({
    dir: corpus.dir,
    logger: silentLogger(),
    cacheFile: `${corpus.dir}.briefs.sqlite`,
  });
  await store.load();
  await store.library.textReady();
  return { store, queries: pickQueries(store.library, seed + 1) };
}
