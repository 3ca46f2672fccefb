import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/content/library.js';
import { ContentStore } from '../../src/content/store.js';
import { watchContent } from '../../src/content/watch.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function watched(files: Record<string, string>) {
  const dir = await tempDir();
  await writeFiles(dir, files);
  const store = new ContentStore({ dir, logger: silentLogger() });
  await store.load();
  stops.push(await watchContent(store, { logger: silentLogger() }));
  const events: ChangeEvent[] = [];
  store.library.on('change', (e) => events.push(e));
  return { dir, store, events };
}

/** Long enough for a loaded machine; a broken watcher still fails in seconds. */
const WAIT_MS = 10_000;

/** Resolves with the time it took for `check` to hold, or fails after `ms`. */
async function within(ms: number, check: () => boolean): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - start;
}

describe('hot reload on real files', () => {
  it('picks up an added file within 1 s', async () => {
    const { dir, store, events } = await watched({ 'one.md': briefFile() });
    await writeFile(join(dir, 'two.md'), briefFile({ title: 'A second story', topics: '[second]' }));
    await within(WAIT_MS, () => store.library.get('two') !== undefined);
    expect(events.map((e) => [e.type, e.brief.slug])).toEqual([['added', 'two']]);
  });

  it('applies an edit saved by temp file and rename, once', async () => {
    const { dir, store, events } = await watched({ 'one.md': briefFile() });
    await writeFile(join(dir, '.one.md.tmp'), briefFile({ title: 'Edited title' }));
    await rename(join(dir, '.one.md.tmp'), join(dir, 'one.md'));
    await within(WAIT_MS, () => store.library.get('one')?.title === 'Edited title');
    // A later edit elsewhere is seen after anything still pending for one.md.
    await writeFile(join(dir, 'marker.md'), briefFile({ title: 'Marker', topics: '[marker]' }));
    await within(WAIT_MS, () => store.library.get('marker') !== undefined);
    expect(events.map((e) => [e.type, e.brief.slug])).toEqual([
      ['updated', 'one'],
      ['added', 'marker'],
    ]);
  });

  it('keeps the last good version when an edit is invalid, then takes the fix', async () => {
    const { dir, store, events } = await watched({ 'one.md': briefFile() });
    await writeFile(join(dir, 'one.md'), briefFile({ url: 'not a url' }));
    await within(WAIT_MS, () => store.errors().length === 1);
    expect(store.library.get('one')?.url).toBe('https://example.org/aral');
    await writeFile(join(dir, 'one.md'), briefFile({ url: 'https://example.org/fixed' }));
    await within(WAIT_MS, () => store.library.get('one')?.url === 'https://example.org/fixed');
    expect(store.errors()).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['updated']);
  });

  it('removes a deleted file within 1 s, and a deleted folder too', async () => {
    const { dir, store, events } = await watched({ 'one.md': briefFile(), 'sub/two.md': briefFile({ title: 'Two' }) });
    await rm(join(dir, 'one.md'));
    await within(WAIT_MS, () => store.library.get('one') === undefined);
    await rm(join(dir, 'sub'), { recursive: true });
    await within(WAIT_MS, () => store.library.size === 0);
    expect(events.map((e) => e.type)).toEqual(['removed', 'removed']);
  });
});
