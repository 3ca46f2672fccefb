import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/index.js';
import { CHANNEL_TYPES, PERMISSIONS, type RecordedRequest } from '../fakes/discord-api.js';
import { InteractionSender } from '../fakes/discord-interactions.js';
import { shortBriefFile as briefFile } from '../helpers/briefs.js';
import { GUILD_ID, answerOf, slash, startDiscordHarness, type Harness } from './discord-harness.js';

const STRING = 3;
const CHANNEL = 7;

const GENERAL = '540000000000000001';
const THREAD = '540000000000000002';
const ARCHIVED = '540000000000000003';
const LOCKED = '540000000000000004';
const FORUM = '540000000000000005';
const TAGGED = '540000000000000006';
const NEWS = '540000000000000007';
const QUIET = '540000000000000008';
const QUIET_THREAD = '540000000000000009';
const NOWHERE = '540000000000009999';
const MODS = '640000000000000001';

const MODERATOR = PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.ManageMessages;
const editor = { id: '740000000000000001', username: 'editor' };
const HOUR = 3_600_000;

type Embed = { author?: { name: string }; title?: string };
const embedOf = (r: RecordedRequest): Embed | undefined => (r.body as { embeds?: Embed[] }).embeds?.[0];

describe('discord: threads, forum channels and announcement channels', { timeout: 90_000 }, () => {
  let h: Harness;
  /** The bot's clock for the hourly publish allowance; the fake's own moves with `h.fake.advanceClock`. */
  let now = Date.UTC(2024, 4, 1);

  const sent = (method: string, path: RegExp, since = 0) =>
    h.fake.requests.slice(since).filter((r) => r.method === method && path.test(r.path));
  const messagesTo = (id: string, since = 0) => sent('POST', new RegExp(`^/channels/${id}/messages$`), since);
  const postsIn = (id: string, since = 0) => sent('POST', new RegExp(`^/channels/${id}/threads$`), since);
  const crossposts = (since = 0) => sent('POST', /\/crosspost$/, since);

  /** A moderator's slash command typed in `channelId`; the text they saw. */
  const run = async (
    channelId: string,
    name: string,
    options: { name: string; type: number; value: string }[],
    locale?: string,
  ) => {
    const target = options.find((o) => o.type === CHANNEL)?.value;
    const data = {
      ...slash(name, options),
      ...(target ? { resolved: { channels: { [target]: { id: target, type: 0, name: 'x', permissions: '0' } } } } : {}),
    };
    const payload = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      channelId,
      user: editor,
      permissions: MODERATOR,
      data,
      ...(locale ? { locale } : {}),
    });
    const body = await answerOf(h.fake, payload);
    return body.data.embeds?.[0]?.description ?? body.data.content ?? '';
  };
  const topic = (value: string) => ({ name: 'topic', type: STRING, value });
  const channel = (value: string) => ({ name: 'channel', type: CHANNEL, value });
  const publish = { name: 'publish', type: STRING, value: 'true' };

  /** Saves a brief and waits until every delivery it causes has been settled. */
  const publishBrief = async (slug: string, title: string, topics: string[], summary?: string) => {
    await writeFile(join(h.dir, 'content', `${slug}.md`), briefFile(slug, title, topics, summary));
    await h.app.store.reload([`${slug}.md`]);
    await h.app.fanout.idle();
  };

  beforeAll(async () => {
    h = await startDiscordHarness({
      env: { RATE_LIMIT_COMMANDS: '1000' },
      fanout: { retry: { baseMs: 20, maxMs: 40 } },
      adapters: (ctx) => [createDiscordAdapter(ctx, ctx.config.discord!, { now: () => now })],
      fake: {
        // Per-route buckets in real time would only slow the dozen posts below down.
        rateLimits: false,
        guilds: [
          {
            id: GUILD_ID,
            channels: [
              { id: GENERAL, name: 'general' },
              { id: THREAD, name: 'dam-watch', type: CHANNEL_TYPES.publicThread, parentId: GENERAL },
              { id: ARCHIVED, name: 'old', type: CHANNEL_TYPES.publicThread, parentId: GENERAL, archived: true },
              {
                id: LOCKED,
                name: 'closed',
                type: CHANNEL_TYPES.publicThread,
                parentId: GENERAL,
                archived: true,
                locked: true,
              },
              { id: FORUM, name: 'briefs', type: CHANNEL_TYPES.forum },
              { id: TAGGED, name: 'tagged', type: CHANNEL_TYPES.forum, requireTag: true, tags: ['1'] },
              { id: NEWS, name: 'news', type: CHANNEL_TYPES.announcement },
              // Messages here, but none in its threads.
              { id: QUIET, name: 'quiet', deny: PERMISSIONS.SendMessagesInThreads },
              { id: QUIET_THREAD, name: 'quiet-thread', type: CHANNEL_TYPES.publicThread, parentId: QUIET },
            ],
            roles: [{ id: MODS, name: 'mods', permissions: PERMISSIONS.ManageMessages }],
            members: [{ user: editor, roles: [MODS] }],
          },
        ],
      },
    });
    // Topics of their own, announced to nobody before anyone follows them.
    await publishBrief('dams-intro', 'Dams on the Irtysh', ['dams', 'forum-news', 'wire', 'tags']);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('a thread follows a topic on its own: updates go into the thread only, an archived one opens again', async () => {
    expect(await run(THREAD, 'subscribe', [topic('dams')])).toMatch(/^This chat now follows dams/);
    expect(await run(ARCHIVED, 'subscribe', [topic('dams')])).toMatch(/^This chat now follows dams/);
    const since = h.fake.requests.length;
    await publishBrief('dam-levels', 'Irtysh dam levels fall', ['dams']);
    expect(messagesTo(THREAD, since).map((r) => embedOf(r)?.title)).toEqual(['Irtysh dam levels fall']);
    expect(messagesTo(ARCHIVED, since)).toHaveLength(1);
    expect(h.fake.options.guilds![0]!.channels.find((c) => c.id === ARCHIVED)?.archived).toBe(false);
    expect(messagesTo(GENERAL, since)).toHaveLength(0);
  });

  it('a forum gets one post per new brief, titled with it, and the update as a reply in that post', async () => {
    expect(await run(GENERAL, 'subscribe', [topic('forum-news'), channel(FORUM)])).toBe(
      'That channel now follows forum-news: new and updated briefs on it will be posted there.',
    );
    const since = h.fake.requests.length;
    const longTitle = `Water sharing on the Syr Darya ${'and its tributaries '.repeat(6)}`.trim();
    await publishBrief('syr-darya', longTitle, ['forum-news']);
    await publishBrief('aral-quotas', 'Aral quotas agreed', ['forum-news']);
    const posts = postsIn(FORUM, since);
    const names = posts.map((p) => (p.body as { name: string }).name);
    expect(names).toEqual([`${[...longTitle].slice(0, 99).join('')}…`, 'Aral quotas agreed']);
    expect(names[0]).toHaveLength(100);
    expect(posts.map((p) => (p.body as { message: { embeds: Embed[] } }).message.embeds[0]?.author?.name)).toEqual([
      'New brief',
      'New brief',
    ]);
    // The bot learned the channel is a forum: no plain message is tried a second time.
    expect(messagesTo(FORUM, since)).toHaveLength(1);

    const syrPost = h.fake.created.find((m) => (m.embeds as Embed[])[0]?.title === longTitle)!.channel_id as string;
    const beforeUpdate = h.fake.requests.length;
    await publishBrief('syr-darya', longTitle, ['forum-news'], 'New figures for the summer.');
    expect(postsIn(FORUM, beforeUpdate)).toHaveLength(0);
    expect(messagesTo(syrPost, beforeUpdate).map((r) => embedOf(r)?.author?.name)).toEqual(['Updated brief']);
    expect(await h.app.data.forumThread({ platform: 'discord', chatId: FORUM }, 'syr-darya')).toBe(syrPost);
  });

  it('publishes the updates of a publish:true subscription in an announcement channel', async () => {
    expect(await run(GENERAL, 'subscribe', [topic('wire'), publish])).toBe(
      'Only announcement channels can publish to following servers, and the channel here is not one. Leave out publish, or pick an announcement channel.',
    );
    expect(await run(NEWS, 'subscribe', [topic('wire'), publish])).toBe(
      'This chat now follows wire (full, published to following servers): new and updated briefs on it will be posted here.',
    );
    expect(await run(NEWS, 'subscriptions', [])).toContain('• wire (full, published to following servers)');
    const since = h.fake.requests.length;
    await publishBrief('wire-1', 'Wire story one', ['wire']);
    const [message] = messagesTo(NEWS, since);
    const created = h.fake.created.find(
      (m) => m.channel_id === NEWS && (m.embeds as Embed[])[0]?.title === 'Wire story one',
    );
    expect(message).toBeDefined();
    expect(crossposts(since).map((r) => r.path)).toEqual([
      `/channels/${NEWS}/messages/${String(created!.id)}/crosspost`,
    ]);
    expect(created!.flags).toBe(1);
  });

  it('skips the 11th publish of the hour with one log line and a note in /status, never asking Discord', async () => {
    const since = h.fake.requests.length;
    const logged = () => h.logs.filter((l) => l.msg.includes('publish limit reached'));
    // One publish went to the subscription above: nine more fill the hour.
    for (let i = 0; i < 9; i++)
      expect(await run(NEWS, 'post', [topic('dams-intro'), publish])).toBe('Posted "Dams on the Irtysh" here.');
    expect(crossposts(since)).toHaveLength(9);
    expect(await run(NEWS, 'post', [topic('dams-intro'), publish])).toBe(
      'Posted "Dams on the Irtysh" here. It was not published to following servers: Discord allows 10 publishes per channel per hour.',
    );
    expect(await run(NEWS, 'post', [topic('dams-intro'), publish], 'ru')).toBe(
      'Опубликовано «Dams on the Irtysh» здесь. На подписанные серверы она не опубликована: Discord разрешает не больше 10 публикаций в час на канал.',
    );
    expect(messagesTo(NEWS, since)).toHaveLength(11);
    expect(crossposts(since)).toHaveLength(9);
    expect(logged()).toHaveLength(1);
    expect(await run(NEWS, 'status', [])).toContain(
      `announcement channel ${NEWS}: 2 messages not published to following servers (Discord allows 10 publishes per channel per hour)`,
    );
    expect(await run(NEWS, 'status', [], 'ru')).toContain(
      `канал объявлений ${NEWS}: 2 сообщения не опубликованы на подписанных серверах (Discord разрешает не больше 10 публикаций в час на канал)`,
    );
    // An hour on, for the bot and for Discord, publishing works again and the note is gone.
    now += HOUR;
    h.fake.advanceClock(HOUR);
    expect(await run(NEWS, 'post', [topic('dams-intro'), publish])).toBe('Posted "Dams on the Irtysh" here.');
    expect(crossposts(since)).toHaveLength(10);
    expect(await run(NEWS, 'status', [])).not.toContain('not published');
  });

  it('takes a 429 on a publish as the answer, and a lost permission (50013) as a note: the post stays', async () => {
    const since = h.fake.requests.length;
    h.fake.rateLimit(/\/crosspost$/, 1800);
    const limited = await run(NEWS, 'post', [topic('dams-intro'), publish]);
    expect(limited).toMatch(/^Posted "Dams on the Irtysh" here\. It was not published to following servers/);
    expect(crossposts(since)).toHaveLength(1);
    // Discord said to wait half an hour: the next post does not ask again.
    await run(NEWS, 'post', [topic('dams-intro'), publish]);
    expect(crossposts(since)).toHaveLength(1);

    now += HOUR;
    h.fake.advanceClock(HOUR);
    h.fake.fail({
      method: 'POST',
      path: /\/crosspost$/,
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
    expect(await run(NEWS, 'post', [topic('dams-intro'), publish])).toBe(
      'Posted "Dams on the Irtysh" here. It was not published to following servers: I lack the permission to publish there (Send Messages, or Manage Messages).',
    );
    expect(messagesTo(NEWS, since)).toHaveLength(3);
    expect(h.logs.filter((l) => l.msg.startsWith('could not publish to following servers'))).toHaveLength(1);
    expect(await run(NEWS, 'status', [])).toContain(
      `announcement channel ${NEWS}: could not publish: I lack the permission`,
    );
    expect(await run(NEWS, 'status', [], 'ru')).toContain(
      `канал объявлений ${NEWS}: не удалось опубликовать: у меня нет права публиковать там («Отправлять сообщения» или «Управлять сообщениями»)`,
    );
    h.fake.fail({
      method: 'POST',
      path: /\/crosspost$/,
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
    expect(await run(NEWS, 'post', [topic('dams-intro'), publish], 'ru')).toBe(
      'Опубликовано «Dams on the Irtysh» здесь. На подписанные серверы она не опубликована: у меня нет права публиковать там («Отправлять сообщения» или «Управлять сообщениями»).',
    );
    expect(await run(GENERAL, 'post', [topic('dams-intro'), publish])).toMatch(
      /^Only announcement channels can publish/,
    );
  });

  it('answers bad targets clearly: a thread that does not exist, a locked thread, a forum that requires tags', async () => {
    expect(await run(GENERAL, 'subscribe', [topic('dams'), channel(NOWHERE)])).toBe(
      'I could not post in that channel: it does not exist or I am not a member there (channels need me as an administrator).',
    );
    expect(await h.app.data.subscriptionsOf({ platform: 'discord', chatId: NOWHERE })).toEqual([]);
    expect(await run(GENERAL, 'post', [topic('dams-intro'), channel(LOCKED)])).toBe(
      'I could not post in that channel: the thread is archived and locked. Unlock the thread (or give me Manage Threads there), then try again.',
    );
    expect(await run(GENERAL, 'post', [topic('dams-intro'), channel(TAGGED)])).toBe(
      'I could not post in that channel: the forum requires a tag on every post, and I do not choose tags. Turn off "Require people to select tags when posting" in the forum\'s settings, then try again.',
    );
    expect(postsIn(TAGGED).filter((r) => h.fake.refusals.some((x) => x.request === r))).toHaveLength(1);
    expect(await run(GENERAL, 'post', [topic('dams-intro'), channel(QUIET_THREAD)])).toBe(
      'I could not post in that channel: missing Send Messages in Threads. Ask an admin to give me that permission there, then try again.',
    );
    // A Russian-speaking moderator reads the same refusals in Russian.
    expect(await run(GENERAL, 'post', [topic('dams-intro'), channel(LOCKED)], 'ru')).toBe(
      'Я не смог опубликовать в том канале: ветка в архиве и закрыта. Откройте ветку (или дайте мне там право «Управлять ветками») и попробуйте снова.',
    );
    expect(await run(GENERAL, 'post', [topic('dams-intro'), channel(TAGGED)], 'ru')).toBe(
      'Я не смог опубликовать в том канале: форум требует тег у каждой публикации, а теги я не выбираю. Отключите в настройках форума «Требовать выбор тегов при публикации» и попробуйте снова.',
    );
    expect(await run(GENERAL, 'post', [topic('dams-intro'), channel(QUIET_THREAD)], 'ru')).toBe(
      'Я не смог опубликовать в том канале: у меня нет права «Отправлять сообщения в ветках». Попросите администратора дать мне это право и попробуйте снова.',
    );
    expect(messagesTo(QUIET_THREAD)).toHaveLength(0);
    expect(await run(GENERAL, 'post', [topic('dams-intro'), channel(QUIET)])).toBe(
      'Posted "Dams on the Irtysh" in that channel.',
    );
  });

  it('pauses a subscription whose forum requires tags after 3 failures, with one log line; others go on', async () => {
    expect(await run(GENERAL, 'subscribe', [topic('tags'), channel(TAGGED)])).toMatch(/^That channel now follows tags/);
    expect(await run(LOCKED, 'subscribe', [topic('tags')])).toMatch(/^This chat now follows tags/);
    expect(await run(GENERAL, 'subscribe', [topic('tags')])).toMatch(/^This chat now follows tags/);
    const since = h.fake.requests.length;
    await publishBrief('tagged-1', 'A brief for tagged forums', ['tags']);
    const paused = h.logs.filter((l) => l.msg.startsWith('subscriptions deactivated'));
    expect(paused.map((l) => l.chatId).sort()).toEqual([LOCKED, TAGGED].sort());
    expect(postsIn(TAGGED, since)).toHaveLength(3);
    expect(messagesTo(LOCKED, since)).toHaveLength(3);
    for (const id of [TAGGED, LOCKED])
      expect(await h.app.data.subscriptionsOf({ platform: 'discord', chatId: id })).toMatchObject([
        { topic: 'tags', active: false },
      ]);
    expect(messagesTo(GENERAL, since).map((r) => embedOf(r)?.title)).toEqual(['A brief for tagged forums']);
  });
});

describe('discord over HTTP interactions: forums and threads through REST alone', { timeout: 60_000 }, () => {
  const box: { h?: Harness } = {};
  const sender = new InteractionSender(() => `http://127.0.0.1:${box.h!.app.http!.port}/discord/interactions`);
  const MUTED_PARENT = '550000000000000001';
  const MUTED_THREAD = '550000000000000002';
  const HTTP_FORUM = '550000000000000003';

  const ask = async (name: string, options: { name: string; type: number; value: string }[]) => {
    const payload = box.h!.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      channelId: GENERAL,
      user: editor,
      permissions: MODERATOR,
      data: slash(name, options),
    });
    const response = await sender.post(payload);
    const body = response.body as { data: { embeds?: { description?: string }[] } };
    return body.data.embeds?.[0]?.description ?? '';
  };

  beforeAll(async () => {
    box.h = await startDiscordHarness({
      env: { DISCORD_PUBLIC_KEY: sender.publicKeyHex, RATE_LIMIT_COMMANDS: '1000' },
      adapters: (ctx) => [createDiscordAdapter(ctx, ctx.config.discord!, { deferAfterMs: 10_000 })],
      fake: {
        guilds: [
          {
            id: GUILD_ID,
            channels: [
              { id: GENERAL, name: 'general' },
              // The moderators' role loses Manage Messages here, and so in its threads.
              { id: MUTED_PARENT, overwrites: [{ id: MODS, type: 0, deny: PERMISSIONS.ManageMessages }] },
              { id: MUTED_THREAD, type: CHANNEL_TYPES.publicThread, parentId: MUTED_PARENT },
              { id: HTTP_FORUM, name: 'forum', type: CHANNEL_TYPES.forum },
            ],
            roles: [{ id: MODS, name: 'mods', permissions: PERMISSIONS.ManageMessages }],
            members: [{ user: editor, roles: [MODS] }],
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await box.h?.stop();
  });

  it("checks a thread by its channel's overwrites, and posts each new brief as a forum post", async () => {
    const h = box.h!;
    expect(
      await ask('post', [
        { name: 'topic', type: STRING, value: 'xinjiang' },
        { name: 'channel', type: CHANNEL, value: MUTED_THREAD },
      ]),
    ).toBe('You cannot post in that channel: you need Manage Messages or Manage Server in that channel.');
    expect(h.fake.find('POST', new RegExp(`^/channels/${MUTED_THREAD}/messages$`))).toHaveLength(0);

    expect(
      await ask('subscribe', [
        { name: 'topic', type: STRING, value: 'xinjiang' },
        { name: 'channel', type: CHANNEL, value: HTTP_FORUM },
      ]),
    ).toMatch(/^That channel now follows xinjiang/);
    await writeFile(join(h.dir, 'content', 'new-camp.md'), briefFile('new-camp', 'A new camp is found', ['xinjiang']));
    await h.app.store.reload(['new-camp.md']);
    await h.app.fanout.idle();
    const posts = h.fake.find('POST', new RegExp(`^/channels/${HTTP_FORUM}/threads$`));
    expect(posts.map((p) => (p.body as { name: string }).name)).toEqual(['A new camp is found']);
  });
});
