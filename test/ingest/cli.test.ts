import { mkdtemp, mkdir, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBriefFile } from '../../src/content/parse.js';
import { runIngestCli } from '../../src/ingest/cli.js';
import { FIXTURES } from './helpers.js';

let dir: string;
let out: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-cli-'));
  out = join(dir, 'content', 'drafts');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], stdin?: AsyncIterable<Uint8Array | string>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runIngestCli(args, {
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    today: '2025-03-20',
    ...(stdin ? { stdin } : {}),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

const writtenPath = (stdout: string): string => /^Draft written: (.+)$/m.exec(stdout)?.[1] ?? '';

async function draftsIn(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

describe('npm run ingest', () => {
  it('writes a valid draft and prints its path and what is left to fill in', async () => {
    const r = await run([join(FIXTURES, 'news-article.txt'), '--out', out, '--topics', 'Water, Port Calder']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const path = writtenPath(r.stdout);
    expect(path.startsWith(out)).toBe(true);
    expect(r.stdout).toContain('Still to do before publishing:');
    expect(r.stdout).toMatch(/- url: .*placeholder/);
    expect(r.stdout).toMatch(/- publish: delete the line "draft: true"/);
    const parsed = parseBriefFile(path, await readFile(path, 'utf8'));
    expect(parsed.ok && parsed.brief.draft).toBe(true);
    expect(parsed.ok && parsed.brief.topics).toEqual(['water', 'port-calder']);
    expect(await draftsIn(out)).toEqual([path.slice(out.length + 1)]);
  });

  it('never overwrites an earlier draft of the same page', async () => {
    const input = join(FIXTURES, 'news-article.html');
    const first = writtenPath((await run([input, '--out', out, '--slug', 'desal'])).stdout);
    await writeFile(first, `${await readFile(first, 'utf8')}\nEditor's notes.\n`);
    const second = await run([input, '--out', out, '--slug', 'desal']);
    expect(second.code).toBe(0);
    expect(writtenPath(second.stdout)).toBe(join(out, 'desal-2.md'));
    expect(await readFile(first, 'utf8')).toContain("Editor's notes.");
    expect((await draftsIn(out)).sort()).toEqual(['desal-2.md', 'desal.md']);
  });

  it('reads standard input for -', async () => {
    const page = await readFile(join(FIXTURES, 'news-article.html'));
    const r = await run(['-', '--out', out], Readable.from([page.subarray(0, 5000), page.subarray(5000)]));
    expect(r.code).toBe(0);
    expect(writtenPath(r.stdout)).toBe(join(out, 'port-calder-approves-412-million-desalination-plant-after.md'));
  });

  it('still drafts from a page cut off halfway, as a browser would show it', async () => {
    const page = await readFile(join(FIXTURES, 'news-article.html'), 'utf8');
    const cut = page.slice(0, page.indexOf('Environmental groups') + 40);
    await writeFile(join(dir, 'cut.html'), cut);
    const r = await run([join(dir, 'cut.html'), '--out', out]);
    expect(r.code).toBe(0);
    const text = await readFile(writtenPath(r.stdout), 'utf8');
    expect(parseBriefFile('x.md', text).ok).toBe(true);
  });

  it('rejects a bad --slug and unknown options', async () => {
    const input = join(FIXTURES, 'news-article.html');
    const badSlug = await run([input, '--out', out, '--slug', 'Not A Slug']);
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toMatch(/--slug/);
    const unknown = await run([input, '--out', out, '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/usage: npm run ingest/);
    expect(await draftsIn(out)).toEqual([]);
  });
});

describe('bad input: a clear message, exit 1, nothing written', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['an empty file', () => file('empty.txt', ''), /is empty/],
    ['a file of blank lines', () => file('blank.txt', '\n\n   \n'), /is empty/],
    [
      'a PNG image',
      () => file('photo.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
      /PNG/,
    ],
    ['a PDF', () => file('page.html', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /PDF/],
    [
      'binary bytes',
      () => file('data.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))),
      /binary/,
    ],
    [
      'a 50 MB file',
      async () => {
        const path = join(dir, 'huge.html');
        await writeFile(path, '<html>');
        await truncate(path, 50 * 1024 * 1024);
        return path;
      },
      /larger than 10 MB/,
    ],
    [
      'HTML that is only broken tags',
      () => file('broken.html', '<html><body><div><p>>>><<</div></span></table><p><b'),
      /no article found/,
    ],
    ['a list of links', async () => join(FIXTURES, 'links-page.html'), /no article found/],
    [
      'HTML nested 2,000 levels deep',
      () =>
        file(
          'deep.html',
          `<html><body>${'<div>'.repeat(2000)}<p>${'Words and more words. '.repeat(40)}</p></body></html>`,
        ),
      /nested more than 512 levels deep/,
    ],
    [
      'a page of 10 MB of nested <div>s',
      () => {
        const body = '<div>'.repeat(Math.floor((10 * 1024 * 1024 - 100) / 5));
        return file('divs.html', `<html><body>${body}</body></html>`);
      },
      /nested more than 512 levels deep/,
    ],
    [
      'a script element that never closes over the story',
      async () => {
        const page = await readFile(join(FIXTURES, 'news-article.html'), 'utf8');
        return file(
          'unclosed.html',
          page.replace('<div class="story-body">', '<div class="story-body"><script>var x = 1;'),
        );
      },
      /no article found/,
    ],
    [
      'an unknown declared encoding',
      () =>
        file(
          'odd.html',
          `<html><head><meta charset="x-klingon-8"></head><body>${'<p>Some text here. More text.</p>'.repeat(20)}</body></html>`,
        ),
      /unknown text encoding "x-klingon-8"/,
    ],
    [
      'text that is not UTF-8 and names no encoding',
      () => file('latin.txt', Buffer.from('Caf\xe9 owners in the old town say trade is down.\n'.repeat(20), 'latin1')),
      /not valid UTF-8 .*--encoding/,
    ],
    ['a missing file', async () => join(dir, 'nope.html'), /no such file/],
    [
      'a folder',
      async () => {
        await mkdir(join(dir, 'folder.html'));
        return join(dir, 'folder.html');
      },
      /is a folder/,
    ],
  ];

  async function file(name: string, content: string | Buffer): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  for (const [what, make, message] of cases) {
    it(what, async () => {
      const r = await run([await make(), '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^ingest: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(await draftsIn(out)).toEqual([]);
    });
  }

  it('more than 10 MB on standard input', async () => {
    const mb = Buffer.alloc(1024 * 1024, 'a');
    async function* fifty() {
      for (let i = 0; i < 50; i++) yield mb;
    }
    const r = await run(['-', '--out', out], fifty());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ingest: standard input is larger than 10 MB; that is not an article page');
    expect(await draftsIn(out)).toEqual([]);
  });

  it('reads a non-UTF-8 file when --encoding names its encoding', async () => {
    const body = 'Café owners in the old town say trade fell by 12% in 2024, the chamber of commerce reports.\n\n';
    const path = await file('latin.txt', Buffer.from(`Old town cafés struggle\n\n${body.repeat(3)}`, 'latin1'));
    const r = await run([path, '--out', out, '--encoding', 'windows-1252']);
    expect(r.code).toBe(0);
    expect(await readFile(writtenPath(r.stdout), 'utf8')).toContain('Café owners');
  });
});

describe('drafts and the content store', () => {
  it('writes into drafts/ under CONTENT_DIR, and warns when a published brief already has the slug', async () => {
    const content = join(dir, 'store');
    await mkdir(join(content, 'water'), { recursive: true });
    await writeFile(join(content, 'water', 'desal.md'), '---\ntitle: x\n---\n');
    await writeFile(join(content, 'other.md'), '---\nslug: desal\ntitle: y\n---\n');
    const stdout: string[] = [];
    const code = await runIngestCli([join(FIXTURES, 'news-article.html'), '--slug', 'desal'], {
      stdout: (l) => stdout.push(l),
      stderr: () => undefined,
      contentDir: content,
    });
    expect(code).toBe(0);
    expect(stdout[0]).toBe(`Draft written: ${join(content, 'drafts', 'desal.md')}`);
    expect(stdout).toContain(
      `  - slug: ${join(content, 'other.md')}, ${join(content, 'water', 'desal.md')} already uses "desal"; add a different slug: line before publishing`,
    );
    expect(stdout.at(-1)).toMatch(/publish: delete the line/);
  });
});
