import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { FakeTelegramApi, groupChat, privateChat, user, type FakeChat } from '../fakes/telegram-api.js';
import { eventually, readDeliveries, spawnMain, type MainProcess } from './main-process.js';
import { startTelegramBot, textOf, writeFixtures, type RunningBot } from './telegram-harness.js';
import { shortBriefFile as briefFile } from '../helpers/briefs.js';

describe('telegram: subscriptions and posts end to end', { timeout: 60_000 }, () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;
  const content = (name: string) => join(running.dir, 'content', name);
  const chat = (id: string) => ({ platform: 'telegram' as const, chatId: id });
  /** Sends a command and waits for the bot's answer in that chat. */
  const command = async (where: FakeChat, from: ReturnType<typeof user>, text: string) => {
    const before = fake.sent(where.id).length;
    fake.sendText(where, from, text);
    const sent = await fake.waitForSent(before + 1, where.id, 20_000);
    return textOf(sent[before]!);
  };

  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ botUsername: 'BriefTestBot' });
    running = await startTelegramBot(fake, {}, { watch: true, fanout: { retry: { baseMs: 100, maxMs: 400 } } });
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
  }, 30_000);

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('refuses /subscribe in a group and /post to a member who is not an admin', async () => {
    const group = groupChat(-2001);
    const member = user(201, 'Member');
    expect(await command(group, member, '/subscribe@BriefTestBot xinjiang')).toBe(
      'In groups only moderators and admins can use /subscribe.',
    );
    expect(await command(group, member, '/post@BriefTestBot xinjiang')).toBe('Only moderators can use /post.');
    expect(await running.app.data.subscriptionsOf(chat(String(group.id)))).toEqual([]);
    expect(fake.sent(group.id)).toHaveLength(2);
    expect((await running.app.data.recentPosts(10)).filter((p) => p.fromChatId === String(group.id))).toEqual([]);
  });

  it('/post lands in the chat it names, and only for an admin of that channel', async () => {
    const newsroom = groupChat(-2002);
    const channel: FakeChat = { id: -2003, type: 'channel', title: 'Wire', username: 'wirechannel' };
    fake.addChat(channel);
    const editor = user(202, 'Editor');
    const helper = user(203, 'Helper');
    fake.setMember(newsroom.id, editor.id, 'administrator');
    fake.setMember(newsroom.id, helper.id, 'administrator');
    fake.setMember(channel.id, editor.id, 'creator');

    // Here: the brief, then the confirmation, both in the group.
    expect(await command(newsroom, editor, '/post@BriefTestBot sauytbay')).toMatch(/^Kazakh court frees/);
    const [, confirmation] = await fake.waitForSent(2, newsroom.id);
    expect(textOf(confirmation!)).toBe(
      'Posted "Kazakh court frees Sayragul Sauytbay, a witness to China\'s camps" here.',
    );

    expect(await command(newsroom, editor, '/post@BriefTestBot xinjiang @wirechannel')).toBe(
      'Posted "The Kazakh connection to China\'s "political education" camps" in @wirechannel.',
    );
    // An admin of the group who is not one of the channel may not post there.
    expect(await command(newsroom, helper, '/post@BriefTestBot sauytbay @wirechannel')).toBe(
      'You cannot post in @wirechannel: you are not an administrator of that channel.',
    );
    const posted = fake.sent('@wirechannel');
    expect(posted).toHaveLength(1);
    expect(textOf(posted[0]!)).toMatch(/^The Kazakh connection/);
    expect(fake.sent(channel.id)).toHaveLength(0);
    const asked = fake.callsTo('getChatMember').filter((c) => c.params.chat_id === '@wirechannel');
    expect(asked.map((c) => Number(c.params.user_id))).toEqual([editor.id, helper.id]);

    const audit = (await running.app.data.recentPosts(10)).filter((p) => p.fromChatId === String(newsroom.id));
    expect(audit.map((p) => [p.userId, p.targetChatId, p.outcome])).toEqual([
      [String(helper.id), '@wirechannel', 'forbidden'],
      [String(editor.id), '@wirechannel', 'ok'],
      [String(editor.id), String(newsroom.id), 'ok'],
    ]);
  });

  it('sends a new brief once to every subscribed chat within 2 s, then one Updated for an edit', async () => {
    const reader = user(210, 'Reader');
    const inbox = privateChat(reader);
    const desk = groupChat(-2010);
    const both = groupChat(-2011);
    const admin = user(211, 'Admin');
    fake.setMember(desk.id, admin.id, 'administrator');
    fake.setMember(both.id, admin.id, 'administrator');
    expect(await command(inbox, reader, '/subscribe xinjiang')).toMatch(/^This chat now follows xinjiang/);
    expect(await command(desk, admin, '/subscribe@BriefTestBot xinjiang')).toMatch(/now follows xinjiang/);
    expect(await command(both, admin, '/subscribe@BriefTestBot xinjiang')).toMatch(/now follows xinjiang/);
    expect(await command(both, admin, '/subscribe@BriefTestBot kazakhstan')).toMatch(/now follows kazakhstan/);
    const chats = [inbox, desk, both];
    const before = new Map(chats.map((c) => [c.id, fake.sent(c.id).length]));
    const updates = (c: FakeChat) => fake.sent(c.id).slice(before.get(c.id));
    await writeFile(
      content('border-trade.md'),
      briefFile('border-trade', 'Border trade resumes at Khorgos', ['kazakhstan', 'xinjiang']),
    );
    await fake.waitFor(() => chats.every((c) => updates(c).length >= 1), 10_000, 'one update per chat');
    for (const c of chats) {
      const [update] = updates(c);
      expect(textOf(update!)).toMatch(/^\[New\] Border trade resumes at Khorgos/);
    }
    await running.app.fanout.idle();
    for (const c of chats) expect(updates(c)).toHaveLength(1);

    await writeFile(
      content('border-trade.md'),
      briefFile('border-trade', 'Border trade resumes at Khorgos', ['kazakhstan', 'xinjiang'], 'Now with new numbers.'),
    );
    await fake.waitFor(() => chats.every((c) => updates(c).length >= 2), 10_000, 'one Updated per chat');
    await running.app.fanout.idle();
    for (const c of chats) {
      expect(updates(c)).toHaveLength(2);
      expect(textOf(updates(c)[1]!)).toMatch(/^\[Updated\] Border trade resumes at Khorgos/);
      expect(textOf(updates(c)[1]!)).toContain('Now with new numbers.');
    }
  });

  it('pauses the subscriptions of a chat that blocked the bot after 3 failures in a row', async () => {
    const quitter = user(220, 'Quitter');
    const inbox = privateChat(quitter);
    expect(await command(inbox, quitter, '/subscribe uyghurs')).toMatch(/now follows uyghurs/);
    fake.fault({
      method: 'sendMessage',
      chatId: inbox.id,
      times: Infinity,
      error: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    const attempts = () =>
      fake.callsTo('sendMessage').filter((c) => String(c.params.chat_id) === String(inbox.id) && c.status === 403);
    await writeFile(content('camp-records.md'), briefFile('camp-records', 'Leaked camp records', ['uyghurs']));
    await fake.waitFor(() => attempts().length >= 3, 20_000, 'three attempts');
    await eventually(
      () => readDeliveries(join(running.dir, 'data', 'briefbot.db')).every((d) => d.status !== 'pending'),
      10_000,
      'nothing pending',
    );
    const subscriptions = await running.app.data.subscriptionsOf(chat(String(inbox.id)));
    expect(subscriptions).toMatchObject([
      { topic: 'uyghurs', active: false, pausedReason: expect.stringContaining('blocked') as string },
    ]);

    // Paused: the next brief is not even tried.
    await writeFile(content('camp-records-2.md'), briefFile('camp-records-2', 'More camp records', ['uyghurs']));
    await running.app.store.reload(['camp-records-2.md']);
    await running.app.fanout.idle();
    expect(attempts()).toHaveLength(3);
  });

  it('follows a group upgraded to a supergroup when the send answers 400 migrate_to_chat_id', async () => {
    const old: FakeChat = { id: -2030, type: 'group', title: 'Small desk' };
    const admin = user(230, 'Admin');
    fake.setMember(old.id, admin.id, 'administrator');
    expect(await command(old, admin, '/subscribe@BriefTestBot united-nations')).toMatch(/now follows united-nations/);
    const upgraded = fake.upgradeGroup(old, -1002030, { notify: false });

    await writeFile(content('un-vote.md'), briefFile('un-vote', 'A vote at the UN', ['united-nations']));
    const [update] = await fake.waitForSent(1, upgraded.id, 20_000);
    expect(textOf(update!)).toMatch(/^\[New\] A vote at the UN/);
    const refused = fake
      .callsTo('sendMessage')
      .filter((c) => String(c.params.chat_id) === String(old.id) && c.status === 400);
    expect(refused).toHaveLength(1);
    expect(await running.app.data.subscriptionsOf(chat(String(old.id)))).toEqual([]);
    expect(await running.app.data.subscriptionsOf(chat(String(upgraded.id)))).toMatchObject([
      { topic: 'united-nations', active: true },
    ]);
    await running.app.fanout.idle();
    expect(fake.sent(upgraded.id)).toHaveLength(1);
  });

  it('follows a group upgraded to a supergroup from the service message, before any send fails', async () => {
    const old: FakeChat = { id: -2040, type: 'group', title: 'Other desk' };
    const admin = user(240, 'Admin');
    fake.setMember(old.id, admin.id, 'administrator');
    expect(await command(old, admin, '/subscribe@BriefTestBot china')).toMatch(/now follows china/);
    const sendsToOld = fake.callsTo('sendMessage').filter((c) => String(c.params.chat_id) === String(old.id)).length;
    const upgraded = fake.upgradeGroup(old, -1002040, { by: admin });
    await eventually(() => fake.unconfirmed === 0, 10_000, 'the service messages handled');
    expect(await running.app.data.subscriptionsOf(chat(String(old.id)))).toEqual([]);
    expect(await running.app.data.subscriptionsOf(chat(String(upgraded.id)))).toMatchObject([
      { topic: 'china', active: true },
    ]);

    await writeFile(content('china-visit.md'), briefFile('china-visit', 'A visit to Beijing', ['china']));
    const [update] = await fake.waitForSent(1, upgraded.id, 20_000);
    expect(textOf(update!)).toMatch(/^\[New\] A visit to Beijing/);
    await running.app.fanout.idle();
    expect(fake.sent(upgraded.id)).toHaveLength(1);
    expect(fake.callsTo('sendMessage').filter((c) => String(c.params.chat_id) === String(old.id))).toHaveLength(
      sendsToOld,
    );
  });
});

describe('telegram: a broadcast cut by a crash resumes on the next start', () => {
  let fake: FakeTelegramApi;
  let dir: string;
  const mains: MainProcess[] = [];
  const chat = (id: number) => ({ platform: 'telegram' as const, chatId: String(id) });

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    dir = await mkdtemp(join(tmpdir(), 'briefbot-telegram-crash-'));
    await writeFixtures(join(dir, 'content'));
  });

  afterAll(async () => {
    for (const main of mains) main.child.kill('SIGKILL');
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('after SIGKILL mid-broadcast: every chat gets the brief, twice only where the send was cut off', async () => {
    const databasePath = join(dir, 'data', 'briefbot.db');
    const env = {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      CONTENT_DIR: join(dir, 'content'),
      DATABASE_PATH: databasePath,
    };
    // Started: content loaded, the folder watched, polling.
    const running = (main: MainProcess) =>
      eventually(() => main.stderr().includes('briefbot is running'), 30_000, 'start');
    // A first run announces the briefs already there (to nobody), as a bot in service would have.
    const setup = spawnMain(env);
    mains.push(setup);
    await running(setup);
    setup.child.kill('SIGTERM');
    expect(await setup.exited).toBe(0);

    const readers = Array.from({ length: 30 }, (_, i) => privateChat(user(3000 + i)));
    const data = openSqliteStore(databasePath);
    for (const reader of readers) {
      fake.addChat(reader);
      await data.subscribe(chat(reader.id), 'sauytbay', 'test');
    }
    await data.close();

    const first = spawnMain(env);
    mains.push(first);
    await running(first);
    // Ten messages are answered; after that Telegram accepts messages but the answers never come.
    fake.holdSends(10);
    await writeFile(join(dir, 'content', 'verdict.md'), briefFile('verdict', 'A verdict in Zharkent', ['sauytbay']));
    await fake.waitFor(() => fake.sent().filter((c) => c.held).length >= 3, 30_000, 'sends under way');
    await eventually(
      () => readDeliveries(databasePath).filter((d) => d.status === 'done').length === 10,
      20_000,
      'the answered sends recorded',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    // A request already on the wire is still read (and held) by the fake a moment later.
    await fake.waitFor(() => fake.sent().some((c) => c.held), 5_000, 'the request on the wire to be held');
    const heldChats = fake
      .sent()
      .filter((c) => c.held)
      .map((c) => String(c.params.chat_id));
    fake.releaseHeld();

    // What the database says was cut off: the sends the platform accepted but never answered,
    // and any that had started but had not reached it yet.
    const cutOff = readDeliveries(databasePath).filter((d) => d.cutOff);
    expect(heldChats.length).toBeGreaterThanOrEqual(3);
    expect(cutOff.map((d) => d.chatId)).toEqual(expect.arrayContaining(heldChats));

    const second = spawnMain(env);
    mains.push(second);
    await fake.waitFor(
      () => readers.every((r) => fake.sent(r.id).length >= 1),
      60_000,
      'every chat served after the restart',
    );
    await eventually(
      () => readDeliveries(databasePath).every((d) => d.status === 'done'),
      20_000,
      'every delivery done',
    );
    for (const reader of readers) {
      const sent = fake.sent(reader.id);
      // Only a send Telegram accepted but never answered before the crash arrives twice.
      expect(sent, String(reader.id)).toHaveLength(heldChats.includes(String(reader.id)) ? 2 : 1);
      for (const s of sent) expect(textOf(s)).toMatch(/^\[New\] A verdict in Zharkent/);
    }
    expect(second.logged('the last run stopped while sending')).toMatchObject([{ deliveries: cutOff.length }]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
