import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { textOf, writeFixtures } from './telegram-harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start` with a Telegram token: the real entry point in its own process. */
async function startMain(fake: FakeTelegramApi, dir: string) {
  await writeFixtures(join(dir, 'content'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      CONTENT_DIR: join(dir, 'content'),
      DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
      LOG_LEVEL: 'info',
      PORT: '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('telegram: the real entry point starts and shuts down cleanly', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  it('polls instead of opening the terminal, and on SIGTERM confirms the offset, drains a pending send and exits 0', async () => {
    const fake = await FakeTelegramApi.start();
    const dir = await mkdtemp(join(tmpdir(), 'briefbot-telegram-main-'));
    const main = await startMain(fake, dir);
    cleanup.push(async () => {
      main.child.kill('SIGKILL');
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    });
    await fake.waitFor(() => fake.polling, 30_000, 'polling');

    const u = user(601);
    const chat = privateChat(u);
    fake.sendText(chat, u, '/brief xinjiang');
    await fake.waitForSent(1, chat.id, 20_000);

    // This reply meets a 429 and is still waiting to be retried when the signal arrives.
    fake.fault({
      method: 'sendMessage',
      chatId: chat.id,
      error: { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } },
    });
    fake.sendText(chat, u, '/brief sauytbay');
    await fake.waitFor(() => fake.callsTo('sendMessage').some((c) => c.status === 429), 20_000, 'the 429');
    main.child.kill('SIGTERM');

    expect(await main.exited).toBe(0);
    const sent = fake.sent(chat.id);
    expect(sent.map(textOf).map((t) => t.split('\n')[0])).toEqual([
      'The Kazakh connection to China\'s "political education" camps',
      "Kazakh court frees Sayragul Sauytbay, a witness to China's camps",
    ]);
    expect(fake.unconfirmed).toBe(0);
    expect(fake.callsTo('getUpdates').at(-1)!.params).toMatchObject({ limit: 1, timeout: 0 });
    const { stdout, stderr } = main.output();
    expect(stdout).not.toContain('briefbot>');
    expect(stderr).toContain('telegram bot started');
    expect(stderr).not.toContain(fake.token);
  });

  /** Runs main against a fake, sends `/brief sauytbay` and holds the reply with a 30 s 429. */
  async function mainWithStuckReply(userId: number) {
    const fake = await FakeTelegramApi.start();
    const dir = await mkdtemp(join(tmpdir(), 'briefbot-telegram-main-'));
    const mains = [await startMain(fake, dir)];
    cleanup.push(async () => {
      for (const main of mains) main.child.kill('SIGKILL');
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    });
    await fake.waitFor(() => fake.polling, 30_000, 'polling');
    const u = user(userId);
    const chat = privateChat(u);
    fake.fault({
      method: 'sendMessage',
      chatId: chat.id,
      error: { error_code: 429, description: 'Too Many Requests: retry after 30', parameters: { retry_after: 30 } },
    });
    fake.sendText(chat, u, '/brief sauytbay');
    await fake.waitFor(() => fake.callsTo('sendMessage').some((c) => c.status === 429), 20_000, 'the 429');
    return { fake, dir, mains, chat };
  }

  it('drops nothing: an update being handled when the process dies is handed out again', async () => {
    const { fake, dir, mains, chat } = await mainWithStuckReply(602);
    const first = mains[0]!;
    expect(fake.unconfirmed).toBe(1);
    first.child.kill('SIGKILL');
    await first.exited;

    mains.push(await startMain(fake, dir));
    const [sent] = await fake.waitForSent(1, chat.id, 30_000);
    expect(textOf(sent!)).toMatch(/^Kazakh court frees Sayragul Sauytbay/);
  });

  it('on SIGTERM gives a stuck reply 5 s, exits 0 and leaves its update for the next start', async () => {
    const { fake, dir, mains, chat } = await mainWithStuckReply(603);
    const signalled = performance.now();
    mains[0]!.child.kill('SIGTERM');
    expect(await mains[0]!.exited).toBe(0);
    const took = performance.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(4500);
    expect(took).toBeLessThan(15_000);
    expect(fake.unconfirmed).toBe(1);

    mains.push(await startMain(fake, dir));
    const [sent] = await fake.waitForSent(1, chat.id, 30_000);
    expect(textOf(sent!)).toMatch(/^Kazakh court frees Sayragul Sauytbay/);
  });
});
