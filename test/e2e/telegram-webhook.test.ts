import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

const SECRET = 'a-long_secret-123';

describe('telegram: webhook mode on the shared listener', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;
  let hook: string;
  const alice = user(501, 'Alice');
  const bob = user(502, 'Bob');
  const message = (from: typeof alice, text: string, id: number) => ({
    message: { message_id: id, date: 0, chat: privateChat(from), from, text },
  });
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(hook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET, ...headers },
      body,
      signal: AbortSignal.timeout(10_000),
    });

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    fake.addChat(privateChat(alice));
    fake.addChat(privateChat(bob));
    running = await startTelegramBot(fake, {
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    hook = `http://127.0.0.1:${running.app.http!.port}/telegram/hook`;
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('registers the webhook with its secret and never polls', () => {
    expect(fake.webhook).toEqual({ url: 'https://bot.example.org/telegram/hook', secret_token: SECRET });
    expect(fake.callsTo('setWebhook')[0]!.params.allowed_updates).toEqual([
      'message',
      'channel_post',
      'callback_query',
      'inline_query',
    ]);
    expect(fake.callsTo('getUpdates')).toHaveLength(0);
  });

  it('answers updates that carry the secret token', async () => {
    const { statuses } = await fake.deliverWebhook(hook, message(alice, '/brief xinjiang', 1));
    expect(statuses).toEqual([200]);
    const [sent] = await fake.waitForSent(1, alice.id);
    expect(textOf(sent!)).toMatch(/Kazakh/);
  });

  it('answers the webhook before the reply has gone out, so Telegram has no reason to re-send', async () => {
    const before = fake.sent(bob.id).length;
    fake.holdSends();
    try {
      const { statuses } = await fake.deliverWebhook(hook, message(bob, '/brief sauytbay', 10));
      expect(statuses).toEqual([200]);
      expect(fake.sent(bob.id)).toHaveLength(before);
    } finally {
      fake.releaseHeld();
    }
    const sent = await fake.waitForSent(before + 1, bob.id);
    expect(textOf(sent[before]!)).toMatch(/Sauytbay/);
  });

  it('handles an update delivered twice only once', async () => {
    const before = fake.sent(alice.id).length;
    const { statuses } = await fake.deliverWebhook(hook, message(alice, '/brief sauytbay', 20), { times: 2 });
    expect(statuses).toEqual([200, 200]);
    // The duplicate was dropped before the answer; a later update of the same chat marks the end.
    await fake.deliverWebhook(hook, message(alice, '/help', 21));
    const sent = await fake.waitForSent(before + 2, alice.id);
    const texts = sent.slice(before).map(textOf);
    expect(texts[0]).toMatch(/Sauytbay/);
    expect(texts[1]).toMatch(/^Commands:/);
    expect(texts.filter((t) => /Sauytbay/.test(t))).toHaveLength(1);
  });

  it('refuses requests with a wrong or missing secret (403), and handles none of them', async () => {
    const before = fake.sent(alice.id).length;
    const once = { attempts: 1 };
    expect(
      (await fake.deliverWebhook(hook, message(alice, '/brief sauytbay', 2), { ...once, secret: 'wrong' })).statuses,
    ).toEqual([403]);
    expect(
      (await fake.deliverWebhook(hook, message(alice, '/brief sauytbay', 3), { ...once, secret: undefined })).statuses,
    ).toEqual([403]);
    expect(
      (await fake.deliverWebhook(hook.replace('/hook', '/other'), message(alice, '/brief x', 4), once)).statuses,
    ).toEqual([404]);
    await fake.deliverWebhook(hook, message(alice, '/help', 5));
    const sent = await fake.waitForSent(before + 1, alice.id);
    expect(sent).toHaveLength(before + 1);
    expect(textOf(sent[before]!)).toMatch(/^Commands:/);
  });

  it('refuses a body over 1 MB with 413, malformed JSON and non-updates with 400', async () => {
    const huge = JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(1024 * 1024) } });
    expect((await post(huge)).status).toBe(413);
    expect((await post('{"update_id": 7, "message": ')).status).toBe(400);
    expect((await post('{"message": {}}')).status).toBe(400);
    expect((await post('[1, 2, 3]')).status).toBe(400);
    // The listener keeps serving after all of that.
    const before = fake.sent(alice.id).length;
    await fake.deliverWebhook(hook, message(alice, '/help', 30));
    expect(await fake.waitForSent(before + 1, alice.id)).toHaveLength(before + 1);
  });

  it('a forged request with a huge body is refused from its headers', async () => {
    const response = await post('x'.repeat(2 * 1024 * 1024), { 'x-telegram-bot-api-secret-token': 'forged' });
    expect(response.status).toBe(403);
  });
});
