import { Telegram } from 'telegraf';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS_ADMIN_ID, Moderators, REMEMBER_MS } from '../../../src/adapters/telegram/moderators.js';
import { ManualClock } from '../../fakes/clock.js';
import { FakeTelegramApi, groupChat, user } from '../../fakes/telegram-api.js';
import { memoryLogger, type LogLine } from '../../helpers/memory-logger.js';

describe('Moderators (against the fake Bot API)', () => {
  let fake: FakeTelegramApi;
  let moderators: Moderators;
  let lines: LogLine[];
  const clock = new ManualClock();
  const group = groupChat(-4001);
  const asked = () => fake.callsTo('getChatMember').length;

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    fake.addChat(group);
    const log = memoryLogger();
    lines = log.lines;
    moderators = new Moderators(new Telegram(fake.token, { apiRoot: fake.url }), log.logger, () => clock.now());
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    moderators.close();
    await fake.close();
  });

  it('asks getChatMember in groups: creators and administrators are moderators, members are not', async () => {
    fake.setMember(group.id, 1, 'creator');
    fake.setMember(group.id, 2, 'administrator');
    fake.setMember(group.id, 3, 'member');
    fake.setMember(group.id, 30, 'restricted');
    const results = await Promise.all([1, 2, 3, 30].map((id) => moderators.check({ chat: group, from: user(id) })));
    expect(results).toEqual([true, true, false, false]);
  });

  it('remembers the answer for a minute, then asks again (a demoted admin loses the right)', async () => {
    fake.setMember(group.id, 4, 'administrator');
    expect(await moderators.check({ chat: group, from: user(4) })).toBe(true);
    const before = asked();
    fake.setMember(group.id, 4, 'member');
    clock.advance(REMEMBER_MS - 1);
    expect(await moderators.check({ chat: group, from: user(4) })).toBe(true);
    expect(asked()).toBe(before);
    clock.advance(1);
    expect(await moderators.check({ chat: group, from: user(4) })).toBe(false);
    expect(asked()).toBe(before + 1);
  });

  it('remembers per chat and user', async () => {
    const other = groupChat(-4002);
    fake.addChat(other);
    fake.setMember(group.id, 8, 'administrator');
    fake.setMember(other.id, 8, 'member');
    expect(await moderators.check({ chat: group, from: user(8) })).toBe(true);
    expect(await moderators.check({ chat: other, from: user(8) })).toBe(false);
  });

  it('forgets answers older than a minute, so the memory holds only recent askers', async () => {
    clock.advance(REMEMBER_MS);
    for (const id of [101, 102, 103, 104]) fake.setMember(group.id, id, 'member');
    for (const id of [101, 102]) await moderators.check({ chat: group, from: user(id) });
    clock.advance(REMEMBER_MS / 2);
    await moderators.check({ chat: group, from: user(103) });
    clock.advance(REMEMBER_MS / 2);
    await moderators.check({ chat: group, from: user(104) });
    // 101 and 102 are a minute old and gone; 103, half a minute old, is kept and still answers.
    expect(moderators.remembered).toBe(2);
    const before = asked();
    await moderators.check({ chat: group, from: user(103) });
    expect(asked()).toBe(before);
  });

  it('counts private chats, channels and anonymous group admins without asking', async () => {
    const before = asked();
    expect(await moderators.check({ chat: { id: 5, type: 'private' }, from: user(5) })).toBe(true);
    expect(await moderators.check({ chat: { id: -1009, type: 'channel' } })).toBe(true);
    // Speaking as the group (sender_chat is the group itself), whoever Telegram names as sender.
    expect(await moderators.check({ chat: group, from: user(3), senderChat: group })).toBe(true);
    // The anonymous admin's account, recognised by its id or by its (unique) username.
    const { username: _name, ...byId } = user(ANONYMOUS_ADMIN_ID, 'Group');
    expect(await moderators.check({ chat: group, from: byId })).toBe(true);
    const byName = user(3, 'Group', { username: 'GroupAnonymousBot' });
    expect(await moderators.check({ chat: group, from: byName })).toBe(true);
    expect(asked()).toBe(before);
  });

  it('says no, without asking, to a group message with no sender or sent as another chat', async () => {
    const before = asked();
    expect(await moderators.check({ chat: group })).toBe(false);
    expect(await moderators.check({ chat: group, senderChat: { id: -1007 } })).toBe(false);
    expect(asked()).toBe(before);
  });

  it('without an injected clock remembers for a minute of the monotonic clock', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const plain = new Moderators(new Telegram(fake.token, { apiRoot: fake.url }), memoryLogger().logger);
    fake.setMember(group.id, 9, 'administrator');
    await plain.check({ chat: group, from: user(9) });
    const before = asked();
    await plain.check({ chat: group, from: user(9) });
    expect(asked()).toBe(before);
    vi.advanceTimersByTime(REMEMBER_MS);
    await plain.check({ chat: group, from: user(9) });
    expect(asked()).toBe(before + 1);
  });

  it('says no when Telegram cannot answer, and logs which chat and why', async () => {
    fake.fault({ method: 'getChatMember', error: { error_code: 500, description: 'Internal Server Error' } });
    expect(await moderators.check({ chat: group, from: user(6) })).toBe(false);
    expect(lines.at(-1)).toMatchObject({
      level: 40,
      msg: 'getChatMember failed',
      chatId: group.id,
      err: expect.stringContaining('500: Internal Server Error'),
    });
  });
});
