import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { briefFile, tempDir } from '../helpers/briefs.js';
import { startInPty, type PtyRun } from '../helpers/pty.js';

const URL_IN_BRIEF =
  'https://www.hrw.org/report/2018/09/09/eradicating-ideological-viruses/chinas-campaign-repression-against-xinjiangs';

async function place(): Promise<{ content: string; env: Record<string, string> }> {
  const content = await tempDir('briefbot-tty-content-');
  await cp('content', content, { recursive: true });
  const data = await tempDir('briefbot-tty-data-');
  // Updates go out as soon as a brief is saved, not after the usual quiet time.
  const env = { CONTENT_DIR: content, DATABASE_PATH: join(data, 'briefbot.db'), ANNOUNCE_QUIET_SECONDS: '0' };
  return { content, env };
}

describe('the terminal mode in a real terminal', () => {
  let run: PtyRun | undefined;
  afterEach(async () => {
    run?.child.kill();
    await run?.exited;
    run = undefined;
  });

  it('wraps replies at 20 columns, words whole and URLs unsplit', async () => {
    const { env } = await place();
    run = startInPty(20, env);
    await run.waitFor(/briefbot>$/);
    run.send('/brief xinjiang\r');
    await run.waitFor(/Related:[\s\S]*briefbot>$/);
    const screen = run.screen();
    expect(screen).toContain(`    ${URL_IN_BRIEF}`.slice(0, 20));
    // The URL arrives whole on one line of its own: the terminal wraps it, not the bot.
    expect(run.raw()).toContain(`\r\n    ${URL_IN_BRIEF}\r\n`);
    const words = (run.raw().match(/[^\s\x1b]+/g) ?? []).join(' ');
    expect(words).toContain('Key facts:');
    for (const line of run.raw().split('\r\n')) {
      if (!line.includes('https://') && !line.includes('\x1b') && !/\S{17,}/.test(line)) {
        expect(line.length, line).toBeLessThanOrEqual(20);
      }
    }
    expect(screen.join('\n')).toContain('Ethnic Kazakhs are\namong the Muslims');
    run.send('/quit\r');
    expect(await run.exited).toBe(0);
  });

  it('prints log lines and subscription updates above the prompt, keeping what the user typed', async () => {
    const { content, env } = await place();
    run = startInPty(200, env);
    await run.waitFor(/briefbot>$/);
    run.send('/subscribe xinjiang\r');
    await run.waitFor(/now follows xinjiang[\s\S]*briefbot>$/);
    run.send('/bri');
    await run.waitFor(/briefbot> \/bri$/);

    await writeFile(join(content, 'broken.md'), '---\ntitle: Broken: a colon\n---\n');
    await run.waitFor(/WARN .*broken\.md:2:1 title: put the title in quotes[\s\S]*\nbriefbot> \/bri$/);

    await writeFile(join(content, 'fresh.md'), briefFile({ title: 'Fresh news from Xinjiang', topics: '[xinjiang]' }));
    await run.waitFor(/\[New\] Fresh news from Xinjiang[\s\S]*\nbriefbot> \/bri$/);
    const screen = run.screen();
    expect(screen.filter((l) => l.startsWith('briefbot>') && /WARN|\[New\]/.test(l))).toEqual([]);
    expect(screen.some((l) => /^\d\d:\d\d:\d\d WARN /.test(l))).toBe(true);

    run.send('n xinjiang\r');
    await run.waitFor(/briefbot> \/brin xinjiang\n[\s\S]*Did you mean/);
  });

  it('answers a 20-column one-shot with wrapped text and the exit code of the answer', async () => {
    const { env } = await place();
    run = startInPty(20, env, ['/brief', 'qqqqqqqq']);
    expect(await run.exited).toBe(1);
    expect(run.screen()[0]).toBe('No brief matches');
    expect(run.raw()).not.toMatch(/\n\s+at /);
  });
});
