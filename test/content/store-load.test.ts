import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-store-'));
  dirs.push(dir);
  return dir;
}

const briefText = (i: number, title = `Brief number ${i} on the border talks`) => `---
title: ${title}
topics: [topic-${i % 7}, border]
published: 2020-01-${String((i % 28) + 1).padStart(2, '0')}
publisher: Test Desk
url: https://example.org/briefs/${i}
summary: >
  Summary ${i} of a brief about talks.
facts:
  - Fact ${i} with a number, ${i * 3}.
---
Body ${i}.
`;

function writeCorpus(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `part-${i % 10}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `brief-${i}.md`), briefText(i));
  }
}

const store = (dir: string, extra: { cacheFile?: string; parseThreads?: number } = {}) =>
  new ContentStore({ dir, logger: silentLogger(), ...extra });

describe('loading a large folder', () => {
  it('parses on threads with the same result as on one thread, errors included', async () => {
    const dir = tempDir();
    writeCorpus(dir, 2100);
    writeFileSync(join(dir, 'part-3', 'broken.md'), briefText(1).replace('url: https://example.org/briefs/1', 'url: ftp://x'));
    const threaded = store(dir, { parseThreads: 2 });
    const single = store(dir, { parseThreads: 0 });
    const [a, b] = [await threaded.load(), await single.load()];
    expect(a.briefs).toBe(2100);
    expect(b.briefs).toBe(2100);
    expect(a.errors).toEqual(b.errors);
    expect(a.errors[0]).toMatchObject({ path: 'url', line: 6 });
    expect([...threaded.library.all()].sort((x, y) => x.slug.localeCompare(y.slug))).toEqual(
      [...single.library.all()].sort((x, y) => x.slug.localeCompare(y.slug)),
    );
  }, 60_000);
});

describe('warm start from the parse cache', () => {
  it('trusts unchanged size and time, and checks files touched just before the cache was written', async () => {
    const dir = tempDir();
    const cacheFile = join(tempDir(), 'cache.bin');
    writeCorpus(dir, 3);
    const old = new Date('2021-05-01T00:00:00Z');
    const aged = join(dir, 'part-0', 'brief-0.md');
    const recent = join(dir, 'part-1', 'brief-1.md');
    utimesSync(aged, old, old);
    const first = store(dir, { cacheFile });
    await first.load();
    await first.flushCache();

    // Same size, same time: the cache vouches for it without reading the file.
    writeFileSync(aged, briefText(0).replace('Brief number 0 on', 'Brief NUMBER 0 on'));
    utimesSync(aged, old, old);
    // Changed within the racy window: the digest catches the change even with the old time.
    const recentTime = statSync(recent).mtime;
    writeFileSync(recent, briefText(1).replace('Brief number 1 on', 'Brief NUMBER 1 on'));
    utimesSync(recent, recentTime, recentTime);

    const second = store(dir, { cacheFile });
    const report = await second.load();
    expect(report.briefs).toBe(3);
    expect(second.library.get('brief-0')?.title).toBe('Brief number 0 on the border talks');
    expect(second.library.get('brief-1')?.title).toBe('Brief NUMBER 1 on the border talks');
    expect(readFileSync(aged, 'utf8')).toContain('NUMBER 0');
  });

  it('re-reads a file whose size or time changed, and drops files that are gone', async () => {
    const dir = tempDir();
    const cacheFile = join(tempDir(), 'cache.bin');
    writeCorpus(dir, 3);
    const first = store(dir, { cacheFile });
    await first.load();
    await first.flushCache();
    writeFileSync(join(dir, 'part-2', 'brief-2.md'), briefText(2, 'A longer, rewritten title for brief two'));
    rmSync(join(dir, 'part-0', 'brief-0.md'));
    const second = store(dir, { cacheFile });
    await second.load();
    expect(second.library.get('brief-2')?.title).toBe('A longer, rewritten title for brief two');
    expect(second.library.get('brief-0')).toBeUndefined();
    expect(second.library.size).toBe(2);
  });

  it('re-reads a file edited to the same size with a new modification time', async () => {
    const dir = tempDir();
    const cacheFile = join(tempDir(), 'cache.bin');
    writeCorpus(dir, 3);
    const file = join(dir, 'part-0', 'brief-0.md');
    const old = new Date('2021-05-01T00:00:00Z');
    utimesSync(file, old, old);
    const first = store(dir, { cacheFile });
    await first.load();
    await first.flushCache();

    const edited = briefText(0).replace('Brief number 0 on', 'Brief NUMBER 0 on');
    expect(Buffer.byteLength(edited)).toBe(statSync(file).size);
    writeFileSync(file, edited);
    const later = new Date('2021-05-01T00:00:01Z');
    utimesSync(file, later, later);

    const second = store(dir, { cacheFile });
    await second.load();
    expect(second.library.get('brief-0')?.title).toBe('Brief NUMBER 0 on the border talks');
  });
});

describe('warm start that checks the folder in the background', () => {
  it('serves the cached briefs at once, then reloads what changed as hot reload does', async () => {
    const dir = tempDir();
    const cacheFile = join(tempDir(), 'cache.bin');
    writeCorpus(dir, 3);
    const first = store(dir, { cacheFile });
    await first.load();
    await first.flushCache();
    writeFileSync(join(dir, 'part-2', 'brief-2.md'), briefText(2, 'A longer, rewritten title for brief two'));
    rmSync(join(dir, 'part-0', 'brief-0.md'));
    writeFileSync(join(dir, 'part-1', 'brief-1.md'), briefText(1).replace('url: https://example.org/briefs/1', 'url: ftp://xy'));

    const second = new ContentStore({ dir, logger: silentLogger(), cacheFile, checkInBackground: true });
    const events: string[] = [];
    second.library.on('change', (e) => events.push(`${e.type} ${e.brief.slug}`));
    const report = await second.load();
    // What the cache holds, as it was: the folder has not been listed or statted yet.
    expect(report.briefs).toBe(3);
    expect(second.library.get('brief-2')?.title).toBe('Brief number 2 on the border talks');

    const checked = await second.checked;
    expect(checked?.changes.map((c) => `${c.type} ${c.brief.slug}`).sort()).toEqual(['removed brief-0', 'updated brief-2']);
    expect(events.sort()).toEqual(['removed brief-0', 'updated brief-2']);
    expect(second.library.get('brief-2')?.title).toBe('A longer, rewritten title for brief two');
    // A broken edit keeps the last good version, as on hot reload.
    expect(second.errors().map((e) => e.file)).toEqual([second.displayPath('part-1/brief-1.md')]);
    expect(second.library.get('brief-1')?.url).toBe('https://example.org/briefs/1');
  });

  it('loads the folder as usual when there is no cache yet', async () => {
    const dir = tempDir();
    writeCorpus(dir, 3);
    const fresh = new ContentStore({ dir, logger: silentLogger(), cacheFile: join(tempDir(), 'none.bin'), checkInBackground: true });
    expect((await fresh.load()).briefs).toBe(3);
    expect(await fresh.checked).toBeUndefined();
  });
});
