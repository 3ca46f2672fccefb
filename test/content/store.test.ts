import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../src/content/parse.js';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

const storeFor = (dir: string, cacheFile?: string) =>
  new ContentStore({ dir, logger: silentLogger(), ...(cacheFile ? { cacheFile } : {}) });

describe('ContentStore', () => {
  it('serves the good files and reports each bad one by file and field', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'good.md': briefFile(),
      'nested/deeper/other.md': briefFile({ title: 'Another story', topics: '[other]' }),
      'bad-url.md': briefFile({ url: 'file:///etc/passwd' }),
      'broken.md': '---\ntitle: [oops\n---\n',
      'README.md': '# Notes for editors, not a brief',
      '.hidden/ignored.md': 'not scanned',
      'notes.txt': 'not a brief either',
    });
    const store = storeFor(dir);
    const report = await store.load();
    expect(report.briefs).toBe(2);
    expect(store.library.get('other')?.file).toBe('nested/deeper/other.md');
    const errors = report.errors.map(formatContentError);
    expect(errors).toHaveLength(2);
    expect(errors.find((e) => e.includes('bad-url.md'))).toMatch(/bad-url\.md:6:6 url: only http\(s\) URLs are allowed$/);
    expect(errors.find((e) => e.includes('broken.md'))).toMatch(/broken\.md:\d+:\d+ invalid YAML: /);
  });

  it('refuses a duplicate slug, naming both files, and keeps the first', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'a.md': briefFile({ slug: 'same' }),
      'b.md': briefFile({ slug: 'same', title: 'Second claimant' }),
    });
    const store = storeFor(dir);
    const report = await store.load();
    expect(store.library.get('same')?.file).toBe('a.md');
    expect(report.errors.map(formatContentError)).toEqual([
      `${store.displayPath('b.md')} slug: "same" is already used by ${store.displayPath('a.md')}`,
    ]);
  });

  it('does not serve drafts, and publishes one when draft: true is removed', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'wip.md': briefFile({ draft: 'true' }) });
    const store = storeFor(dir);
    expect((await store.load()).drafts).toBe(1);
    expect(store.library.size).toBe(0);
    await writeFile(join(dir, 'wip.md'), briefFile());
    const report = await store.reload(['wip.md']);
    expect(report.changes.map((c) => c.type)).toEqual(['added']);
    expect(store.library.get('wip')).toBeDefined();
  });

  it('keeps the last good version when an edit breaks a file, and removes deleted files', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'story.md': briefFile() });
    const store = storeFor(dir);
    await store.load();
    await writeFile(join(dir, 'story.md'), briefFile({ published: '2024-02-30' }));
    const bad = await store.reload(['story.md']);
    expect(bad.changes).toEqual([]);
    expect(bad.errors).toHaveLength(1);
    expect(store.library.get('story')?.published).toBe('2024-03-01');
    await rm(join(dir, 'story.md'));
    const gone = await store.reload(['story.md']);
    expect(gone.changes.map((c) => c.type)).toEqual(['removed']);
    expect(gone.errors).toEqual([]);
    expect(store.library.size).toBe(0);
  });

  it('serves a refused duplicate once the first file is gone', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'a.md': briefFile({ slug: 'same' }), 'b.md': briefFile({ slug: 'same', title: 'B' }) });
    const store = storeFor(dir);
    await store.load();
    await rm(join(dir, 'a.md'));
    await store.reload(['a.md']);
    expect(store.library.get('same')?.title).toBe('B');
    expect(store.errors()).toEqual([]);
  });

  it('starts warm from the digest cache and re-parses only changed files', async () => {
    const dir = await tempDir();
    const cacheFile = join(await tempDir(), 'cache.bin');
    await writeFiles(dir, { 'one.md': briefFile(), 'two.md': briefFile({ title: 'Two' }) });
    const first = storeFor(dir, cacheFile);
    await first.load();
    await first.flushCache(); // the cache is written in the background
    await writeFile(join(dir, 'two.md'), briefFile({ title: 'Two, corrected' }));
    const second = storeFor(dir, cacheFile);
    await second.load();
    expect(second.library.get('one')?.title).toBe('Water levels fall in the Aral Sea');
    expect(second.library.get('two')?.title).toBe('Two, corrected');
  });

  it('survives a corrupt cache file', async () => {
    const dir = await tempDir();
    const cacheFile = join(await tempDir(), 'cache.bin');
    await writeFiles(dir, { 'one.md': briefFile() });
    await writeFile(cacheFile, 'garbage');
    const store = storeFor(dir, cacheFile);
    expect((await store.load()).briefs).toBe(1);
  });
});

describe('ContentStore.reconcile', () => {
  it('catches up with files added, changed and removed since the load', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'keep.md': briefFile(), 'edit.md': briefFile({ title: 'Before' }), 'drop.md': briefFile() });
    const store = storeFor(dir);
    await store.load();
    await writeFile(join(dir, 'edit.md'), briefFile({ title: 'After, with a longer title' }));
    await rm(join(dir, 'drop.md'));
    await writeFiles(dir, { 'new.md': briefFile({ title: 'Arrived meanwhile' }) });
    const report = await store.reconcile();
    expect(report.changes.map((c) => `${c.type} ${c.brief.slug}`).sort()).toEqual([
      'added new',
      'removed drop',
      'updated edit',
    ]);
    expect((await store.reconcile()).changes).toEqual([]);
  });
});
