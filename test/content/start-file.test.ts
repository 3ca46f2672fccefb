import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { recordingLogger } from '../helpers/log-lines.js';
import { briefFile, twoBriefFolder, writeFiles } from '../helpers/briefs.js';

const REFUSED = 'start file not used; reading every brief from the store';

/** A folder of two briefs, a store, and the start file written once the indexes were complete. */
async function started() {
  const { dir, cacheFile } = await twoBriefFolder();
  const first = new ContentStore({ dir, logger: silentLogger(), cacheFile });
  await first.load();
  await first.library.textReady();
  await first.flushCache();
  expect(existsSync(`${cacheFile}.start`)).toBe(true);
  return { dir, cacheFile, startFile: `${cacheFile}.start` };
}

async function warmStart(dir: string, cacheFile: string) {
  const { logger, lines } = recordingLogger('info');
  const store = new ContentStore({ dir, logger, cacheFile, checkInBackground: true });
  await store.load();
  await store.checked;
  return { store, lines };
}

function generation(cacheFile: string): number {
  const db = new BetterSqlite3(cacheFile, { readonly: true });
  try {
    return Number(db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get());
  } finally {
    db.close();
  }
}

const served = (store: ContentStore) => [...store.library.all()].map((b) => [b.slug, b.title, b.summary]).sort();
const SERVED = [
  ['aral', 'Water levels fall in the Aral Sea', 'The lake keeps shrinking.'],
  ['glaciers', 'Glaciers retreat', 'Ice is going.'],
];

describe('the start file', () => {
  it('serves a warm start without a log line, and answers as the folder does', async () => {
    const { dir, cacheFile } = await started();
    const { store, lines } = await warmStart(dir, cacheFile);
    expect(lines).toEqual([]);
    expect(served(store)).toEqual(SERVED);
    expect(store.library.searchText('shrinking lake', 5).map((r) => r.slug)).toEqual(['aral']);
  });

  it('is refused when a byte of it changed, and the store serves the same briefs', async () => {
    const { dir, cacheFile, startFile } = await started();
    const bytes = readFileSync(startFile);
    const at = bytes.indexOf('Glaciers retreat');
    bytes.write('Glaciers advance', at, 'latin1');
    writeFileSync(startFile, bytes);
    const { store, lines } = await warmStart(dir, cacheFile);
    expect(lines.map((l) => [l.msg, l.reason])).toEqual([[REFUSED, 'start file fails its CRC']]);
    expect(served(store)).toEqual(SERVED);
  });

  it('is refused when truncated', async () => {
    const { dir, cacheFile, startFile } = await started();
    writeFileSync(startFile, readFileSync(startFile).subarray(0, 200));
    const { store, lines } = await warmStart(dir, cacheFile);
    expect(lines.map((l) => l.reason)).toEqual(['start file is truncated']);
    expect(served(store)).toEqual(SERVED);
  });

  it('is not used after the store was written again and the process stopped without closing it', async () => {
    const { dir, cacheFile } = await started();
    const second = await warmStart(dir, cacheFile);
    const before = generation(cacheFile);
    await writeFiles(dir, { 'aral.md': briefFile({ summary: 'The lake is half gone.' }) });
    await second.store.reload(['aral.md']);
    // The edit reaches the store after a second of quiet; then the process dies without a clean stop.
    await vi.waitFor(() => expect(generation(cacheFile)).toBe(before + 1), { timeout: 10_000, interval: 50 });
    const { store, lines } = await warmStart(dir, cacheFile);
    expect(lines.map((l) => l.reason)).toEqual(['start file was written for another state of the store']);
    expect(store.library.get('aral')?.summary).toBe('The lake is half gone.');
  });

  it('is written again at a clean stop after edits, and used by the next start', async () => {
    const { dir, cacheFile } = await started();
    const second = await warmStart(dir, cacheFile);
    await writeFiles(dir, { 'tides.md': briefFile({ title: 'Tides rise', url: 'https://example.org/tides', summary: 'Higher.' }) });
    await second.store.reload(['tides.md']);
    await second.store.flushCache();
    const { store, lines } = await warmStart(dir, cacheFile);
    expect(lines).toEqual([]);
    expect(store.library.searchText('tides', 5).map((r) => r.slug)).toEqual(['tides']);
  });

  it('of a store that was rebuilt is not used for the new one', async () => {
    const { dir, cacheFile, startFile } = await started();
    const old = readFileSync(startFile);
    rmSync(cacheFile);
    const rebuilt = new ContentStore({ dir, logger: silentLogger(), cacheFile });
    await rebuilt.load();
    writeFileSync(startFile, old);
    const { store, lines } = await warmStart(dir, cacheFile);
    expect(lines.map((l) => l.reason)).toEqual(['start file was written for another state of the store']);
    expect(served(store)).toEqual(SERVED);
  });
});
