import BetterSqlite3 from 'better-sqlite3';
import { openSync, writeSync, closeSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BriefDb } from '../../src/content/brief-db.js';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { recordingLogger } from '../helpers/log-lines.js';
import { briefFile, twoBriefFolder, writeFiles } from '../helpers/briefs.js';

/** A folder of two briefs and a store its last writer closed cleanly. */
async function cleanlyStored() {
  const { dir, cacheFile } = await twoBriefFolder();
  const first = new ContentStore({ dir, logger: silentLogger(), cacheFile });
  await first.load();
  await first.flushCache();
  return { dir, cacheFile };
}

function query<T>(cacheFile: string, sql: string): T[] {
  const db = new BetterSqlite3(cacheFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

function exec(cacheFile: string, sql: string): void {
  const db = new BetterSqlite3(cacheFile);
  db.exec(sql);
  db.close();
}

/** Overwrites one page of the SQLite file with noise, as a torn write of a crashed process would leave it. */
function tearPageOf(cacheFile: string, table: string): void {
  const { rootpage } = query<{ rootpage: number }>(cacheFile, `SELECT rootpage FROM sqlite_master WHERE name = '${table}'`)[0]!;
  const { page_size: pageSize } = query<{ page_size: number }>(cacheFile, 'PRAGMA page_size')[0]!;
  const fd = openSync(cacheFile, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
}

/** More than the pages a full store may still take. */
const LONG_BODY = 'The water comes in further each year. '.repeat(1500);

const served = (store: ContentStore) => [...store.library.all()].map((b) => [b.slug, b.title, b.summary]).sort();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the brief store on a full disk', () => {
  it('keeps the last good store when a write fails for want of space, serves the new files, and says so', async () => {
    const { dir, cacheFile } = await cleanlyStored();
    const before = query(cacheFile, 'SELECT file, title, digest FROM files ORDER BY file');
    const write = BriefDb.prototype.write;
    // SQLite's own full-disk path: the file may not grow by a page, so the transaction fails part-way and rolls back.
    vi.spyOn(BriefDb.prototype, 'write').mockImplementation(function (this: BriefDb, ...args) {
      const db = (this as unknown as { db: BetterSqlite3.Database }).db;
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
      return write.apply(this, args);
    });
    await writeFiles(dir, {
      'aral.md': briefFile({ title: 'The Aral Sea shrinks again', summary: 'Another metre lost.' }),
      'tides.md': briefFile({ title: 'Tides rise', url: 'https://example.org/tides', summary: 'Seas rise.' }) + LONG_BODY,
    });
    const { logger, lines: warnings } = recordingLogger();
    const full = new ContentStore({ dir, logger, cacheFile });
    await full.load();
    await full.flushCache();

    expect(warnings.map((w) => w.msg)).toContain('could not write the content cache');
    expect(warnings.find((w) => w.err)?.err?.message).toMatch(/full/);
    expect(served(full)).toEqual([
      ['aral', 'The Aral Sea shrinks again', 'Another metre lost.'],
      ['glaciers', 'Glaciers retreat', 'Ice is going.'],
      ['tides', 'Tides rise', 'Seas rise.'],
    ]);
    expect(query(cacheFile, 'SELECT file, title, digest FROM files ORDER BY file')).toEqual(before);
    expect(query<{ integrity_check: string }>(cacheFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    vi.restoreAllMocks();
    const { logger: nextLogger, lines: nextWarnings } = recordingLogger();
    const next = new ContentStore({ dir, logger: nextLogger, cacheFile });
    await next.load();
    await next.flushCache();
    expect(nextWarnings).toEqual([]);
    expect(served(next)).toEqual(served(full));
    expect(next.library.get('tides')?.body).toBe(`Longer text.\n${LONG_BODY}`.trim());
    expect(query<{ file: string }>(cacheFile, 'SELECT file FROM files ORDER BY file').map((r) => r.file)).toEqual([
      'aral.md',
      'glaciers.md',
      'tides.md',
    ]);
  });
});

describe('a store left by a crashed process', () => {
  it('is checked, found damaged, rebuilt from the Markdown files with a log line and never served wrongly', async () => {
    const { dir, cacheFile } = await cleanlyStored();
    exec(cacheFile, "UPDATE meta SET value = '0' WHERE key = 'clean'");
    tearPageOf(cacheFile, 'sqlite_autoindex_files_1');
    const { logger, lines: warnings } = recordingLogger();
    const store = new ContentStore({ dir, logger, cacheFile, checkInBackground: true });
    await store.load();

    expect(warnings.map((w) => w.msg)).toEqual(['content cache damaged; parsing every file again']);
    expect(warnings[0]?.reason).toMatch(/^quick_check: /);
    expect(served(store)).toEqual([
      ['aral', 'Water levels fall in the Aral Sea', 'The lake keeps shrinking.'],
      ['glaciers', 'Glaciers retreat', 'Ice is going.'],
    ]);
    await store.flushCache();
    expect(query<{ integrity_check: string }>(cacheFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(query<{ n: number }>(cacheFile, 'SELECT count(*) AS n FROM files')).toEqual([{ n: 2 }]);
  });

  it('is served at once when the check finds it whole', async () => {
    const { dir, cacheFile } = await cleanlyStored();
    exec(cacheFile, "UPDATE meta SET value = '0' WHERE key = 'clean'");
    const { logger, lines: warnings } = recordingLogger();
    const store = new ContentStore({ dir, logger, cacheFile, checkInBackground: true });
    await store.load();
    expect(warnings).toEqual([]);
    expect(served(store)).toEqual([
      ['aral', 'Water levels fall in the Aral Sea', 'The lake keeps shrinking.'],
      ['glaciers', 'Glaciers retreat', 'Ice is going.'],
    ]);
  });
});
