import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { FIXTURES } from './helpers.js';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(ROOT, 'scripts', 'ingest.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-publish-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ingestProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(TSX, [SCRIPT, ...args], {
      cwd: dir,
      timeout: 60_000,
      env: { ...process.env, CONTENT_DIR: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('from page to published brief', () => {
  it('the command writes into content/drafts by default; the store keeps the draft unserved until draft: true goes', async () => {
    const content = join(dir, 'content');
    const r = await ingestProcess([join(FIXTURES, 'news-article.html'), '--topics', 'water']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Draft written: content\/drafts\/port-calder-approves-412-million-desalination-plant-after\.md$/m,
    );

    const store = new ContentStore({ dir: content, logger: silentLogger() });
    const first = await store.load();
    expect(first.errors).toEqual([]);
    expect(first.drafts).toBe(1);
    expect(first.briefs).toBe(0);
    expect(store.library.lookup('water').kind).toBe('miss');

    const path = join(dir, /^Draft written: (.+)$/m.exec(r.stdout)?.[1] ?? '');
    await writeFile(path, (await readFile(path, 'utf8')).replace(/^draft: true\n/m, ''));
    const second = await store.reload([relative(content, path)]);
    expect(second.errors).toEqual([]);
    expect(second.briefs).toBe(1);
    expect(second.drafts).toBe(0);
    expect(store.library.lookup('water').kind).toBe('found');
    const served = store.library.get('port-calder-approves-412-million-desalination-plant-after');
    expect(served?.publisher).toBe('The Harbour Ledger');
    expect(served?.published).toBe('2025-03-14');
  }, 90_000);

  it('a page that is not an article exits 1 with one line on stderr and writes nothing', async () => {
    const r = await ingestProcess([join(FIXTURES, 'links-page.html')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^ingest: .*links-page\.html: no article found/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await readdir(dir)).toEqual([]);
  }, 90_000);
});
