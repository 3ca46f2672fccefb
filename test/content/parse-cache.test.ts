import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { recordingLogger } from '../helpers/log-lines.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

/** A real pino logger whose warnings are kept as their messages. */
async function cachedStore() {
  const dir = await tempDir();
  const cacheFile = join(await tempDir(), 'cache.bin');
  await writeFiles(dir, {
    'kazakhs.md': briefFile({ title: 'Ethnic Kazakhs held in camps', url: 'https://example.org/kazakhs' }),
  });
  const first = new ContentStore({ dir, logger: silentLogger(), cacheFile });
  await first.load();
  await first.library.textReady();
  await first.flushCache();
  expect(existsSync(`${cacheFile}.start`)).toBe(true);
  return { dir, cacheFile };
}

/** Replaces the first bytes `from` by `to` (same length) in the store and in its start file. */
function corrupt(cacheFile: string, from: string, to: string): void {
  for (const file of [cacheFile, `${cacheFile}.start`]) {
    const bytes = readFileSync(file);
    const at = bytes.indexOf(from);
    expect(at).toBeGreaterThan(0);
    bytes.write(to, at, 'latin1');
    writeFileSync(file, bytes);
  }
}

describe('parse cache integrity', () => {
  it('re-parses instead of serving a cached title whose bytes were flipped', async () => {
    const { dir, cacheFile } = await cachedStore();
    corrupt(cacheFile, 'Kazakhs', 'Chinese');
    const { logger, messages: warnings } = recordingLogger();
    const store = new ContentStore({ dir, logger, cacheFile });
    await store.load();
    expect(store.library.get('kazakhs')?.title).toBe('Ethnic Kazakhs held in camps');
    expect(warnings).toContain('content cache damaged; parsing every file again');
  });

  it('re-parses when a cached URL is altered, and when the file is truncated', async () => {
    const { dir, cacheFile } = await cachedStore();
    corrupt(cacheFile, 'example.org/kazakhs', 'example.net/kazakhs');
    const altered = new ContentStore({ dir, logger: silentLogger(), cacheFile });
    await altered.load();
    expect(altered.library.get('kazakhs')?.url).toBe('https://example.org/kazakhs');
    await altered.flushCache();

    writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 60));
    const truncated = new ContentStore({ dir, logger: silentLogger(), cacheFile });
    await truncated.load();
    expect(truncated.library.get('kazakhs')?.url).toBe('https://example.org/kazakhs');
  });

  it('writes a cache that the next start trusts', async () => {
    const { dir, cacheFile } = await cachedStore();
    const { logger, messages: warnings } = recordingLogger();
    const store = new ContentStore({ dir, logger, cacheFile });
    await store.load();
    expect(store.library.get('kazakhs')?.title).toBe('Ethnic Kazakhs held in camps');
    expect(warnings).toEqual([]);
  });
});
