import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { FakeTelegramApi, groupChat, privateChat, user } from './telegram-api.js';
import { CALLBACK_QUERY_TTL_MS, INLINE_QUERY_TTL_MS } from './telegram-queries.js';

/** Each rule of the Bot API contract, refusing a bad call and accepting the good one. */
describe('FakeTelegramApi enforces the platform contract', () => {
  let fake: FakeTelegramApi;
  let floodClock: ManualClock;
  const call = async (method: string, params: Record<string, unknown> = {}) => {
    const response = await fetch(`${fake.url}/bot${fake.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const send = (chatId: number, text = 'hi', extra: Record<string, unknown> = {}) =>
    call('sendMessage', { chat_id: chatId, text, ...extra });

  beforeEach(async () => {
    floodClock = new ManualClock();
    fake = await FakeTelegramApi.start({ floodLimits: { clock: floodClock } });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('limits one chat to 1 message a second after a burst of 3', async () => {
    const alice = user(1);
    fake.addChat(privateChat(alice));
    for (let i = 0; i < 3; i++) expect((await send(alice.id)).status).toBe(200);
    const limited = await send(alice.id);
    expect(limited.body).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    expect(limited.body.description).toBe('Too Many Requests: retry after 1');
    fake.addChat(privateChat(user(2)));
    expect((await send(2)).status).toBe(200);
    floodClock.advance(1000);
    expect((await send(alice.id)).status).toBe(200);
    expect((await send(alice.id)).status).toBe(429);
  });

  it('limits one group to 20 messages a minute', async () => {
    const group = groupChat(-100);
    fake.addChat(group);
    for (let i = 0; i < 20; i++) {
      expect((await send(group.id)).status).toBe(200);
      floodClock.advance(1000);
    }
    const limited = await send(group.id);
    expect(limited.body).toMatchObject({ error_code: 429, parameters: { retry_after: 40 } });
    floodClock.advance(40_000);
    expect((await send(group.id)).status).toBe(200);
  });

  it('limits all chats together to 30 messages a second', async () => {
    const chats = Array.from({ length: 31 }, (_, i) => privateChat(user(100 + i)));
    for (const chat of chats) fake.addChat(chat);
    for (const chat of chats.slice(0, 30)) expect((await send(chat.id)).status).toBe(200);
    expect((await send(chats[30]!.id)).status).toBe(429);
    floodClock.advance(1000);
    expect((await send(chats[30]!.id)).status).toBe(200);
  });

  it('expires callback query ids: an answer after the window is "query is too old"', async () => {
    const alice = user(1);
    const message = fake.sendText(privateChat(alice), alice, '/brief x');
    const late = fake.pressButton(message, alice, 'p:1');
    const onTime = fake.pressButton(message, alice, 'p:2');
    fake.advanceClock(CALLBACK_QUERY_TTL_MS);
    expect((await call('answerCallbackQuery', { callback_query_id: onTime })).status).toBe(200);
    expect((await call('answerCallbackQuery', { callback_query_id: onTime })).status).toBe(400);
    fake.advanceClock(1);
    const refused = await call('answerCallbackQuery', { callback_query_id: late });
    expect(refused.body.description).toBe(
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
  });

  it('expires inline query ids the same way', async () => {
    const alice = user(1);
    const answer = (id: string) => call('answerInlineQuery', { inline_query_id: id, results: [] });
    const onTime = fake.inlineQuery(alice, 'xin');
    fake.advanceClock(INLINE_QUERY_TTL_MS);
    expect((await answer(onTime)).status).toBe(200);
    const late = fake.inlineQuery(alice, 'xin');
    fake.advanceClock(INLINE_QUERY_TTL_MS + 1);
    expect((await answer(late)).body.description).toMatch(/^Bad Request: query is too old/);
  });

  it('answers 403 to a message for a user who never started the bot', async () => {
    const stranger = user(5);
    fake.addChat(privateChat(stranger), { started: false });
    const refused = await send(stranger.id);
    expect(refused.status).toBe(403);
    expect(refused.body.description).toBe("Forbidden: bot can't initiate conversation with a user");
    const inlineOnly = user(6);
    fake.inlineQuery(inlineOnly, 'x');
    expect((await send(inlineOnly.id)).status).toBe(403);
    fake.sendText(privateChat(inlineOnly), inlineOnly, '/start');
    expect((await send(inlineOnly.id)).status).toBe(200);
  });

  it('getChatMember: 400 "user not found" for a user Telegram never saw, "left" for one not in the chat', async () => {
    const group = groupChat(-200);
    const member = user(10);
    const outsider = user(11);
    fake.sendText(group, member, 'hello');
    fake.sendText(privateChat(outsider), outsider, '/start');
    const unknown = await call('getChatMember', { chat_id: group.id, user_id: 12 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.description).toBe('Bad Request: user not found');
    expect((await call('getChatMember', { chat_id: group.id, user_id: member.id })).body.result).toMatchObject({
      status: 'member',
    });
    expect((await call('getChatMember', { chat_id: group.id, user_id: outsider.id })).body.result).toMatchObject({
      status: 'left',
    });
  });

  it('takes only http, https, tg and mailto links in HTML', async () => {
    const alice = user(1);
    fake.addChat(privateChat(alice));
    fake.setFloodLimits(false); // one rule at a time: eight messages into one chat
    const link = (href: string) => send(alice.id, `<a href="${href}">x</a>`, { parse_mode: 'HTML' });
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/x', '/relative', 'data:text/html,x']) {
      const refused = await link(bad);
      expect(refused.status, bad).toBe(400);
      expect(String(refused.body.description)).toMatch(/^Bad Request: can't parse entities: /);
    }
    for (const good of ['https://example.org/?a=1&amp;b=2', 'http://example.org', 'tg://user?id=1', 'mailto:a@b.org'])
      expect((await link(good)).status, good).toBe(200);
  });
});
