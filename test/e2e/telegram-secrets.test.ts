import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { spawnMain } from './main-process.js';
import { textOf, writeFixtures } from './telegram-harness.js';

const HTML_404 = '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';
const UNAVAILABLE_PAGE = 'Service Unavailable. Please try again later.';

describe('telegram: the token never reaches the logs', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  it('scrubs it from errors about bodies that are not JSON, at start-up, while polling, sending and stopping', async () => {
    const fake = await FakeTelegramApi.start();
    const dir = await mkdtemp(join(tmpdir(), 'briefbot-telegram-secrets-'));
    await writeFixtures(join(dir, 'content'));
    // A proxy in front of the Bot API answers with pages instead of JSON.
    fake.fault({ method: 'getMe', raw: { status: 200, body: UNAVAILABLE_PAGE, contentType: 'text/plain' } });
    fake.fault({ method: 'getUpdates', times: 2, raw: { status: 404, body: HTML_404 } });
    const main = spawnMain({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      CONTENT_DIR: join(dir, 'content'),
      DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
    });
    cleanup.push(async () => {
      main.child.kill('SIGKILL');
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    });
    await fake.waitFor(() => fake.polling, 30_000, 'polling after the error pages');

    const u = user(651);
    const chat = privateChat(u);
    fake.fault({ method: 'sendMessage', chatId: chat.id, raw: { status: 200, body: UNAVAILABLE_PAGE } });
    fake.sendText(chat, u, '/brief xinjiang');
    const [sent] = await fake.waitForSent(1, chat.id, 20_000);
    expect(textOf(sent!)).toMatch(/Kazakh/);

    // The last confirmation meets an error page too.
    fake.fault({ method: 'getUpdates', times: 5, raw: { status: 404, body: HTML_404 } });
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);

    const stderr = main.stderr();
    const secret = fake.token.split(':')[1]!;
    // No line carries the secret, in any form...
    expect(stderr).not.toContain(secret);
    expect(stderr).not.toContain(fake.token.split(':')[0] + ':');
    // ...though each page really produced an error that quoted the request URL.
    expect(stderr.match(/invalid json response body at [^ ]*\/bot<redacted>\//g)?.length ?? 0).toBeGreaterThanOrEqual(
      3,
    );
  });
});
