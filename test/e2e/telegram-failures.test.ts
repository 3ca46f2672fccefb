import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Reply } from '../../src/core/types.js';
import { FakeTelegramApi, groupChat, privateChat, user, type FakeMessage } from '../fakes/telegram-api.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

const retryAfter = (seconds: number) => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${seconds}`,
  parameters: { retry_after: seconds },
});

describe('telegram: platform errors, hostile input and load', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;
  const deliver = (chatId: number, reply: Reply, bulk = false) =>
    running.app.adapters.find((a) => a.platform === 'telegram')!.deliver!(String(chatId), reply, { bulk });
  const note: Reply = { kind: 'text', tone: 'info', text: 'A new brief is out.' };

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    running = await startTelegramBot(fake);
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('waits out a 429 for its retry_after, then delivers', async () => {
    const u = user(201);
    const chat = privateChat(u);
    fake.fault({ method: 'sendMessage', chatId: chat.id, error: retryAfter(1) });
    fake.sendText(chat, u, '/brief xinjiang');
    const [sent] = await fake.waitForSent(1, chat.id);
    const limited = fake.callsTo('sendMessage').find((c) => c.status === 429 && c.params.chat_id === String(chat.id))!;
    expect(sent!.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(textOf(sent!)).toMatch(/Kazakh/);
  });

  it('drops a message when Telegram asks for a wait longer than 60 s, and keeps serving', async () => {
    const u = user(202);
    const chat = privateChat(u);
    fake.fault({ method: 'sendMessage', chatId: chat.id, error: retryAfter(3600) });
    fake.sendText(chat, u, '/brief xinjiang');
    fake.sendText(chat, u, '/brief sauytbay');
    const [sent] = await fake.waitForSent(1, chat.id);
    expect(textOf(sent!)).toMatch(/Sauytbay/);
    expect(fake.callsTo('sendMessage').filter((c) => c.params.chat_id === String(chat.id))).toHaveLength(2);
  });

  it('retries 5xx answers and dropped connections with backoff', async () => {
    const u = user(203);
    const chat = privateChat(u);
    fake.fault({
      method: 'sendMessage',
      chatId: chat.id,
      error: { error_code: 500, description: 'Internal Server Error' },
    });
    fake.fault({ method: 'sendMessage', chatId: chat.id, drop: true });
    fake.sendText(chat, u, '/brief sauytbay');
    const [sent] = await fake.waitForSent(1, chat.id);
    const attempts = fake.callsTo('sendMessage').filter((c) => c.params.chat_id === String(chat.id));
    expect(attempts.map((c) => c.status)).toEqual([500, 0, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(150);
    expect(textOf(sent!)).toMatch(/Sauytbay/);
  });

  it('reports blocked, kicked and migrated chats to the caller of deliver', async () => {
    const blocker = privateChat(user(204));
    const group = groupChat(-2001);
    fake.addChat(blocker);
    fake.addChat(group);
    fake.fault({
      method: 'sendMessage',
      chatId: blocker.id,
      error: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    expect(await deliver(blocker.id, note)).toMatchObject({ ok: false, reason: 'gone' });
    fake.fault({
      method: 'sendMessage',
      chatId: group.id,
      error: { error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' },
    });
    expect(await deliver(group.id, note, true)).toMatchObject({ ok: false, reason: 'gone' });
    fake.fault({
      method: 'sendMessage',
      chatId: group.id,
      error: {
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -1002001 },
      },
    });
    expect(await deliver(group.id, note, true)).toEqual({ ok: false, reason: 'migrated', newChatId: '-1002001' });
    const ok = await deliver(group.id, note, true);
    expect(ok).toMatchObject({ ok: true });
    expect(fake.sent(group.id).map(textOf)).toEqual(['A new brief is out.']);
  });

  it('follows a group that became a supergroup when replying', async () => {
    const u = user(211);
    const old = { id: -2101, type: 'group' as const, title: 'Old group' };
    const upgraded = groupChat(-1002101);
    fake.addChat(upgraded);
    fake.fault({
      method: 'sendMessage',
      chatId: old.id,
      error: {
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: upgraded.id },
      },
    });
    fake.sendText(old, u, '/brief sauytbay');
    const [sent] = await fake.waitForSent(1, upgraded.id);
    expect(textOf(sent!)).toMatch(/Sauytbay/);
  });

  it('paces bulk deliveries to one a second per chat while replies go out at once', async () => {
    const subscriber = privateChat(user(208));
    fake.addChat(subscriber);
    // Five: the fake lets a burst of three into a chat, so only pacing keeps five free of 429s.
    const bulk = Array.from({ length: 5 }, (_, i) => deliver(subscriber.id, { ...note, text: `Update ${i}` }, true));
    const u = user(209);
    const chat = privateChat(u);
    fake.sendText(chat, u, '/brief xinjiang');
    const [reply] = await fake.waitForSent(1, chat.id);
    const results = await Promise.all(bulk);
    expect(results.every((r) => r.ok)).toBe(true);
    const times = fake.sent(subscriber.id).map((c) => c.at);
    expect(fake.sent(subscriber.id).map(textOf)).toEqual(['Update 0', 'Update 1', 'Update 2', 'Update 3', 'Update 4']);
    // The second between two sends to a chat is the pacer's, tested on an injected clock in
    // test/adapters/telegram/pacer.test.ts; here the fake's own per-chat limit judges it.
    const refused = fake
      .callsTo('sendMessage')
      .filter((c) => c.status === 429 && String(c.params.chat_id) === String(subscriber.id));
    expect(refused).toEqual([]);
    expect(reply!.at).toBeLessThan(times[2]!);
  });

  it('keeps polling when an update makes a handler fail, and retries a failed getUpdates', async () => {
    const u = user(205);
    const chat = privateChat(u);
    fake.pushUpdate({ message: { message_id: 1, date: 0, text: '/brief xinjiang' } });
    fake.fault({ method: 'getUpdates', error: { error_code: 502, description: 'Bad Gateway' } });
    fake.sendText(chat, u, '/brief sauytbay');
    const [sent] = await fake.waitForSent(1, chat.id);
    expect(textOf(sent!)).toMatch(/Sauytbay/);
    await fake.waitFor(() => fake.callsTo('getUpdates').some((c) => c.status === 502), 10_000, 'the failed poll');
    fake.sendText(chat, u, '/brief xinjiang');
    const after = await fake.waitForSent(2, chat.id);
    expect(textOf(after[1]!)).toMatch(/Kazakh/);
    const polls = fake.callsTo('getUpdates');
    const failed = polls.findIndex((c) => c.status === 502);
    expect(polls[failed + 1]!.at - polls[failed]!.at).toBeGreaterThanOrEqual(350);
  });

  it('tells the user briefly when handling their update fails, without internals', async () => {
    const u = user(210);
    const chat = privateChat(u);
    fake.addChat(chat);
    // A message Telegram would never send (text that is not a string) makes the handler throw.
    fake.pushUpdate({ message: { message_id: 1, date: 0, chat, from: u, text: 42 } });
    const [sent] = await fake.waitForSent(1, chat.id);
    expect(textOf(sent!)).toMatch(
      /^Something went wrong on our side \(ref [0-9a-f]{8}\)\. Please try again in a moment\.$/,
    );
    fake.sendText(chat, u, '/brief sauytbay');
    const after = await fake.waitForSent(2, chat.id);
    expect(textOf(after[1]!)).toMatch(/Sauytbay/);
  });

  it('answers hostile input with replies Telegram accepts', async () => {
    const u = user(206);
    const chat = privateChat(u);
    const inputs = [
      '/brief <script>zzqqxx</script>',
      '/search <b>bold</b> &amp; & "quotes"',
      `/brief ${'x'.repeat(10_000)}`,
      '/brief 👩‍👩‍👧 🇰🇿 xinjiang',
      '/brief \u200bxin\u200djiang\u2060',
      '/brief \u202eksuytbay\u202c \u2067عربى\u2069',
      '/brief <a href="javascript:alert(1)">x</a>',
      '/help <i>brief</i>',
      '/nosuchcommand <b>',
    ];
    for (const text of inputs) fake.sendText(chat, u, text);
    const sent = await fake.waitForSent(inputs.length, chat.id, 20_000);
    // Nine replies at once into one chat meet the per-chat flood limit (429, retried); none may be refused.
    const rejected = fake
      .callsTo('sendMessage')
      .filter((c) => c.params.chat_id === String(chat.id) && c.status !== 200 && c.status !== 429);
    expect(rejected).toEqual([]);
    expect(String(sent[0]!.params.text)).toContain('&lt;script&gt;zzqqxx&lt;/script&gt;');
    for (const call of sent) expect(textOf(call).length).toBeLessThanOrEqual(4096);
  });

  it('splits a long brief into several messages in order, quoting the command only once', async () => {
    const u = user(207);
    const group = groupChat(-2002);
    const command = fake.sendText(group, u, '/brief long-read');
    const sent = await fake.waitFor(() => {
      const s = fake.sent(group.id);
      return s.length > 1 && /Read the original article/.test(textOf(s[s.length - 1]!)) ? s : undefined;
    });
    expect(textOf(sent[0]!)).toMatch(/^A long read on <everything> & more/);
    expect(sent[0]!.params.reply_parameters).toMatchObject({ message_id: command.message_id });
    for (const call of sent.slice(1)) expect(call.params.reply_parameters).toBeUndefined();
    for (const call of sent) expect(textOf(call).length).toBeLessThanOrEqual(4096);
  });

  it('answers 200 commands from 20 users in 5 chats, in order within each chat', async () => {
    // About order under load: 40 replies into a group at Telegram's 20 a minute would wait two minutes.
    fake.setFloodLimits(false);
    onTestFinished(() => fake.setFloodLimits({}));
    const chats = Array.from({ length: 5 }, (_, i) => groupChat(-3000 - i));
    const users = Array.from({ length: 20 }, (_, i) => user(300 + i));
    const asked = new Map<number, FakeMessage[]>();
    for (let i = 0; i < 200; i++) {
      const chat = chats[i % 5]!;
      const message = fake.sendText(chat, users[i % 20]!, `/brief@BriefTestBot q${i}x`);
      asked.set(chat.id, [...(asked.get(chat.id) ?? []), message]);
    }
    for (const chat of chats) {
      const sent = await fake.waitForSent(40, chat.id, 30_000);
      const answeredQueries = sent.map((c) => /"(q\d+x)"/.exec(textOf(c))?.[1]);
      expect(answeredQueries).toEqual(asked.get(chat.id)!.map((m) => m.text!.split(' ')[1]));
      const quoted = sent.map((c) => (c.params.reply_parameters as { message_id: number }).message_id);
      expect(quoted).toEqual(asked.get(chat.id)!.map((m) => m.message_id));
    }
  });
});
