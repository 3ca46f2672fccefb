import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatContentError } from '../../src/content/parse.js';
import { ContentStore, type ReloadReport } from '../../src/content/store.js';
import { watchContent } from '../../src/content/watch.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';
import { reloadWhere } from '../helpers/reload-events.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const OLD_TREE = {
  'one.md': briefFile({ title: 'One, as first deployed', topics: '[one]' }),
  'going.md': briefFile({ title: 'Going away', topics: '[going]' }),
  'broken.md': briefFile({ url: 'not a url' }),
};
const NEW_TREE = {
  'one.md': briefFile({ title: 'One, as deployed again with changes', topics: '[one]' }),
  'fresh.md': briefFile({ title: 'Fresh in this deploy', topics: '[fresh]' }),
};

/** A watched store over a real folder under a temporary root, checking the folder every 50 ms. */
async function watchedTree() {
  const root = await tempDir();
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'content');
  await writeFiles(dir, OLD_TREE);
  const store = new ContentStore({ dir, logger: silentLogger() });
  await store.load();
  expect(store.errors()).toHaveLength(1);
  cleanups.push(await watchContent(store, { logger: silentLogger(), folderCheckMs: 50 }));
  return { root, dir, store };
}

const slugs = (store: ContentStore) => [...store.library.all()].map((b) => b.slug).sort();
const isNewTree = (r: ReloadReport) => r.errors.length === 0 && r.briefs === 2;

/** After the folder came back: the new tree is served, stale errors are gone, and edits are seen again. */
async function expectWatchingTheNewTree(dir: string, store: ContentStore): Promise<void> {
  expect(slugs(store)).toEqual(['fresh', 'one']);
  expect(store.library.get('one')?.title).toBe('One, as deployed again with changes');
  expect(store.errors()).toEqual([]);
  const edited = reloadWhere(store, (r) => r.changes.some((c) => c.brief.slug === 'later'));
  await writeFile(join(dir, 'later.md'), briefFile({ title: 'Written after the swap', topics: '[later]' }));
  await edited;
  expect(store.library.get('later')?.file).toBe('later.md');
}

describe('the watcher keeps the content folder when it is replaced', () => {
  it('reports a deleted folder while serving the last good briefs, then takes the restored one', async () => {
    const { dir, store } = await watchedTree();
    const lost = reloadWhere(store, (r) => r.errors.some((e) => e.message === 'content folder is missing'));
    await rm(dir, { recursive: true });
    const report = await lost;
    expect(report.errors.map(formatContentError)).toContain(`${store.displayPath('')} content folder is missing`);
    expect(slugs(store)).toEqual(['going', 'one']);

    const back = reloadWhere(store, isNewTree);
    await writeFiles(dir, NEW_TREE);
    await back;
    await expectWatchingTheNewTree(dir, store);
  });

  it('follows a deploy that swaps folders by rename', async () => {
    const { root, dir, store } = await watchedTree();
    await writeFiles(join(root, 'content.new'), NEW_TREE);
    const swapped = reloadWhere(store, isNewTree);
    await rename(dir, join(root, 'content.old'));
    await rename(join(root, 'content.new'), dir);
    const report = await swapped;
    expect(report.changes.map((c) => `${c.type} ${c.brief.slug}`).sort()).toEqual([
      'added fresh',
      'removed going',
      'updated one',
    ]);
    await expectWatchingTheNewTree(dir, store);
  });
});
