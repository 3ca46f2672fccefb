import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Brief } from '../src/content/brief.js';
import type { ContentStore } from '../src/content/store.js';
import { watchContent } from '../src/content/watch.js';
import type { Logger } from '../src/core/logger.js';
import { summarize, type Timing } from './measure.js';

export interface HotReloadResult extends Timing {
  /** From starting the watcher to its first ready event. */
  watcherReadyMs: number;
}

const TIMEOUT_MS = 30_000;

function served(store: ContentStore, slug: string, title: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      store.library.off('change', onChange);
      reject(new Error(`"${slug}" was not served within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const onChange = (event: { brief: Brief }) => {
      if (event.brief.slug !== slug || event.brief.title !== title) return;
      clearTimeout(timer);
      store.library.off('change', onChange);
      resolve();
    };
    store.library.on('change', onChange);
  });
}

/**
 * From writing one edited file to the store serving the new version, through the real
 * watcher with its debounce; the file is put back afterwards so the corpus stays as generated.
 */
export async function measureHotReload(
  store: ContentStore,
  briefs: readonly Brief[],
  logger: Logger,
): Promise<HotReloadResult> {
  const started = performance.now();
  const stop = await watchContent(store, { logger });
  const watcherReadyMs = performance.now() - started;
  const samples: number[] = [];
  try {
    for (const [round, brief] of briefs.entries()) {
      const path = join(store.dir, brief.file);
      const original = await readFile(path, 'utf8');
      const title = `${brief.title} revised ${round}`;
      const edited = original.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
      const seen = served(store, brief.slug, title);
      const t0 = performance.now();
      await writeFile(path, edited);
      await seen;
      samples.push(performance.now() - t0);
      const restored = served(store, brief.slug, brief.title);
      await writeFile(path, original);
      await restored;
    }
  } finally {
    await stop();
  }
  return { ...summarize(samples), watcherReadyMs };
}
