import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { startTelegramBot, type RunningBot } from './telegram-harness.js';

describe('telegram: a backlog behind a distant Bot API', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;

  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ latencyMs: 100 });
    running = await startTelegramBot(fake);
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('asks for bigger batches while replies wait on the network, and clears the backlog', async () => {
    const chats = Array.from({ length: 300 }, (_, i) => privateChat(user(700 + i)));
    const started = performance.now();
    for (const chat of chats) fake.sendText(chat, user(chat.id), '/brief xinjiang');
    await fake.waitForSent(300, undefined, 30_000);
    const limits = fake.callsTo('getUpdates').map((c) => Number(c.params.limit));
    expect(Math.max(...limits)).toBeGreaterThanOrEqual(20);
    // In batches of 5 this would take 60 round trips of 100 ms each.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
