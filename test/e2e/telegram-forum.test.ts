import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, forumChat, groupChat, user, type ApiCall, type FakeChat } from '../fakes/telegram-api.js';
import { eventually, readDeliveries } from './main-process.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';
import { shortBriefFile as briefFile } from '../helpers/briefs.js';

describe('telegram: forum topics', { timeout: 60_000 }, () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;
  const admin = user(301, 'Admin');
  const content = (name: string) => join(running.dir, 'content', name);
  const inThread = (chat: FakeChat, thread: number | undefined) => (c: ApiCall) =>
    String(c.params.chat_id) === String(chat.id) && c.params.message_thread_id === thread;
  const sentIn = (chat: FakeChat, thread?: number) => fake.sent(chat.id).filter(inThread(chat, thread));
  /** Types a command inside a topic (General when `thread` is undefined) and waits for the answer there. */
  const command = async (chat: FakeChat, thread: number | undefined, text: string) => {
    const before = sentIn(chat, thread).length;
    if (thread === undefined) fake.sendText(chat, admin, text);
    else fake.sendInTopic(chat, thread, admin, text);
    await fake.waitFor(() => sentIn(chat, thread).length > before, 20_000, `an answer in thread ${thread}`);
    return textOf(sentIn(chat, thread)[before]!);
  };

  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ botUsername: 'BriefTestBot' });
    running = await startTelegramBot(fake, {}, { watch: true, fanout: { retry: { baseMs: 100, maxMs: 400 } } });
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
    // Briefs saved from here on are seen by the watcher, not by a catch-up at its start.
    await running.app.contentWatched;
  }, 30_000);

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('subscribes the topic a command is typed in, answers there, and delivers into that thread only', async () => {
    const forum = forumChat(-1003001);
    fake.addChat(forum);
    fake.setMember(forum.id, admin.id, 'administrator');
    const asia = fake.forum.create(forum, 'Asia desk');
    const sport = fake.forum.create(forum, 'Sport');

    expect(await command(forum, asia, '/subscribe@BriefTestBot xinjiang compact')).toMatch(
      /^This chat now follows xinjiang \(compact\)/,
    );
    expect(await command(forum, undefined, '/subscribe@BriefTestBot kazakhstan')).toMatch(/now follows kazakhstan/);
    expect(
      await running.app.data.subscriptionsOf({ platform: 'telegram', chatId: `${forum.id}/${asia}` }),
    ).toMatchObject([{ topic: 'xinjiang', format: 'compact' }]);
    // In General: every place of the group; inside a topic: that topic only.
    expect(await command(forum, undefined, '/subscriptions')).toBe(
      [
        'This group follows 2 topics in 2 places:',
        '  General:',
        '    • kazakhstan',
        `  Topic #${asia}:`,
        '    • xinjiang (compact)',
        '',
        'Each forum topic gets the briefs it follows; type /subscribe inside a topic to add one there.',
      ].join('\n'),
    );
    expect(await command(forum, asia, '/subscriptions')).toMatch(
      /^This chat follows 1 topic:\n {2}• xinjiang \(compact\)/,
    );
    expect(await command(forum, sport, '/subscriptions')).toBe(
      'This chat follows no topics. Add one with /subscribe <topic>.',
    );

    const before = {
      asia: sentIn(forum, asia).length,
      general: sentIn(forum).length,
      sport: sentIn(forum, sport).length,
    };
    await writeFile(content('camps-map.md'), briefFile('camps-map', 'A map of the camps', ['xinjiang']));
    await fake.waitFor(() => sentIn(forum, asia).length > before.asia, 10_000, 'the delivery in the topic');
    await running.app.fanout.idle();
    const [delivered] = sentIn(forum, asia).slice(before.asia);
    expect(textOf(delivered!)).toMatch(/^\[New\] A map of the camps/);
    expect(sentIn(forum, asia).length - before.asia).toBe(1);
    expect(sentIn(forum).length).toBe(before.general);
    expect(sentIn(forum, sport).length).toBe(before.sport);
  });

  it('/post inside a topic posts there', async () => {
    const forum = forumChat(-1003002);
    fake.addChat(forum);
    fake.setMember(forum.id, admin.id, 'administrator');
    const desk = fake.forum.create(forum, 'Desk');
    expect(await command(forum, desk, '/post@BriefTestBot sauytbay')).toMatch(/^Kazakh court frees/);
    await fake.waitFor(() => sentIn(forum, desk).length >= 2, 10_000, 'the confirmation');
    expect(textOf(sentIn(forum, desk)[1]!)).toMatch(/^Posted ".*" here\.$/);
    expect(sentIn(forum)).toHaveLength(0);
  });

  it('pauses a closed topic after 3 refusals and keeps serving the rest of the group', async () => {
    const forum = forumChat(-1003003);
    fake.addChat(forum);
    fake.setMember(forum.id, admin.id, 'administrator');
    const closing = fake.forum.create(forum, 'Closing');
    const open = fake.forum.create(forum, 'Open');
    await command(forum, closing, '/subscribe@BriefTestBot uyghurs');
    await command(forum, open, '/subscribe@BriefTestBot uyghurs');
    fake.forum.close(forum.id, closing);
    const refused = () =>
      fake.callsTo('sendMessage').filter((c) => inThread(forum, closing)(c) && c.error === 'Bad Request: TOPIC_CLOSED');
    const openBefore = sentIn(forum, open).length;
    await writeFile(content('camp-records.md'), briefFile('camp-records', 'Leaked camp records', ['uyghurs']));
    await fake.waitFor(() => refused().length >= 3, 20_000, 'three refusals');
    await eventually(
      () =>
        readDeliveries(join(running.dir, 'data', 'briefbot.db')).every(
          (d) => d.status !== 'pending' || !d.chatId.startsWith(String(forum.id)),
        ),
      10_000,
      'nothing pending for the forum',
    );
    const key = (thread: number) => ({ platform: 'telegram', chatId: `${forum.id}/${thread}` });
    expect(await running.app.data.subscriptionsOf(key(closing))).toMatchObject([
      { topic: 'uyghurs', active: false, pausedReason: expect.stringContaining('TOPIC_CLOSED') as string },
    ]);
    expect(await running.app.data.subscriptionsOf(key(open))).toMatchObject([{ active: true }]);
    expect(sentIn(forum, open).length - openBefore).toBe(1);
  });

  it('treats a topic of a group that stopped being a forum as unreachable, not a crash', async () => {
    const group = groupChat(-1003004);
    fake.addChat(group);
    fake.setMember(group.id, admin.id, 'administrator');
    const telegram = running.app.adapters.find((a) => a.platform === 'telegram')!;
    const result = await telegram.deliver!(
      `${group.id}/77`,
      { kind: 'text', tone: 'info', text: 'hello' },
      { bulk: false },
    );
    expect(result).toEqual({
      ok: false,
      reason: 'gone',
      detail: 'Bad Request: message thread not found',
      why: 'topicGone',
    });
    // The group itself still answers.
    expect(await command(group, undefined, '/help')).toMatch(/\/brief/);
  });
});
