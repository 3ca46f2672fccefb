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

  it('takes the backlog in large batches while replies wait on the network, and clears it', async () => {
    const chats = Array.from({ length: 300 }, (_, i) => privateChat(user(700 + i)));
    for (const chat of chats) fake.sendText(chat, user(chat.id), '/brief xinjiang');
    await fake.waitForSent(300, undefined, 30_000);
    const limits = fake.callsTo('getUpdates').map((c) => Number(c.params.limit));
    expect(Math.max(...limits)).toBeGreaterThanOrEqual(20);
    // How fast the backlog clears is measured by the bench (fanout-telegram), not by the wall clock here.
  });
});
