import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { FakeDiscord, PERMISSIONS, snowflake, type RecordedRequest } from '../fakes/discord-api.js';
import {
  APP_ID,
  EPHEMERAL,
  FIXTURES,
  GUILD_ID,
  answerOf,
  slash,
  someone,
  startDiscordHarness,
  TOKEN,
  type Harness,
} from './discord-harness.js';
import { eventually, readDeliveries, spawnMain, type MainProcess } from './main-process.js';
import { shortBriefFile as briefFile } from '../helpers/briefs.js';
import { waitFor } from '../fanout/helpers/test-app.js';

const STRING = 3;
const CHANNEL = 7;

const GENERAL = '510000000000000001';
const DESK = '510000000000000002';
const NEWS = '510000000000000003';
const LOCKED = '510000000000000004';
const NO_ACCESS = '510000000000000005';
const DELETED = '510000000000000006';
const OTHER_GUILD = '410000000000000002';
const ELSEWHERE = '520000000000000001';
const MODS = '610000000000000001';

const MEMBER = PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.EmbedLinks;
const MODERATOR = MEMBER | PERMISSIONS.ManageMessages;

const editor = { id: '710000000000000001', username: 'editor' };
const helper = { id: '710000000000000002', username: 'helper' };

const messagesTo = (fake: FakeDiscord, channelId: string, since = 0): RecordedRequest[] =>
  fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
const authorOf = (request: RecordedRequest) =>
  (request.body as { embeds: { author?: { name: string }; title: string; description?: string }[] }).embeds[0];

describe('discord: subscriptions and posts end to end', { timeout: 60_000 }, () => {
  let h: Harness;
  const content = (name: string) => join(h.dir, 'content', name);
  const chat = (id: string) => ({ platform: 'discord' as const, chatId: id });

  /** A slash command in a channel of the server; answers with the text the user saw. */
  const run = async (
    channelId: string,
    name: string,
    options: { name: string; type: number; value: string }[],
    user = someone(),
    permissions = MEMBER,
  ) => {
    const channelOption = options.find((o) => o.type === CHANNEL);
    const data = {
      ...slash(name, options),
      ...(channelOption
        ? {
            resolved: {
              channels: { [channelOption.value]: { id: channelOption.value, type: 0, name: 'x', permissions: '0' } },
            },
          }
        : {}),
    };
    const body = await answerOf(
      h.fake,
      h.fake.interaction({ type: 2, guildId: GUILD_ID, channelId, user, permissions, data }),
    );
    return {
      text: body.data.embeds?.[0]?.description ?? body.data.content ?? '',
      ephemeral: body.data.flags === EPHEMERAL,
    };
  };
  const topic = (value: string) => ({ name: 'topic', type: STRING, value });
  const channel = (value: string) => ({ name: 'channel', type: CHANNEL, value });

  beforeAll(async () => {
    h = await startDiscordHarness({
      watch: true,
      fanout: { retry: { baseMs: 100, maxMs: 400 } },
      env: { RATE_LIMIT_COMMANDS: '1000' },
      fake: {
        guilds: [
          {
            id: GUILD_ID,
            channels: [
              // The helper is a moderator of #general only, through a member overwrite.
              {
                id: GENERAL,
                name: 'general',
                overwrites: [{ id: helper.id, type: 1, allow: PERMISSIONS.ManageMessages }],
              },
              { id: DESK, name: 'desk' },
              { id: NEWS, name: 'news' },
              { id: LOCKED, name: 'locked', overwrites: [{ id: MODS, type: 0, deny: PERMISSIONS.ManageMessages }] },
              { id: NO_ACCESS, name: 'no-access' },
              { id: DELETED, name: 'deleted' },
            ],
            roles: [{ id: MODS, name: 'mods', permissions: PERMISSIONS.ManageMessages }],
            members: [
              { user: editor, roles: [MODS] },
              { user: helper, roles: [] },
            ],
          },
          { id: OTHER_GUILD, channels: [{ id: ELSEWHERE, name: 'elsewhere' }] },
        ],
      },
    });
  }, 60_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('refuses /subscribe and /post to a member without Manage Messages', async () => {
    const subscribe = await run(GENERAL, 'subscribe', [topic('xinjiang')]);
    expect(subscribe).toEqual({ text: 'In groups only moderators and admins can use /subscribe.', ephemeral: true });
    const post = await run(GENERAL, 'post', [topic('xinjiang'), channel(NEWS)]);
    expect(post).toEqual({ text: 'Only moderators can use /post.', ephemeral: true });
    expect(await h.app.data.subscriptionsOf(chat(GENERAL))).toEqual([]);
    expect(messagesTo(h.fake, NEWS)).toHaveLength(0);
  });

  it('/post lands in the channel chosen, only where the moderator may manage messages too', async () => {
    const posted = await run(GENERAL, 'post', [topic('xinjiang'), channel(NEWS)], editor, MODERATOR);
    expect(posted).toEqual({
      text: 'Posted "The Kazakh connection to China\'s camps" in that channel.',
      ephemeral: false,
    });
    const [message] = messagesTo(h.fake, NEWS);
    expect(authorOf(message!)?.title).toBe("The Kazakh connection to China's camps");

    // A moderator of #general (by a channel overwrite) is not one of #news.
    expect(await run(GENERAL, 'post', [topic('xinjiang'), channel(NEWS)], helper, MODERATOR)).toEqual({
      text: 'You cannot post in that channel: you need Manage Messages or Manage Server in that channel.',
      ephemeral: true,
    });
    // The channel takes Manage Messages away from the moderators' role.
    expect((await run(GENERAL, 'post', [topic('xinjiang'), channel(LOCKED)], editor, MODERATOR)).text).toBe(
      'You cannot post in that channel: you need Manage Messages or Manage Server in that channel.',
    );
    expect((await run(GENERAL, 'post', [topic('xinjiang'), channel(ELSEWHERE)], editor, MODERATOR)).text).toBe(
      'You cannot post in that channel: that channel is in another server.',
    );
    // Here: being a moderator here is enough.
    expect((await run(GENERAL, 'post', [topic('xinjiang')], helper, MODERATOR)).text).toMatch(/^Posted .* here\.$/);

    expect(messagesTo(h.fake, NEWS)).toHaveLength(1);
    expect(messagesTo(h.fake, LOCKED)).toHaveLength(0);
    expect(messagesTo(h.fake, ELSEWHERE)).toHaveLength(0);
    expect(messagesTo(h.fake, GENERAL)).toHaveLength(1);
    const audit = await h.app.data.recentPosts(10);
    expect(audit.map((p) => [p.userId, p.targetChatId, p.outcome])).toEqual([
      [helper.id, GENERAL, 'ok'],
      [editor.id, ELSEWHERE, 'forbidden'],
      [editor.id, LOCKED, 'forbidden'],
      [helper.id, NEWS, 'forbidden'],
      [editor.id, NEWS, 'ok'],
    ]);
  });

  it('sends a new brief once to every subscribed channel within 2 s, then one Updated for an edit', async () => {
    for (const [where, t] of [
      [GENERAL, 'xinjiang'],
      [DESK, 'xinjiang'],
      [DESK, 'kazakhstan'],
    ] as const)
      expect((await run(where, 'subscribe', [topic(t)], editor, MODERATOR)).text).toMatch(/^This chat now follows/);
    const since = h.fake.requests.length;
    const updates = (id: string) => messagesTo(h.fake, id, since);
    await writeFile(
      content('border-trade.md'),
      briefFile('border-trade', 'Border trade resumes at Khorgos', ['kazakhstan', 'xinjiang']),
    );
    await eventually(() => [GENERAL, DESK].every((id) => updates(id).length >= 1), 10_000, 'one update each');
    for (const id of [GENERAL, DESK]) {
      const [update] = updates(id);
      expect(authorOf(update!)).toMatchObject({
        author: { name: 'New brief' },
        title: 'Border trade resumes at Khorgos',
      });
      expect(update!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    }
    await h.app.fanout.idle();
    for (const id of [GENERAL, DESK]) expect(updates(id)).toHaveLength(1);

    await writeFile(
      content('border-trade.md'),
      briefFile('border-trade', 'Border trade resumes at Khorgos', ['kazakhstan', 'xinjiang'], 'Now with new numbers.'),
    );
    await eventually(() => [GENERAL, DESK].every((id) => updates(id).length >= 2), 10_000, 'one Updated each');
    await h.app.fanout.idle();
    for (const id of [GENERAL, DESK]) {
      expect(updates(id)).toHaveLength(2);
      expect(authorOf(updates(id)[1]!)).toMatchObject({ author: { name: 'Updated brief' } });
      expect(authorOf(updates(id)[1]!)?.description).toContain('Now with new numbers.');
    }
  });

  it('pauses the subscriptions of channels it lost (50001, 10003) after 3 failures in a row', async () => {
    for (const where of [NO_ACCESS, DELETED])
      expect((await run(where, 'subscribe', [topic('united-nations')], editor, MODERATOR)).text).toMatch(/now follows/);
    h.fake.fail({
      method: 'POST',
      path: new RegExp(`^/channels/${NO_ACCESS}/messages$`),
      status: 403,
      body: { code: 50001, message: 'Missing Access' },
      times: Infinity,
    });
    h.fake.fail({
      method: 'POST',
      path: new RegExp(`^/channels/${DELETED}/messages$`),
      status: 404,
      body: { code: 10003, message: 'Unknown Channel' },
      times: Infinity,
    });
    await writeFile(content('un-vote.md'), briefFile('un-vote', 'A vote at the UN', ['united-nations']));
    const deactivated = () => h.logs.filter((l) => l.msg.startsWith('subscriptions deactivated'));
    await eventually(() => deactivated().length >= 2, 20_000, 'both channels deactivated');
    for (const id of [NO_ACCESS, DELETED]) {
      expect(messagesTo(h.fake, id)).toHaveLength(3);
      expect(await h.app.data.subscriptionsOf(chat(id))).toMatchObject([{ topic: 'united-nations', active: false }]);
    }
    expect(deactivated().map((l) => [l.chatId, l.failures])).toEqual(
      expect.arrayContaining([
        [NO_ACCESS, 3],
        [DELETED, 3],
      ]),
    );

    await writeFile(content('un-vote-2.md'), briefFile('un-vote-2', 'Another vote at the UN', ['united-nations']));
    await h.app.store.reload(['un-vote-2.md']);
    await h.app.fanout.idle();
    for (const id of [NO_ACCESS, DELETED]) expect(messagesTo(h.fake, id)).toHaveLength(3);
    h.fake.clearFaults();
  });
});

describe('discord: a broadcast cut by a crash resumes on the next start', () => {
  const channels = Array.from({ length: 20 }, (_, i) => `53000000000000${String(i).padStart(4, '0')}`);
  let fake: FakeDiscord;
  let dir: string;
  const mains: MainProcess[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      token: TOKEN,
      applicationId: APP_ID,
      guilds: [{ id: GUILD_ID, channels: channels.map((id) => ({ id })) }],
    });
    dir = await mkdtemp(join(tmpdir(), 'briefbot-discord-crash-'));
    await mkdir(join(dir, 'content'));
    for (const [name, text] of Object.entries(FIXTURES)) await writeFile(join(dir, 'content', name), text);
  });

  afterAll(async () => {
    for (const main of mains) main.child.kill('SIGKILL');
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('after SIGKILL mid-broadcast: every channel gets the brief once; the cut-off send is repeated with its nonce and folded', async () => {
    const databasePath = join(dir, 'data', 'briefbot.db');
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_ROOT: fake.restUrl,
      CONTENT_DIR: join(dir, 'content'),
      DATABASE_PATH: databasePath,
    };
    const running = (main: MainProcess) =>
      eventually(() => main.stderr().includes('briefbot is running'), 30_000, 'start');
    // A first run announces the briefs already there (to nobody), as a bot in service would have.
    const setup = spawnMain(env);
    mains.push(setup);
    await running(setup);
    setup.child.kill('SIGTERM');
    expect(await setup.exited).toBe(0);

    const data = openSqliteStore(databasePath);
    for (const id of channels) await data.subscribe({ platform: 'discord', chatId: id }, 'united-nations', snowflake());
    await data.close();

    const first = spawnMain(env);
    mains.push(first);
    await running(first);
    // Six messages are answered; after that Discord posts them but the answers never come.
    fake.holdMessages(6);
    await writeFile(join(dir, 'content', 'un-vote.md'), briefFile('un-vote', 'A vote at the UN', ['united-nations']));
    // Bulk posts go one after another, so one is left hanging and the rest wait behind it.
    await eventually(() => fake.held.length >= 1, 30_000, 'a send under way');
    await eventually(
      () => readDeliveries(databasePath).filter((d) => d.status === 'done').length === 6,
      20_000,
      'the answered sends recorded',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    // A request already on the wire is still read (and held) by the fake a moment later.
    await waitFor(() => fake.held.length > 0, 5_000, 'the request on the wire to be held');
    const heldChannels = fake.held.map((r) => r.path.split('/')[2]!);
    fake.releaseHeld();
    const cutOff = readDeliveries(databasePath).filter((d) => d.cutOff);
    expect(heldChannels).toHaveLength(1);
    expect(cutOff.map((d) => d.chatId)).toEqual(expect.arrayContaining(heldChannels));

    const second = spawnMain(env);
    mains.push(second);
    await eventually(
      () => channels.every((id) => messagesTo(fake, id).length >= 1),
      60_000,
      'every channel served after the restart',
    );
    await eventually(() => readDeliveries(databasePath).every((d) => d.status === 'done'), 20_000, 'all done');
    for (const id of channels) {
      const posted = messagesTo(fake, id);
      // Only a message Discord posted but never answered for before the crash is sent twice, with
      // the same nonce: Discord folds the repeat into the message it already created.
      expect(posted, id).toHaveLength(heldChannels.includes(id) ? 2 : 1);
      expect(new Set(posted.map((p) => (p.body as { nonce?: string }).nonce)).size, id).toBe(1);
      expect(posted[0]!.body).toMatchObject({ nonce: expect.stringMatching(/^.{1,25}$/), enforce_nonce: true });
      expect(
        fake.created.filter((m) => m.channel_id === id),
        id,
      ).toHaveLength(1);
      for (const p of posted)
        expect(authorOf(p)).toMatchObject({ author: { name: 'New brief' }, title: 'A vote at the UN' });
    }
    expect(second.logged('the last run stopped while sending')).toMatchObject([{ deliveries: cutOff.length }]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
