import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('telegram: webhook mode', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;
  let hook: string;
  const alice = user(501, 'Alice');
  const message = (text: string, id: number) => ({
    message: { message_id: id, date: 0, chat: privateChat(alice), from: alice, text },
  });

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    fake.addChat(privateChat(alice));
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram/hook`;
    running = await startTelegramBot(fake, {
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: 'a-long_secret-123',
      PORT: String(port),
    });
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('registers the webhook with its secret and never polls', () => {
    expect(fake.webhook).toEqual({ url: 'https://bot.example.org/telegram/hook', secret_token: 'a-long_secret-123' });
    expect(fake.callsTo('setWebhook')[0]!.params.allowed_updates).toEqual([
      'message',
      'channel_post',
      'callback_query',
      'inline_query',
    ]);
    expect(fake.callsTo('getUpdates')).toHaveLength(0);
  });

  it('answers updates that carry the secret token', async () => {
    expect(await fake.postWebhook(hook, message('/brief xinjiang', 1))).toBe(200);
    const [sent] = await fake.waitForSent(1, alice.id);
    expect(textOf(sent!)).toMatch(/Kazakh/);
  });

  it('refuses requests with a wrong or missing secret, and handles none of them', async () => {
    const before = fake.sent(alice.id).length;
    expect(await fake.postWebhook(hook, message('/brief sauytbay', 2), 'wrong')).toBe(403);
    expect(await fake.postWebhook(hook, message('/brief sauytbay', 3), '')).toBe(403);
    expect(await fake.postWebhook(hook.replace('/hook', '/other'), message('/brief sauytbay', 4))).toBe(403);
    expect(await fake.postWebhook(hook, message('/help', 5))).toBe(200);
    const sent = await fake.waitForSent(before + 1, alice.id);
    expect(sent).toHaveLength(before + 1);
    expect(textOf(sent[before]!)).toMatch(/^Commands:/);
  });
});
