import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi, groupChat, user } from '../fakes/telegram-api.js';
import { eventually, spawnMain, type MainProcess } from './main-process.js';
import { textOf, writeFixtures } from './telegram-harness.js';

const count = (databasePath: string, sql: string, ...args: string[]): number => {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare<string[], { n: number }>(sql).get(...args)?.n ?? 0) as number;
  } finally {
    db.close();
  }
};

describe('telegram: crashes and stops of the real process', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  async function setUp() {
    const fake = await FakeTelegramApi.start({ botUsername: 'BriefTestBot' });
    const dir = await mkdtemp(join(tmpdir(), 'briefbot-telegram-crash-'));
    await writeFixtures(join(dir, 'content'));
    const databasePath = join(dir, 'data', 'briefbot.db');
    const mains: MainProcess[] = [];
    const start = () => {
      const main = spawnMain({
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.url,
        CONTENT_DIR: join(dir, 'content'),
        DATABASE_PATH: databasePath,
      });
      mains.push(main);
      return main;
    };
    cleanup.push(async () => {
      for (const main of mains) main.child.kill('SIGKILL');
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { fake, databasePath, start };
  }

  it('an answered /post is not run again when the process dies before its offset was confirmed', async () => {
    const { fake, databasePath, start } = await setUp();
    const first = start();
    await fake.waitFor(() => fake.polling, 30_000, 'polling');
    const newsroom = groupChat(-5001);
    const editor = user(501, 'Editor');
    fake.setMember(newsroom.id, editor.id, 'administrator');

    // From the moment the bot has the update, Telegram stops answering getUpdates: no offset gets through.
    let updateId = -1;
    fake.once('delivered', (update) => {
      updateId = update.update_id;
      fake.fault({ method: 'getUpdates', hang: true, times: Infinity });
    });
    fake.sendText(newsroom, editor, '/post@BriefTestBot sauytbay');
    const sent = await fake.waitForSent(2, newsroom.id, 20_000);
    expect(textOf(sent[1]!)).toMatch(/^Posted "Kazakh court frees/);
    const handled = "SELECT count(*) AS n FROM handled_updates WHERE platform = 'telegram' AND update_id = ?";
    await eventually(
      () => count(databasePath, handled, `${updateId}:done`) === 1,
      10_000,
      'the update recorded as done',
    );
    expect(fake.unconfirmed).toBe(1);

    first.child.kill('SIGKILL');
    await first.exited;
    fake.clearFaults();
    const second = start();
    // Telegram hands the update out again; the restarted bot confirms it without posting again.
    await fake.waitFor(() => fake.unconfirmed === 0 && fake.polling, 30_000, 'the update confirmed');
    expect(fake.sent(newsroom.id)).toHaveLength(2);
    expect(count(databasePath, 'SELECT count(*) AS n FROM posts')).toBe(1);
    expect(second.child.exitCode).toBeNull();
  }, 60_000);

  it('on SIGTERM, a Bot API that never answers the confirming getUpdates does not keep the process alive', async () => {
    const { fake, start } = await setUp();
    const main = start();
    await fake.waitFor(() => fake.polling, 30_000, 'polling');
    fake.fault({ method: 'getUpdates', hang: true, times: Infinity });
    const signalled = performance.now();
    main.child.kill('SIGTERM');
    const code = await Promise.race([
      main.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000)),
    ]);
    expect(code).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(15_000);
    expect(main.logged('could not confirm the last telegram updates')).toHaveLength(1);
  }, 40_000);
});
