import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_ADMIN_ID } from '../../../src/adapters/telegram/moderators.js';
import { refusePostFor } from '../../../src/adapters/telegram/post-rights.js';
import { FakeTelegramApi, user } from '../../fakes/telegram-api.js';

const channel = { id: -1002001, type: 'channel' as const, title: 'News', username: 'newsroom' };

describe('Telegram: who may have the bot post into a channel (real telegraf client, fake Bot API)', () => {
  let fake: FakeTelegramApi;
  let telegram: Telegram;

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    fake.addChat(channel);
    fake.setMember(channel.id, 1, 'creator');
    fake.setMember(channel.id, 2, 'administrator');
    fake.setMember(channel.id, 3, 'member');
    fake.setMember(channel.id, 4, 'left');
    fake.setMember(channel.id, 5, 'kicked');
    fake.setMember(channel.id, 6, 'restricted');
    telegram = new Telegram(fake.token, { apiRoot: fake.url });
  });

  afterAll(async () => {
    await fake.close();
  });

  const notAdmin = {
    ok: false,
    reason: 'forbidden',
    detail: 'you are not an administrator of that channel',
    user: true,
    why: 'notChannelAdmin',
  };

  it('lets the creator and administrators post, by id or by @name; refuses everyone else', async () => {
    expect(await refusePostFor(telegram, String(channel.id), '1')).toBeUndefined();
    expect(await refusePostFor(telegram, '@newsroom', '2')).toBeUndefined();
    for (const id of ['3', '4', '5', '6']) expect(await refusePostFor(telegram, '@newsroom', id)).toEqual(notAdmin);
  });

  it('asks Telegram every time, so an administrator removed loses the right at once', async () => {
    fake.setMember(channel.id, 7, 'administrator');
    expect(await refusePostFor(telegram, '@newsroom', '7')).toBeUndefined();
    fake.setMember(channel.id, 7, 'member');
    expect(await refusePostFor(telegram, '@newsroom', '7')).toEqual(notAdmin);
  });

  it('refuses an anonymous admin or a malformed id without asking Telegram', async () => {
    const asked = fake.callsTo('getChatMember').length;
    const anonymous = {
      ok: false,
      reason: 'forbidden',
      detail: 'only an administrator of that channel, posting under their own name, can do that',
      user: true,
      why: 'anonymousAdmin',
    };
    for (const id of [String(ANONYMOUS_ADMIN_ID), '0', '-5', '1.5', 'abc', '', '9007199254740993'])
      expect(await refusePostFor(telegram, '@newsroom', id), id).toEqual(anonymous);
    expect(fake.callsTo('getChatMember')).toHaveLength(asked);
  });

  it('calls a channel Telegram does not know gone', async () => {
    expect(await refusePostFor(telegram, '@nosuchchannel', '1')).toEqual({
      ok: false,
      reason: 'gone',
      detail: 'Bad Request: chat not found',
    });
  });

  it('passes a 403 on as forbidden (not the asker’s fault), and anything else as a failed check', async () => {
    fake.fault({
      method: 'getChatMember',
      error: { error_code: 403, description: 'Forbidden: bot is not a participant' },
    });
    expect(await refusePostFor(telegram, '@newsroom', '1')).toEqual({
      ok: false,
      reason: 'forbidden',
      detail: 'Forbidden: bot is not a participant',
    });
    fake.fault({ method: 'getChatMember', error: { error_code: 500, description: 'Internal Server Error' } });
    expect(await refusePostFor(telegram, '@newsroom', '1')).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'could not check your rights there: 500 Internal Server Error',
    });
    fake.fault({
      method: 'getChatMember',
      error: { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
    });
    expect(await refusePostFor(telegram, '@newsroom', '1')).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'could not check your rights there: retryAfter',
    });
  });

  it("reports a user Telegram never saw as a failed check, in Telegram's words", async () => {
    expect(await refusePostFor(telegram, '@newsroom', String(user(4242).id))).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'could not check your rights there: 400 Bad Request: user not found',
    });
  });
});
