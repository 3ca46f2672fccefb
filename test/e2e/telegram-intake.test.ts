import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, groupChat, privateChat, user } from '../fakes/telegram-api.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

const retryAfter = (seconds: number) => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${seconds}`,
  parameters: { retry_after: seconds },
});

describe('telegram: one chat waiting out a 429 does not hold the others', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    running = await startTelegramBot(fake);
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it("answers another user's private /brief while a group's reply waits out retry_after 30", async () => {
    const group = groupChat(-4001);
    const member = user(401);
    fake.fault({ method: 'sendMessage', chatId: group.id, error: retryAfter(30) });
    fake.sendText(group, member, '/brief xinjiang');
    await fake.waitFor(() => fake.callsTo('sendMessage').some((c) => c.status === 429), 10_000, 'the 429');
    const cursor = fake.calls.length;

    const reader = user(402);
    const chat = privateChat(reader);
    fake.sendText(chat, reader, '/brief sauytbay');
    // Long enough for the old behaviour to show: the reply after the group's 30 s.
    const [answer] = await fake.waitForSent(1, chat.id, 45_000);
    expect(textOf(answer!)).toMatch(/^Kazakh court frees/);
    // The group's retry window had not ended: its reply was not yet sent when the private one was.
    const since = fake.calls.slice(cursor);
    const privateAt = since.indexOf(answer!);
    const groupSent = since.findIndex((c) => c.method === 'sendMessage' && c.params.chat_id === String(group.id));
    expect(groupSent === -1 || groupSent > privateAt).toBe(true);
    expect(fake.sent(group.id)).toHaveLength(0);
  }, 60_000);

  it('keeps order within one chat while other chats go ahead', async () => {
    const group = groupChat(-4002);
    const member = user(403);
    fake.fault({ method: 'sendMessage', chatId: group.id, error: retryAfter(2) });
    fake.sendText(group, member, '/brief xinjiang');
    fake.sendText(group, member, '/brief sauytbay');
    const reader = user(404);
    fake.sendText(privateChat(reader), reader, '/brief sauytbay');
    await fake.waitForSent(1, reader.id, 10_000);
    const sent = await fake.waitForSent(2, group.id, 10_000);
    expect(sent.map((c) => textOf(c).split('\n')[0])).toEqual([
      'The Kazakh connection to China\'s "political education" camps',
      "Kazakh court frees Sayragul Sauytbay, a witness to China's camps",
    ]);
    expect(fake.sent(reader.id)[0]!.at).toBeLessThan(sent[0]!.at);
  });
});
