import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { startTelegramBot, type RunningBot } from './telegram-harness.js';

describe('telegram: a backlog behind a distant Bot API', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;

  beforeAll(async () => {
    // About batch sizes behind a slow network, not flood control: 300 replies at Telegram's
    // 30/s would add ten seconds of waiting and measure nothing more.
    fake = await FakeTelegramApi.start({ latencyMs: 100, floodLimits: false });
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
    // Fewer, bigger batches: in batches of 5 this would take 60 round trips of 100 ms each.
    const limits = fake.callsTo('getUpdates').map((c) => Number(c.params.limit));
    // How far they grow depends on how idle the machine is (17 at load average 25, 20+ when
    // idle); how fast the backlog clears is measured by the bench, not by the wall clock here.
    expect(Math.max(...limits)).toBeGreaterThan(5);
    const polls = fake.callsTo('getUpdates').length;
    expect(polls).toBeLessThan(60);
  });
});
