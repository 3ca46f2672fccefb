import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THREADS_FROM, parseFiles } from '../../src/content/parse-pool.js';
import type { FileRead } from '../../src/content/read-brief.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = Array.from({ length: THREADS_FROM + 10 }, (_, i) => `b-${i}.md`);
files.forEach((file, i) =>
  writeFileSync(
    join(dir, file),
    i === 7
      ? '---\ntitle: no closing fence\n'
      : `---\ntitle: Brief ${i}\ntopics: [t${i % 5}]\npublished: 2021-02-03\npublisher: Desk\nurl: https://example.org/${i}\nsummary: S ${i}.\nfacts: [F ${i}.]\n---\n`,
  ),
);

describe('parseFiles', () => {
  it('spreads a large batch over threads and reports every file once', async () => {
    const reads: FileRead[] = [];
    const { onThreads } = await parseFiles(dir, [...files, 'gone.md'], { threads: 2, onRead: (r) => reads.push(r) });
    expect(onThreads).toBe(files.length + 1);
    expect(reads).toHaveLength(files.length + 1);
    expect(new Set(reads.map((r) => r.file)).size).toBe(files.length + 1);
    const byFile = new Map(reads.map((r) => [r.file, r]));
    expect(byFile.get('gone.md')).toEqual({ file: 'gone.md', missing: true });
    expect(byFile.get('b-7.md')).toMatchObject({ errors: [{ line: 1 }] });
    const ok = byFile.get('b-3.md');
    expect(ok && 'brief' in ok && [ok.brief.slug, ok.brief.topics, ok.stamp.size > 0]).toEqual(['b-3', ['t3'], true]);
  }, 60_000);

  it('stays on this thread for small batches or when told to', async () => {
    const reads: FileRead[] = [];
    expect(await parseFiles(dir, files.slice(0, 5), { onRead: (r) => reads.push(r) })).toEqual({ onThreads: 0 });
    expect(await parseFiles(dir, files, { threads: 0, onRead: (r) => reads.push(r) })).toEqual({ onThreads: 0 });
    expect(reads).toHaveLength(5 + files.length);
  }, 60_000);
});
