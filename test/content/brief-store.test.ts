import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/content/store.js';
import { StoredBrief } from '../../src/content/stored-brief.js';
import { silentLogger } from '../../src/core/logger.js';
import { recordingLogger } from '../helpers/log-lines.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

async function storedFolder() {
  const dir = await tempDir();
  const cacheFile = join(await tempDir(), 'store.db');
  await writeFiles(dir, { 'aral.md': briefFile({ summary: 'The lake keeps shrinking.' }) });
  const first = new ContentStore({ dir, logger: silentLogger(), cacheFile });
  await first.load();
  return { dir, cacheFile };
}

function alter(cacheFile: string, sql: string): void {
  const db = new BetterSqlite3(cacheFile);
  db.exec(sql);
  db.close();
}

describe('the on-disk brief store', () => {
  it('serves a warm start from the store, the long text read when shown', async () => {
    const { dir, cacheFile } = await storedFolder();
    const { logger, messages: warnings } = recordingLogger();
    const warm = new ContentStore({ dir, logger, cacheFile, checkInBackground: true });
    await warm.load();
    const brief = [...warm.library.all()][0];
    expect(brief).toBeInstanceOf(StoredBrief);
    expect(brief?.summary).toBe('The lake keeps shrinking.');
    expect(brief?.sources[0]?.url).toBe('https://example.org/survey');
    expect(warnings).toEqual([]);
  });

  it('rebuilds a store written by another format, with a log line', async () => {
    const { dir, cacheFile } = await storedFolder();
    alter(cacheFile, "UPDATE meta SET value = 'old' WHERE key = 'format'");
    const { logger, messages: warnings } = recordingLogger();
    const store = new ContentStore({ dir, logger, cacheFile, checkInBackground: true });
    await store.load();
    expect(warnings).toEqual(['content cache damaged; parsing every file again']);
    expect([...store.library.all()].map((b) => b.summary)).toEqual(['The lake keeps shrinking.']);
  });

  it('reads a brief from its file when its stored text fails its checksum', async () => {
    const { dir, cacheFile } = await storedFolder();
    alter(cacheFile, "UPDATE details SET summary = 'Something else entirely.'");
    const { logger, messages: warnings } = recordingLogger();
    const store = new ContentStore({ dir, logger, cacheFile, checkInBackground: true });
    await store.load();
    expect([...store.library.all()].map((b) => b.summary)).toEqual(['The lake keeps shrinking.']);
    expect(warnings).toEqual(['content cache entry lost; brief read from its file']);
  });

  it('does not serve a store built from another content folder', async () => {
    const { cacheFile } = await storedFolder();
    const other = await tempDir();
    await writeFiles(other, { 'glaciers.md': briefFile({ title: 'Glaciers retreat', summary: 'Ice is going.' }) });
    const store = new ContentStore({ dir: other, logger: silentLogger(), cacheFile, checkInBackground: true });
    await store.load();
    expect([...store.library.all()].map((b) => [b.title, b.summary])).toEqual([['Glaciers retreat', 'Ice is going.']]);
  });
});
