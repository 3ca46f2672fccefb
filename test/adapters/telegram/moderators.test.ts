import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_ADMIN_ID, Moderators } from '../../../src/adapters/telegram/moderators.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FakeTelegramApi, groupChat, user } from '../../fakes/telegram-api.js';

describe('Moderators (against the fake Bot API)', () => {
  let fake: FakeTelegramApi;
  let moderators: Moderators;
  const group = groupChat(-4001);

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    fake.addChat(group);
    moderators = new Moderators(new Telegram(fake.token, { apiRoot: fake.url }), silentLogger());
  });

  afterAll(async () => {
    moderators.close();
    await fake.close();
  });

  it('asks getChatMember in groups: creators and administrators are moderators, members are not', async () => {
    fake.setMember(group.id, 1, 'creator');
    fake.setMember(group.id, 2, 'administrator');
    fake.setMember(group.id, 3, 'member');
    const results = await Promise.all([1, 2, 3].map((id) => moderators.check({ chat: group, from: user(id) })));
    expect(results).toEqual([true, true, false]);
  });

  it('remembers the answer for a while instead of asking again', async () => {
    fake.setMember(group.id, 4, 'administrator');
    await moderators.check({ chat: group, from: user(4) });
    const asked = fake.callsTo('getChatMember').length;
    expect(await moderators.check({ chat: group, from: user(4) })).toBe(true);
    expect(fake.callsTo('getChatMember')).toHaveLength(asked);
  });

  it('counts private chats, channels and anonymous group admins without asking', async () => {
    const asked = fake.callsTo('getChatMember').length;
    expect(await moderators.check({ chat: { id: 5, type: 'private' }, from: user(5) })).toBe(true);
    expect(await moderators.check({ chat: { id: -1009, type: 'channel' } })).toBe(true);
    const anonymous = user(ANONYMOUS_ADMIN_ID, 'Group', { is_bot: true, username: 'GroupAnonymousBot' });
    expect(await moderators.check({ chat: group, from: anonymous, senderChat: group })).toBe(true);
    expect(fake.callsTo('getChatMember')).toHaveLength(asked);
  });

  it('says no when Telegram cannot answer', async () => {
    fake.fault({ method: 'getChatMember', error: { error_code: 500, description: 'Internal Server Error' } });
    expect(await moderators.check({ chat: group, from: user(6) })).toBe(false);
  });
});
