import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../src/content/limits.js';
import { formatContentError } from '../../src/content/parse.js';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function storeWith(files: Record<string, string>) {
  const dir = await tempDir();
  dirs.push(dir);
  await writeFiles(dir, { 'other.md': briefFile({ title: 'Another story', topics: '[other]' }), ...files });
  const store = new ContentStore({ dir, logger: silentLogger() });
  return { dir, store };
}

/** A front matter block with `count` distinct keys, as the attack used (30,000 keys, 282 KB). */
const manyKeys = (count: number): string =>
  `---\n${Array.from({ length: count }, (_, i) => `key${i}: ${i}`).join('\n')}\n---\n`;

const errorsOf = (store: ContentStore, file: string) =>
  store
    .errors()
    .filter((e) => e.file.endsWith(file))
    .map(formatContentError);

describe('content file limits, checked before parsing', () => {
  it('refuses 30,000 front-matter keys at start, naming the file and the limit, and serves the rest', async () => {
    const { store } = await storeWith({ 'keys.md': manyKeys(30_000) });
    const report = await store.load();
    expect(report.briefs).toBe(1);
    expect(errorsOf(store, 'keys.md')).toEqual([
      expect.stringMatching(/keys\.md:1:1 front matter is too large \(\d+ KB; at most 256 KB\)$/),
    ]);
  });

  it('refuses too many keys in a small front matter, block or flow style', async () => {
    const flow = `---\ntitle: {${Array.from({ length: 5000 }, (_, i) => `k${i}: 1`).join(', ')}}\n---\n`;
    const { store } = await storeWith({ 'block.md': manyKeys(5000), 'flow.md': flow });
    await store.load();
    const tooMany = `front matter has too many keys (more than ${FILE_LIMITS.frontMatterKeys})`;
    expect(errorsOf(store, 'block.md')).toEqual([expect.stringMatching(new RegExp(`block\\.md:1:1 ${escape(tooMany)}$`))]);
    expect(errorsOf(store, 'flow.md')).toEqual([expect.stringMatching(new RegExp(`flow\\.md:1:1 ${escape(tooMany)}$`))]);
  });

  it('refuses a 100 MB facts file by its size without reading it, and keeps the last good version on reload', async () => {
    const { dir, store } = await storeWith({ 'huge.md': briefFile({ title: 'Huge before' }) });
    await store.load();
    const head = Buffer.from('---\ntitle: Huge after\nfacts:\n');
    const line = Buffer.from('  - A fact that repeats until the file is a hundred megabytes long.\n');
    const huge = Buffer.alloc(100 * 1024 * 1024, line);
    head.copy(huge);
    await writeFile(join(dir, 'huge.md'), huge);
    const before = process.memoryUsage().rss;
    const report = await store.reload(['huge.md']);
    expect(report.errors.map(formatContentError)).toEqual([
      expect.stringMatching(/huge\.md is too large \(100\.0 MB; at most 1\.0 MB per file\)$/),
    ]);
    // Reading it would have cost at least its size in memory (as bytes, then as a string).
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(store.library.get('huge')?.title).toBe('Huge before');
    expect(store.library.lookup('another story')).toMatchObject({ kind: 'found', brief: { slug: 'other' } });
  });

  it('parses a large edited file off the main thread: replies are served while it parses', async () => {
    const { dir, store } = await storeWith({ 'long.md': briefFile({ title: 'Long before' }) });
    await store.load();
    const body = 'A long paragraph of the body, repeated. '.repeat(2400); // about 96 KB, under the body limit
    await writeFile(join(dir, 'long.md'), briefFile({ title: 'Long after' }).replace('Longer text.', body));
    let settled = false;
    const reload = store.reload(['long.md']).finally(() => (settled = true));
    const served = await new Promise<{ settled: boolean; slug: string | undefined }>((resolve) =>
      setImmediate(() => {
        const answer = store.library.lookup('another story');
        resolve({ settled, slug: answer.kind === 'found' ? answer.brief.slug : undefined });
      }),
    );
    expect(served).toEqual({ settled: false, slug: 'other' });
    const report = await reload;
    expect(report.errors).toEqual([]);
    expect(store.library.get('long')?.title).toBe('Long after');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
