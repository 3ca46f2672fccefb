import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { eventually, spawnMain, type MainProcess } from './main-process.js';
import { writeFixtures } from './telegram-harness.js';

const SECRET = 'shutdown-secret-1';

/** A raw connection that sends `text` and then nothing more; collects whatever comes back. */
async function halfSent(port: number, text: string) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(text);
  return { socket, closed, received: () => received };
}

describe('shutdown with clients that never finish their requests', { timeout: 60_000 }, () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  it('half-sent requests, with or without the secret, do not keep the process alive after SIGTERM', async () => {
    const fake = await FakeTelegramApi.start();
    const dir = await mkdtemp(join(tmpdir(), 'briefbot-http-shutdown-'));
    await writeFixtures(join(dir, 'content'));
    const main: MainProcess = spawnMain({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      CONTENT_DIR: join(dir, 'content'),
      DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
    });
    cleanup.push(async () => {
      main.child.kill('SIGKILL');
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    });
    await eventually(() => main.logged('briefbot is running').length > 0, 30_000, 'the bot to start');
    const port = Number(main.logged('http listener started')[0]!.port);

    const headersOnly = 'POST /telegram/hook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n';
    const forged = (n: number) =>
      `POST /telegram/hook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n` +
      `X-Telegram-Bot-Api-Secret-Token: wrong-${n}\r\nContent-Length: 100000\r\n\r\n{"update_id":`;
    const unsigned = [
      await halfSent(port, headersOnly),
      await halfSent(port, headersOnly),
      await halfSent(port, 'POST /telegram/hook HTTP/1.1\r\nHo'),
      await halfSent(port, forged(1)),
      await halfSent(port, forged(2)),
    ];
    const authenticated = await halfSent(
      port,
      `POST /telegram/hook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n` +
        `X-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 5000\r\n\r\n{"update_id": 1, `,
    );

    // A forged request is refused from its headers and its connection closed, body unread.
    await Promise.all(unsigned.slice(3).map((c) => c.closed));
    for (const c of unsigned.slice(3)) expect(c.received()).toMatch(/^HTTP\/1\.1 403 /);
    // Meanwhile real updates are still answered.
    const alice = user(801, 'Alice');
    fake.addChat(privateChat(alice));
    const hook = `http://127.0.0.1:${port}/telegram/hook`;
    const { statuses } = await fake.deliverWebhook(hook, {
      message: { message_id: 1, date: 0, chat: privateChat(alice), from: alice, text: '/help' },
    });
    expect(statuses).toEqual([200]);
    await fake.waitForSent(1, alice.id, 20_000);

    main.child.kill('SIGTERM');
    const code = await Promise.race([
      main.exited,
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000)),
    ]);
    // 0: the orderly stop finished on its own, before the 10 s hard deadline (which exits 1).
    expect(code).toBe(0);
    await Promise.all([...unsigned.slice(0, 3), authenticated].map((c) => c.closed));
    expect(main.logged('shutdown did not finish in time')).toEqual([]);
  });
});
