import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../fakes/clock.js';
import { FakeTelegramApi, parseTelegramHtml, privateChat, user } from '../../fakes/telegram-api.js';

/** The fake must behave like the Bot API for the end-to-end tests to mean anything. */
describe('FakeTelegramApi', () => {
  let fake: FakeTelegramApi;
  const call = async (method: string, params: Record<string, unknown> = {}, token = fake.token) => {
    const response = await fetch(`${fake.url}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const alice = user(1);
  const chat = privateChat(alice);

  beforeEach(async () => {
    fake = await FakeTelegramApi.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('hands out updates by offset and limit, and confirms them with the next offset', async () => {
    for (const text of ['a', 'b', 'c']) fake.sendText(chat, alice, text);
    const first = await call('getUpdates', { limit: 2 });
    const updates = first.body.result as { update_id: number; message: { text: string } }[];
    expect(updates.map((u) => u.message.text)).toEqual(['a', 'b']);
    const again = await call('getUpdates', { limit: 2 });
    expect((again.body.result as unknown[]).length).toBe(2);
    const rest = await call('getUpdates', { offset: updates[1]!.update_id + 1 });
    expect((rest.body.result as { message: { text: string } }[]).map((u) => u.message.text)).toEqual(['c']);
    expect(fake.unconfirmed).toBe(1);
  });

  it('long-polls until an update arrives or the timeout passes', async () => {
    const empty = call('getUpdates', { timeout: 1 });
    await fake.waitFor(() => fake.polling, 5_000, 'the poll to wait');
    expect((await empty).body.result).toEqual([]);
    expect(fake.polling).toBe(false);
    const waiting = call('getUpdates', { timeout: 30 });
    await fake.waitFor(() => fake.polling);
    fake.sendText(chat, alice, 'hello');
    const woken = await waiting;
    expect((woken.body.result as unknown[]).length).toBe(1);
  });

  it('answers a second concurrent poll with 409 to the first, as Telegram does', async () => {
    const first = call('getUpdates', { timeout: 30 });
    await fake.waitFor(() => fake.polling);
    const second = call('getUpdates', { timeout: 0 });
    expect((await first).status).toBe(409);
    expect((await second).status).toBe(200);
  });

  it("rejects what Telegram rejects, with Telegram's own descriptions", async () => {
    fake.addChat(chat);
    const send = (text: string, extra: Record<string, unknown> = {}) =>
      call('sendMessage', { chat_id: chat.id, text, parse_mode: 'HTML', ...extra });
    expect((await send('x'.repeat(4097))).body.description).toBe('Bad Request: message is too long');
    expect((await send('&amp;'.repeat(4096))).status).toBe(200);
    expect((await send('<script>x</script>')).body.description).toMatch(
      /^Bad Request: can't parse entities: Unsupported start tag "script" at byte offset 0/,
    );
    expect((await send('<b>open')).body.description).toMatch(/^Bad Request: can't parse entities: /);
    expect((await send('AT&T')).body.description).toMatch(/^Bad Request: can't parse entities: /);
    expect((await send('   ')).body.description).toBe('Bad Request: message text is empty');
    const longData = { inline_keyboard: [[{ text: 'x', callback_data: 'y'.repeat(65) }]] };
    expect((await send('ok', { reply_markup: longData })).body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect((await call('sendMessage', { chat_id: 999, text: 'hi' })).body.description).toBe(
      'Bad Request: chat not found',
    );
    expect((await call('getMe', {}, '1:wrong')).status).toBe(401);
  });

  it('plays scripted faults once, then answers normally', async () => {
    fake.addChat(chat);
    fake.fault({
      method: 'sendMessage',
      error: { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
    });
    const limited = await call('sendMessage', { chat_id: chat.id, text: 'a' });
    expect(limited.status).toBe(429);
    expect(limited.body.parameters).toEqual({ retry_after: 3 });
    expect((await call('sendMessage', { chat_id: chat.id, text: 'a' })).status).toBe(200);
    expect(fake.calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('parses HTML the way Telegram counts it', () => {
    expect(parseTelegramHtml('<b>a &lt;b&gt;</b> <a href="https://x.org/?a=1&amp;b=2">link</a> &#128512;')).toEqual({
      ok: true,
      text: 'a <b> link 😀',
    });
    expect(parseTelegramHtml('<a href="x">a <a href="y">b</a></a>').ok).toBe(false);
    expect(parseTelegramHtml('<code><b>x</b></code>').ok).toBe(false);
  });

  it('with a per-second limit, answers 429 with retry_after beyond it and accepts again a second later', async () => {
    const clock = new ManualClock();
    fake.setFloodLimits({ clock });
    fake.limitRate(30);
    const chats = Array.from({ length: 40 }, (_, i) => privateChat(user(100 + i)));
    for (const c of chats) fake.addChat(c);
    const answers = await Promise.all(chats.map((c) => call('sendMessage', { chat_id: c.id, text: 'hi' })));
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted).toHaveLength(30);
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.body).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 1 } });
      expect(String(r.body.description)).toMatch(/^Too Many Requests: retry after 1$/);
    }
    expect(fake.rateLimited).toBe(10);
    expect(fake.sent()).toHaveLength(30);
    clock.advance(999);
    expect((await call('sendMessage', { chat_id: chats[0]!.id, text: 'again' })).status).toBe(429);
    clock.advance(1);
    expect((await call('sendMessage', { chat_id: chats[0]!.id, text: 'again' })).status).toBe(200);
  });

  it('holds answers to messages it accepted until released', async () => {
    fake.addChat(chat);
    fake.holdSends(1);
    const first = await call('sendMessage', { chat_id: chat.id, text: 'one' });
    expect(first.status).toBe(200);
    let answered = false;
    const second = call('sendMessage', { chat_id: chat.id, text: 'two' }).then((a) => ((answered = true), a));
    await fake.waitFor(() => fake.sent(chat.id).length === 2);
    // A later call is answered while the held one is still not.
    expect((await call('getMe')).status).toBe(200);
    expect(answered).toBe(false);
    expect(fake.sent(chat.id).map((c) => c.held ?? false)).toEqual([false, true]);
    fake.releaseHeld();
    expect((await second).status).toBe(200);
  });

  it('upgrades a group: 400 with migrate_to_chat_id for the old id, service messages in both chats', async () => {
    const admin = user(7);
    const group = { id: -501, type: 'group' as const, title: 'Old group' };
    fake.addChat(group);
    fake.setMember(group.id, admin.id, 'administrator');
    fake.upgradeGroup(group, -100501);
    const old = await call('sendMessage', { chat_id: group.id, text: 'hi' });
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject({ parameters: { migrate_to_chat_id: -100501 } });
    expect((await call('sendMessage', { chat_id: -100501, text: 'hi' })).status).toBe(200);
    const member = await call('getChatMember', { chat_id: -100501, user_id: admin.id });
    expect(member.body.result).toMatchObject({ status: 'administrator' });
    const updates = (await call('getUpdates', {})).body.result as { message: Record<string, unknown> }[];
    expect(updates.map((u) => [u.message.migrate_to_chat_id, u.message.migrate_from_chat_id])).toEqual([
      [-100501, undefined],
      [undefined, -501],
    ]);
  });
});
