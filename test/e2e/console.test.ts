import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm start` the way a user does (through tsx), with the given input on stdin. */
async function start(args: string[], input: string | undefined, env: Record<string, string> = {}): Promise<Run> {
  const data = await tempDir('briefbot-data-');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_PATH: join(data, 'briefbot.db'),
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
  });
}

describe('terminal mode', () => {
  it('answers piped commands in order, each followed by a blank line, and exits 1 after a miss', async () => {
    const run = await start([], '/brief xinjang\nbrief sauytbay\n/brief nothing-like-this-qq\n\n/nonsense\n');
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('The Kazakh connection to China\'s "political education" camps\n')).toBe(true);
    expect(run.stdout).toContain(
      '    https://www.hrw.org/report/2018/09/09/eradicating-ideological-viruses/chinas-campaign-repression-against-xinjiangs\n',
    );
    expect(run.stdout).toContain('Kazakh court frees Sayragul Sauytbay');
    expect(run.stdout).toContain('No brief matches "nothing-like-this-qq".');
    expect(run.stdout).toMatch(/There is no command \/nonsense\..*\n\n$/);
    expect(run.stdout).not.toContain('briefbot>');
    expect(run.stdout).not.toContain('"level"');
  });

  it('one-shot: prints one reply and exits 0, or 1 with the notFound text', async () => {
    const hit = await start(['/brief', 'xinjiang'], '');
    expect(hit.code).toBe(0);
    expect(hit.stdout).toMatch(/^The Kazakh connection/);
    const miss = await start(['/brief', 'qqqqqqq'], '');
    expect(miss.code).toBe(1);
    expect(miss.stdout).toContain('No brief matches "qqqqqqq".');
  });

  it('survives hostile lines and keeps answering', async () => {
    const hostile = [
      '/brief ' + 'A'.repeat(10_000),
      '/brief <b>x</b> & "y"',
      '/brief \u0000\u0007\u202e',
      '/brief 🦄'.repeat(50),
      '/help',
    ];
    const run = await start([], hostile.join('\n') + '\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('topic is too long (at most 200 characters)');
    expect(run.stdout).toContain('Commands:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports bad content on stderr and serves the rest', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'good.md': briefFile(), 'bad.md': briefFile({ published: '2024-02-30' }) });
    const run = await start([], '/latest\n', { CONTENT_DIR: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Water levels fall in the Aral Sea');
    expect(run.stderr).toContain('bad.md:4:12 published: must be a real date as YYYY-MM-DD');
  });

  it('picks up a new file while running (hot reload)', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'good.md': briefFile() });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        CONTENT_DIR: dir,
        DATABASE_PATH: join(dir, '.data/db'),
        // The log says when the folder is watched and when the new brief is in.
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.write('/latest\n');
    await until(() => stdout.includes('Water levels') && stderr.includes('content watcher ready'), 10_000);
    await writeFile(join(dir, 'fresh.md'), briefFile({ title: 'A fresh story', topics: '[fresh]' }));
    await until(() => stderr.includes('"brief added"'), 10_000);
    child.stdin.end('/brief fresh\n');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(stdout).toContain('A fresh story');
  });

  it('piped: exits 0 when every answer found something, and stops at /quit', async () => {
    const ok = await start([], '/topics\n/brief xinjiang\n');
    expect(ok.code).toBe(0);
    const quit = await start([], '/topics\n/quit\n/brief qqqqqqqq\n/brief xinjiang\n');
    expect(quit.code).toBe(0);
    expect(quit.stdout).toMatch(/^Topics/);
    expect(quit.stdout).not.toContain('qqqqqqqq');
    expect(quit.stdout).not.toContain('The Kazakh connection');
  });

  it('one-shot answers and exits even with platform tokens set, starting no platform', async () => {
    const run = await start(['/brief', 'xinjiang'], '', {
      TELEGRAM_BOT_TOKEN: '123456789:AAHfakefakefakefakefakefakefakefake',
      // Nothing listens there: starting Telegram would log connection errors and never exit.
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      LOG_LEVEL: 'debug',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^The Kazakh connection/);
    expect(run.stderr).not.toMatch(/telegram|ECONNREFUSED/i);
  });

  it('--help and --version print what they say and start nothing', async () => {
    const help = await start(['--help'], undefined);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm start/);
    expect(help.stdout).toContain('--version');
    const version = await start(['--version'], undefined);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(version.stdout).toBe(`briefbot ${pkg.version}\n`);
    const bad = await start(['--verbose'], undefined);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('briefbot: unknown option --verbose; see --help\n');
  });

  it('logs JSON lines when stderr is not a terminal, short lines with LOG_FORMAT=pretty', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'good.md': briefFile(), 'bad.md': briefFile({ published: '2024-02-30' }) });
    const json = await start([], '/latest\n', { CONTENT_DIR: dir });
    const line = json.stderr.split('\n').find((l) => l.includes('bad.md'))!;
    expect(JSON.parse(line)).toMatchObject({ level: 40, msg: expect.stringContaining('bad.md:4:12 published') });
    const pretty = await start([], '/latest\n', { CONTENT_DIR: dir, LOG_FORMAT: 'pretty' });
    expect(pretty.stderr).toMatch(/^\d\d:\d\d:\d\d WARN .*bad\.md:4:12 published: must be a real date as YYYY-MM-DD$/m);
  });

  it('exits 2 listing every configuration problem, a missing CONTENT_DIR in a sentence', async () => {
    const missing = join(await tempDir(), 'contnet');
    const run = await start(['/brief', 'xinjiang'], '', { CONTENT_DIR: missing, PORT: 'x'.repeat(10_000) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        'briefbot: 2 configuration errors:',
        '  - PORT is 10,000 characters long, more than any setting needs (at most 4,096): check what was pasted into it',
        `  - CONTENT_DIR: the content folder ${missing} does not exist.`,
        '',
      ].join('\n'),
    );
  });

  it('exits 2 with one line naming a bad variable, never its value', async () => {
    const run = await start([], '', { TELEGRAM_BOT_TOKEN: 'hunter2-not-a-token' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('TELEGRAM_BOT_TOKEN');
    expect(run.stderr).not.toContain('hunter2');
  });
});

async function until(check: () => boolean, ms: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
