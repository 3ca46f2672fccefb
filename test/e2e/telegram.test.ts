import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreCommands } from '../../commands/index.js';
import { FakeTelegramApi, groupChat, privateChat, user, type FakeMessage } from '../fakes/telegram-api.js';
import { FIXTURES, startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

describe('telegram: commands, buttons and inline mode through telegraf', () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;
  const alice = user(101, 'Alice');
  const bob = user(102, 'Bob');
  const group = groupChat(-1001);

  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ botUsername: 'BriefTestBot' });
    running = await startTelegramBot(fake);
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
  }, 30_000);

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('starts like main: getMe, the command menu per scope, no webhook, long polling', () => {
    const methods = fake.calls.map((c) => c.method);
    expect(methods[0]).toBe('getMe');
    expect(methods).toContain('deleteWebhook');
    const names = (scope: string) => fake.commands.get(scope)?.map((c) => c.command);
    const open = coreCommands.filter((c) => !c.moderatorOnly);
    expect(names('default')).toEqual(open.map((c) => c.name));
    expect(names('all_group_chats')).toEqual(open.filter((c) => !c.moderatorInGroups).map((c) => c.name));
    expect(names('all_chat_administrators')).toEqual(coreCommands.map((c) => c.name));
    expect(names('default')).toContain('brief');
  });

  it('publishes a Russian menu and profile for users whose app speaks Russian', () => {
    const ru = fake.commands.get('default:ru') ?? [];
    expect(ru.map((c) => c.command)).toEqual(fake.commands.get('default')?.map((c) => c.command));
    expect(ru.find((c) => c.command === 'brief')?.description).toBe(
      'Справка по теме: кратко, главные факты и источники.',
    );
    expect(fake.commands.get('all_chat_administrators:ru')?.map((c) => c.command)).toContain('language');
    expect(fake.profile.get('description:ru')).toContain('Синьцзян');
    expect(fake.profile.get('short:')).toContain('/brief');
  });

  it('answers /brief in a private chat with the HTML brief and the article preview', async () => {
    const chat = privateChat(alice);
    fake.sendText(chat, alice, '/brief xinjiang');
    const [sent] = await fake.waitForSent(1, chat.id);
    expect(sent!.params.parse_mode).toBe('HTML');
    expect(String(sent!.params.text)).toMatch(/^<b>.+<\/b>\n<i>/);
    expect(textOf(sent!)).toContain('Key facts\n• ');
    expect(textOf(sent!)).toContain('Read the original article');
    expect(sent!.params.reply_parameters).toBeUndefined();
    expect((sent!.params.link_preview_options as { url?: string }).url).toMatch(/^https:\/\//);
  });

  it('answers /brief@BriefTestBot in a group, quoting the command', async () => {
    const message = fake.sendText(group, bob, '/brief@BriefTestBot kazakhstan');
    const [sent] = await fake.waitForSent(1, group.id);
    expect(sent!.params.reply_parameters).toMatchObject({ message_id: message.message_id });
    expect((sent!.result as FakeMessage).reply_to_message?.message_id).toBe(message.message_id);
    expect(textOf(sent!)).toMatch(/Kazakh/);
  });

  it('ignores commands for other bots and unknown commands in groups, but answers /BRIEF', async () => {
    const before = fake.sent(group.id).length;
    fake.sendText(group, bob, '/brief@OtherBot xinjiang');
    fake.sendText(group, bob, '/start');
    fake.sendText(group, bob, 'just chatting about xinjiang');
    fake.sendText(group, bob, '/BRIEF sauytbay');
    const sent = await fake.waitForSent(before + 1, group.id);
    expect(textOf(sent[before]!)).toMatch(/Sauytbay/);
    // Everything was handled (the next poll confirmed it) and nothing else was sent.
    await fake.waitFor(() => fake.unconfirmed === 0, 10_000, 'updates confirmed');
    expect(fake.sent(group.id)).toHaveLength(before + 1);
  });

  it('answers /brief alone with its usage, and /start in private with help', async () => {
    const carol = user(103, 'Carol');
    const chat = privateChat(carol);
    fake.sendText(chat, carol, '/brief');
    fake.sendText(chat, carol, '/start');
    fake.sendText(chat, carol, 'hello');
    const sent = await fake.waitForSent(3, chat.id);
    expect(textOf(sent[0]!)).toMatch(/^Usage: \/brief <topic>/);
    expect(textOf(sent[1]!)).toMatch(/^Commands:/);
    expect(textOf(sent[2]!)).toMatch(/Commands start with a slash/);
  });

  it('offers notFound suggestions as buttons; pressing one answers the query and sends the brief', async () => {
    const dave = user(104, 'Dave');
    const chat = privateChat(dave);
    fake.sendText(chat, dave, '/brief uigurs');
    const [notFound] = await fake.waitForSent(1, chat.id);
    const message = notFound!.result as FakeMessage;
    expect(textOf(notFound!)).toMatch(/No brief matches "uigurs"/);
    const rows = (notFound!.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    expect(rows.length).toBeGreaterThan(0);
    const button = rows[0]![0]!;
    const queryId = fake.pressButton(message, dave, button.callback_data);
    const sent = await fake.waitForSent(2, chat.id);
    expect(textOf(sent[1]!).startsWith(button.text.replace(/…$/, ''))).toBe(true);
    const answered = fake.callsTo('answerCallbackQuery');
    expect(answered.some((c) => c.params.callback_query_id === queryId && c.status === 200)).toBe(true);
  });

  it('lets only group admins, and anonymous admins, use moderator commands in groups', async () => {
    const team = groupChat(-1005);
    const member = user(110, 'Member');
    const admin = user(111, 'Admin');
    fake.setMember(team.id, admin.id, 'administrator');
    fake.sendText(team, member, '/subscribe@BriefTestBot xinjiang');
    fake.sendText(team, admin, '/subscribe@BriefTestBot xinjiang');
    const anonymous = user(1087968824, 'Group', { is_bot: true, username: 'GroupAnonymousBot' });
    fake.sendText(team, anonymous, '/subscribe@BriefTestBot kazakhstan', { sender_chat: team });
    const sent = await fake.waitForSent(3, team.id);
    expect(sent.map(textOf)).toEqual([
      'In groups only moderators and admins can use /subscribe.',
      'This chat now follows xinjiang: new and updated briefs on it will be posted here.',
      'This chat now follows kazakhstan: new and updated briefs on it will be posted here.',
    ]);
    const asked = fake.callsTo('getChatMember').map((c) => Number(c.params.user_id));
    expect(asked.sort()).toEqual([member.id, admin.id].sort());

    // A new brief on a followed topic reaches the group through the adapter's deliver.
    await writeFile(
      join(running.dir, 'content', 'new-on-xinjiang.md'),
      FIXTURES['sauytbay-trial.md']!.replace('title: Kazakh court frees', 'title: Fresh news, Kazakh court frees')
        .replace('topics: [sauytbay, kazakhstan, xinjiang]', 'slug: fresh-news\ntopics: [xinjiang]')
        .replace('published: 2018-08-01', 'published: 2019-01-01'),
    );
    await running.app.store.reload(['new-on-xinjiang.md']);
    const delivered = await fake.waitForSent(4, team.id, 20_000);
    expect(textOf(delivered[3]!)).toMatch(/^\[New\] Fresh news, Kazakh court frees/);
    expect(delivered[3]!.params.reply_parameters).toBeUndefined();
  });

  it('lets a group admin /post a brief into a channel named by @username', async () => {
    const newsroom = groupChat(-1006);
    const channel = { id: -1007, type: 'channel' as const, title: 'News', username: 'newschannel' };
    fake.addChat(channel);
    const editor = user(112, 'Editor');
    fake.setMember(newsroom.id, editor.id, 'administrator');
    fake.setMember(channel.id, editor.id, 'administrator');
    fake.sendText(newsroom, editor, '/post@BriefTestBot sauytbay @newschannel');
    fake.sendText(newsroom, editor, '/post@BriefTestBot sauytbay @nosuchchannel');
    const confirmations = await fake.waitForSent(2, newsroom.id);
    expect(confirmations.map(textOf)).toEqual([
      'Posted "Kazakh court frees Sayragul Sauytbay, a witness to China\'s camps" in @newschannel.',
      expect.stringMatching(/^I could not post in @nosuchchannel: it does not exist or I am not a member there/),
    ]);
    const posted = fake.sent('@newschannel');
    expect(posted).toHaveLength(1);
    expect((posted[0]!.result as FakeMessage).chat.id).toBe(channel.id);
    expect(textOf(posted[0]!)).toMatch(/^Kazakh court frees Sayragul Sauytbay/);
  });

  it('answers inline queries with matching briefs, and the latest ones for an empty query', async () => {
    const id = fake.inlineQuery(alice, 'kaz');
    const empty = fake.inlineQuery(alice, '');
    const answers = await fake.waitFor(() => {
      const calls = fake.callsTo('answerInlineQuery');
      const a = calls.find((c) => c.params.inline_query_id === id);
      const b = calls.find((c) => c.params.inline_query_id === empty);
      return a && b ? [a, b] : undefined;
    });
    for (const answer of answers) expect(answer.status).toBe(200);
    type Result = { title: string; description: string; input_message_content: { message_text: string } };
    const [matching, latest] = answers.map((a) => a.params.results as Result[]);
    expect(matching!.length).toBeGreaterThan(0);
    expect(matching!.length).toBeLessThanOrEqual(10);
    expect(matching!.some((r) => /Kazakh/.test(r.title))).toBe(true);
    expect(latest!.map((r) => r.title)).toEqual(running.app.store.library.latest(10).map((b) => b.title));
    expect(latest!.map((r) => r.title)).toContain('A long read on <everything> & more');
    for (const r of [...matching!, ...latest!]) {
      expect(r.description).toMatch(/[.!?…]$/);
      expect(r.input_message_content.message_text).toMatch(/^<b>/);
    }
  });
});
