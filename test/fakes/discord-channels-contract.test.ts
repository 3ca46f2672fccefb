import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { CHANNEL_TYPES, FakeDiscord, PERMISSIONS } from './discord-api.js';
import { discordRest } from './discord-rest.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP = '123456789012345678';
const GUILD = '223456789012345678';
const TEXT = '323456789012345601';
const THREAD = '323456789012345602';
const ARCHIVED = '323456789012345603';
const LOCKED = '323456789012345604';
const FORUM = '323456789012345605';
const TAGGED_FORUM = '323456789012345606';
const NEWS = '323456789012345607';
const QUIET_PARENT = '323456789012345608';
const QUIET_THREAD = '323456789012345609';
const MANAGED_PARENT = '323456789012345610';
const MANAGED_LOCKED = '323456789012345611';

const message = { content: 'hello', allowed_mentions: { parse: [] } };

/** Threads, forums and announcement channels: each rule refuses what Discord refuses and takes what it takes. */
describe('FakeDiscord enforces the rules of threads, forums and announcement channels', () => {
  let fake: FakeDiscord;
  let clock: ManualClock;
  const rest = discordRest(() => fake, TOKEN);
  const send = (channel: string, body: unknown = message) => rest('POST', `/channels/${channel}/messages`, body);
  const channel = (id: string) => fake.options.guilds![0]!.channels.find((c) => c.id === id)!;

  beforeEach(async () => {
    clock = new ManualClock();
    fake = await FakeDiscord.start({
      token: TOKEN,
      applicationId: APP,
      clock,
      rateLimits: false,
      guilds: [
        {
          id: GUILD,
          channels: [
            { id: TEXT },
            { id: THREAD, type: CHANNEL_TYPES.publicThread, parentId: TEXT },
            { id: ARCHIVED, type: CHANNEL_TYPES.publicThread, parentId: TEXT, archived: true },
            { id: LOCKED, type: CHANNEL_TYPES.publicThread, parentId: TEXT, archived: true, locked: true },
            { id: FORUM, type: CHANNEL_TYPES.forum },
            { id: TAGGED_FORUM, type: CHANNEL_TYPES.forum, requireTag: true, tags: ['777'] },
            { id: NEWS, type: CHANNEL_TYPES.announcement },
            { id: QUIET_PARENT, deny: PERMISSIONS.SendMessagesInThreads },
            { id: QUIET_THREAD, type: CHANNEL_TYPES.publicThread, parentId: QUIET_PARENT },
            { id: MANAGED_PARENT, overwrites: [] },
            {
              id: MANAGED_LOCKED,
              type: CHANNEL_TYPES.publicThread,
              parentId: MANAGED_PARENT,
              archived: true,
              locked: true,
            },
          ],
        },
      ],
    });
    channel(MANAGED_PARENT).overwrites = [{ id: fake.botUser.id, type: 1, allow: PERMISSIONS.ManageThreads }];
  });
  afterEach(async () => {
    await fake.close();
  });

  it('refuses a plain message to a forum with 50008 and takes it in a thread', async () => {
    expect(await send(FORUM)).toMatchObject({
      status: 400,
      body: { code: 50008, message: 'Cannot send messages in a non-text channel' },
    });
    expect((await send(THREAD)).status).toBe(200);
  });

  it('reopens an archived thread on a message, and refuses a locked one with 50083 unless the bot manages threads', async () => {
    expect((await send(ARCHIVED)).status).toBe(200);
    expect(channel(ARCHIVED).archived).toBe(false);
    expect(await send(LOCKED)).toMatchObject({ status: 400, body: { code: 50083, message: 'Thread is archived' } });
    expect(channel(LOCKED).archived).toBe(true);
    expect((await send(MANAGED_LOCKED)).status).toBe(200);
    expect(channel(MANAGED_LOCKED).archived).toBe(false);
  });

  it('needs Send Messages in Threads in the parent channel to post in its threads', async () => {
    expect(await send(QUIET_THREAD)).toMatchObject({ status: 403, body: { code: 50013 } });
    // The parent itself still takes messages: the two permissions are apart.
    expect((await send(QUIET_PARENT)).status).toBe(200);
    expect((await send(THREAD)).status).toBe(200);
  });

  it('opens a forum post named 1-100 characters, its first message sharing its id', async () => {
    for (const name of ['', 'x'.repeat(101)]) {
      const refused = await rest('POST', `/channels/${FORUM}/threads`, { name, message });
      expect(refused).toMatchObject({ status: 400, body: { code: 50035, errors: { name: {} } } });
    }
    expect(await rest('POST', `/channels/${FORUM}/threads`, { message })).toMatchObject({ status: 400 });
    expect(await rest('POST', `/channels/${FORUM}/threads`, { name: 'Dams' })).toMatchObject({
      status: 400,
      body: { errors: { message: {} } },
    });
    const created = await rest('POST', `/channels/${FORUM}/threads`, { name: 'x'.repeat(100), message });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 11, parent_id: FORUM, message: { content: 'hello' } });
    expect((created.body.message as { id: string }).id).toBe(created.body.id);
    // The post is a thread that takes replies.
    expect((await send(String(created.body.id))).status).toBe(200);
    // A text channel is not a forum.
    expect(await rest('POST', `/channels/${TEXT}/threads`, { name: 'x', message })).toMatchObject({
      status: 400,
      body: { code: 50024 },
    });
  });

  it('refuses a post without a tag where the forum requires one (40067) and takes one with a tag', async () => {
    expect(await rest('POST', `/channels/${TAGGED_FORUM}/threads`, { name: 'Dams', message })).toMatchObject({
      status: 400,
      body: { code: 40067, message: 'A tag is required to create a forum post in this channel' },
    });
    const tagged = await rest('POST', `/channels/${TAGGED_FORUM}/threads`, {
      name: 'Dams',
      message,
      applied_tags: ['777'],
    });
    expect(tagged.status).toBe(201);
    expect((await rest('GET', `/channels/${TAGGED_FORUM}`)).body).toMatchObject({ type: 15, flags: 16 });
  });

  it('publishes in announcement channels only, each message once', async () => {
    const inText = (await send(TEXT)).body.id as string;
    expect(await rest('POST', `/channels/${TEXT}/messages/${inText}/crosspost`)).toMatchObject({
      status: 400,
      body: { code: 50024 },
    });
    const inNews = (await send(NEWS)).body.id as string;
    expect(await rest('POST', `/channels/${NEWS}/messages/${inNews}/crosspost`)).toMatchObject({
      status: 200,
      body: { id: inNews, flags: 1 },
    });
    expect(await rest('POST', `/channels/${NEWS}/messages/${inNews}/crosspost`)).toMatchObject({
      status: 400,
      body: { code: 40033 },
    });
    expect(await rest('POST', `/channels/${NEWS}/messages/123456789012345678/crosspost`)).toMatchObject({
      status: 404,
      body: { code: 10008 },
    });
  });

  it('publishes 10 messages per channel per hour, answering the 11th with a 429 and the seconds to wait', async () => {
    const publish = async () => {
      const id = (await send(NEWS)).body.id as string;
      return rest('POST', `/channels/${NEWS}/messages/${id}/crosspost`);
    };
    for (let i = 0; i < 10; i++) {
      expect((await publish()).status).toBe(200);
      clock.advance(60_000);
    }
    const eleventh = await publish();
    expect(eleventh).toMatchObject({ status: 429, body: { retry_after: 3000, global: false } });
    clock.advance(3_000_000);
    expect((await publish()).status).toBe(200);
  });

  it('refuses to publish without Send Messages (50013), and publishes once it is back', async () => {
    const id = (await send(NEWS)).body.id as string;
    channel(NEWS).deny = PERMISSIONS.SendMessages;
    expect(await rest('POST', `/channels/${NEWS}/messages/${id}/crosspost`)).toMatchObject({
      status: 403,
      body: { code: 50013 },
    });
    delete channel(NEWS).deny;
    expect((await rest('POST', `/channels/${NEWS}/messages/${id}/crosspost`)).status).toBe(200);
  });

  it('answers Unknown Channel (10003) for a thread that does not exist', async () => {
    expect(await send('323456789012349999')).toMatchObject({ status: 404, body: { code: 10003 } });
    expect((await rest('GET', `/channels/${THREAD}`)).body).toMatchObject({
      type: 11,
      parent_id: TEXT,
      thread_metadata: { archived: false, locked: false },
    });
  });
});
