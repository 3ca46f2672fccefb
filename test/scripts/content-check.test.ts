import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run content:check -- <dir>`, as a newsroom's CI runs it. */
function contentCheck(dir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', dir], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run content:check', () => {
  it("explains each of an editor's mistakes in its own file, and exits 1", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'good.md': briefFile(),
      'colon.md': briefFile({ title: 'Kazakhstan: the camps', slug: 'colon' }),
      'topics.md': briefFile({ topics: 'water, aral sea', slug: 'topics' }),
      'unclosed.md': briefFile({ slug: 'unclosed' }).replace(/---\nLonger text\.\n$/, ''),
      'misspelt.md': briefFile({ slug: 'misspelt' }).replace(/^summary:/m, 'sumary:'),
      'scheme.md': briefFile({ slug: 'scheme', url: 'www.example.org/aral' }),
    });
    const run = await contentCheck(dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const of = (name: string) => lines.filter((l) => l.startsWith(join(dir, name)));
    expect(of('colon.md')).toEqual([expect.stringMatching(/:2:1 title: put the title in quotes/)]);
    expect(of('topics.md')).toEqual([
      expect.stringMatching(/:3:9 topics: must be a list like \[a, b\]; write topics: \[water, aral sea\]$/),
    ]);
    expect(of('unclosed.md')).toEqual([expect.stringMatching(/:1:1 .*never closed: add a line "---"/)]);
    expect(of('misspelt.md')).toEqual([expect.stringMatching(/:7:1 sumary: unknown field; did you mean summary\?$/)]);
    expect(of('scheme.md')).toEqual([expect.stringMatching(/url: invalid URL: add https:\/\/ at the start/)]);
    expect(lines.at(-1)).toBe(`5 errors; 1 valid brief in ${dir}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an empty folder and a missing one, in one sentence each', async () => {
    const empty = await tempDir();
    const emptyRun = await contentCheck(empty);
    expect(emptyRun.code).toBe(1);
    expect(emptyRun.stderr).toBe(
      `content:check: there are no briefs in ${empty} (no .md files): is it the right folder?\n`,
    );

    const missing = join(empty, 'contnet');
    const missingRun = await contentCheck(missing);
    expect(missingRun.code).toBe(1);
    expect(missingRun.stderr).toBe(
      `content:check: the content folder ${missing} does not exist. Pass the folder as an argument or set CONTENT_DIR.\n`,
    );
    expect(missingRun.stderr).not.toContain('ENOENT');
  });

  it('names a folder called x.md instead of failing or passing it over in silence', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'good.md': briefFile(), 'x.md/inner.md': briefFile({ slug: 'inner' }) });
    await mkdir(join(dir, 'empty.md'));
    const run = await contentCheck(dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${join(dir, 'empty.md')} is a folder, not a brief: a brief is a file ending in .md (briefs inside the folder are read as usual)`,
      `${join(dir, 'x.md')} is a folder, not a brief: a brief is a file ending in .md (briefs inside the folder are read as usual)`,
      `2 valid briefs in ${dir}`,
      '',
    ]);
  });
});
