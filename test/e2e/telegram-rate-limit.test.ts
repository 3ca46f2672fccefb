import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, groupChat, privateChat, user, type FakeMessage } from '../fakes/telegram-api.js';
import { startTelegramBot, type RunningBot } from './telegram-harness.js';

const ANONYMOUS_ADMIN = user(1087968824, 'Group', { username: 'GroupAnonymousBot' });

describe('telegram: the rate limit counts buttons, inline queries and anonymous admins', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    running = await startTelegramBot(fake, { RATE_LIMIT_COMMANDS: '2', RATE_LIMIT_WINDOW_SECONDS: '600' });
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it("keys anonymous admins by their group: one group's admin does not use up another's", async () => {
    const first = groupChat(-6001);
    const second = groupChat(-6002);
    for (let i = 0; i < 3; i++) fake.sendText(first, ANONYMOUS_ADMIN, '/help', { sender_chat: first });
    const sent = await fake.waitForSent(3, first.id);
    expect(sent.map((c) => String(c.params.text))[2]).toContain('too fast');
    fake.sendText(second, ANONYMOUS_ADMIN, '/brief xinjiang', { sender_chat: second });
    const [answer] = await fake.waitForSent(1, second.id);
    expect(String(answer!.params.text)).not.toContain('too fast');
  });

  it('counts button presses before looking anything up: forged ones beyond the limit are not even answered', async () => {
    const presser = user(602);
    const chat = privateChat(presser);
    const message: FakeMessage = { message_id: 1, date: 0, chat, text: 'a brief' };
    const cursor = fake.calls.length;
    const ids = Array.from({ length: 6 }, (_, i) => fake.pressButton(message, presser, `h:forged-digest-${i}`));
    await fake.waitFor(
      () => fake.calls.slice(cursor).filter((c) => c.method === 'answerCallbackQuery').length >= 3,
      10_000,
      'three answers',
    );
    // A later press of someone else shows that the bot is past the forged ones.
    const other = user(603);
    fake.addChat(privateChat(other));
    fake.pressButton({ ...message, chat: privateChat(other) }, other, 'b:kazakh-camps');
    await fake.waitForSent(1, other.id);
    const answers = fake.calls.slice(cursor).filter((c) => c.method === 'answerCallbackQuery');
    const mine = answers.filter((c) => ids.includes(String(c.params.callback_query_id)));
    expect(mine).toHaveLength(3);
    expect(mine.map((c) => c.params.text)).toEqual([undefined, undefined, expect.stringContaining('too fast')]);
    expect(fake.sent(chat.id)).toHaveLength(0);
  });

  it('limits inline queries per user, with room for typing', async () => {
    const typist = user(604);
    const cursor = fake.calls.length;
    for (let i = 0; i < 13; i++) fake.inlineQuery(typist, 'xinjiang'.slice(0, 1 + (i % 8)));
    const answers = await fake.waitFor(() => {
      const found = fake.calls.slice(cursor).filter((c) => c.method === 'answerInlineQuery');
      return found.length >= 13 ? found : undefined;
    });
    const sizes = answers.map((c) => (c.params.results as unknown[]).length);
    expect(sizes.slice(0, 12).every((n) => n > 0)).toBe(true);
    expect(sizes[12]).toBe(0);
  });
});
