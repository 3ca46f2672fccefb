import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/index.js';
import { PERMISSIONS } from '../fakes/discord-api.js';
import { InteractionSender } from '../fakes/discord-interactions.js';
import {
  APP_ID,
  bodyOf,
  CHANNEL_ID,
  EPHEMERAL,
  GUILD_ID,
  interactAndWait,
  MODERATOR_USER,
  NEWS_CHANNEL_ID as OTHER_CHANNEL_ID,
  NO_EMBEDS_CHANNEL_ID,
  slash,
  someone,
  startDiscordHarness,
  type CallbackBody,
  type Harness,
} from './discord-harness.js';

const STRING = 3;
const CHANNEL = 7;

/** Starts the bot in HTTP interactions mode; `sender` signs with the key pair the bot was given. */
async function startHttpMode(options: { deferAfterMs?: number } = {}) {
  const box: { h?: Harness } = {};
  const sender = new InteractionSender(() => `http://127.0.0.1:${box.h!.app.http!.port}/discord/interactions`);
  box.h = await startDiscordHarness({
    env: { DISCORD_PUBLIC_KEY: sender.publicKeyHex },
    ...(options.deferAfterMs === undefined
      ? {}
      : {
          adapters: (ctx) => [createDiscordAdapter(ctx, ctx.config.discord!, { deferAfterMs: options.deferAfterMs! })],
        }),
  });
  return { h: box.h, sender };
}

describe('Discord HTTP interactions', { timeout: 30_000 }, () => {
  let h: Harness;
  let sender: InteractionSender;
  let gateway: Harness;
  beforeAll(async () => {
    ({ h, sender } = await startHttpMode());
    gateway = await startDiscordHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    await gateway?.stop();
  });

  const command = (name: string, options: Parameters<typeof slash>[1] = [], user = someone()) =>
    h.fake.interaction({ type: 2, guildId: GUILD_ID, channelId: CHANNEL_ID, user, data: slash(name, options) });
  const answerTo = async (payload: Record<string, unknown>) => {
    const response = await sender.post(payload);
    expect(response.status).toBe(200);
    return response.body as CallbackBody;
  };

  it('opens no gateway connection and checks the token over REST', () => {
    expect(h.fake.identifies).toHaveLength(0);
    expect(h.fake.gatewayQueries).toHaveLength(0);
    expect(h.fake.find('GET', /^\/users\/@me$/)).toHaveLength(1);
  });

  it('answers PING with PONG', async () => {
    const response = await sender.post({ id: '1', type: 1, application_id: APP_ID, token: 't', version: 1 });
    expect(response).toMatchObject({ status: 200, body: { type: 1 } });
  });

  it('refuses a bad, missing or old signature with 401 and handles nothing', async () => {
    const since = h.fake.requests.length;
    const payload = command('help');
    const stranger = InteractionSender.strangerKey();
    const now = String(Math.floor(Date.now() / 1000));
    const refusals = [
      { signature: null },
      { timestamp: null },
      { signature: 'ab'.repeat(64) },
      { signature: 'not hex' },
      { signature: sender.signature(now, JSON.stringify(payload), stranger), timestamp: now },
      { body: JSON.stringify({ ...payload, type: 1 }) },
      { signedAt: Date.now() - 6 * 60_000 },
      { signedAt: Date.now() + 6 * 60_000 },
    ];
    for (const tamper of refusals)
      expect((await sender.post(payload, tamper)).status, JSON.stringify(tamper)).toBe(401);
    expect(h.fake.requests.slice(since)).toEqual([]);
  });

  it('signed but malformed JSON gets 400', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = '{"type": 2, ';
    const response = await sender.post({}, { body, timestamp, signature: sender.signature(timestamp, body) });
    expect(response.status).toBe(400);
  });

  it('/brief is answered in the HTTP response with the same message as over the gateway', async () => {
    const options = [{ name: 'topic', type: STRING, value: 'xinjiang' }];
    const overHttp = await answerTo(command('brief', options));
    const payload = gateway.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', options),
    });
    const overGateway = bodyOf(await interactAndWait(gateway.fake, payload));
    expect(overHttp.type).toBe(4);
    expect(overHttp.data.embeds?.[0]?.title).toBe("The Kazakh connection to China's camps");
    expect(overHttp).toEqual(overGateway);
  });

  it('autocomplete answers with choices (type 8), as over the gateway', async () => {
    const payload = h.fake.interaction({
      type: 4,
      guildId: GUILD_ID,
      data: slash('brief', [{ name: 'topic', type: STRING, value: 'kaz', focused: true }]),
    });
    const body = await answerTo(payload);
    expect(body.type).toBe(8);
    expect(body.data.choices?.[0]).toMatchObject({ value: 'kazakh-connection' });
    expect(body.data.choices!.length).toBeLessThanOrEqual(25);
  });

  it('a button runs its command', async () => {
    const press = h.fake.interaction({
      type: 3,
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      user: someone(),
      data: { custom_id: 'brief:topic=un-rights-chief', component_type: 2 },
      message: h.fake.botMessage(CHANNEL_ID),
    });
    const body = await answerTo(press);
    expect(body.type).toBe(4);
    expect(body.data.embeds?.[0]?.title).toBe('China tells the UN rights chief to keep out of Xinjiang');
  });

  it('/post into another channel checks the member over REST, then posts through REST', async () => {
    const post = (user: { id: string; username: string }) =>
      h.fake.interaction({
        type: 2,
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        user,
        permissions: PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.ManageMessages,
        data: slash('post', [
          { name: 'topic', type: STRING, value: 'xinjiang' },
          { name: 'channel', type: CHANNEL, value: OTHER_CHANNEL_ID },
        ]),
      });
    const since = h.fake.requests.length;
    const body = await answerTo(post(MODERATOR_USER));
    expect(body.data.embeds?.[0]?.description).toContain('Posted "The Kazakh connection to China\'s camps"');
    const recent = h.fake.requests.slice(since);
    expect(
      recent.some((r) => r.method === 'GET' && r.path === `/guilds/${GUILD_ID}/members/${MODERATOR_USER.id}`),
    ).toBe(true);
    const posted = recent.filter((r) => r.method === 'POST' && r.path === `/channels/${OTHER_CHANNEL_ID}/messages`);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({ allowed_mentions: { parse: [] } });

    const stranger = await answerTo(post(someone()));
    expect(stranger.data.flags).toBe(EPHEMERAL);
    expect(stranger.data.embeds?.[0]?.description).toContain('not a member of this server');
    expect(h.fake.find('POST', new RegExp(`^/channels/${OTHER_CHANNEL_ID}/messages$`))).toHaveLength(1);
  });

  it('/post into a channel where the bot may not embed: Discord refuses it and the moderator is told', async () => {
    const payload = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      user: MODERATOR_USER,
      permissions: PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.ManageMessages,
      data: slash('post', [
        { name: 'topic', type: STRING, value: 'xinjiang' },
        { name: 'channel', type: CHANNEL, value: NO_EMBEDS_CHANNEL_ID },
      ]),
    });
    const body = await answerTo(payload);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds?.[0]?.description).toBe(
      'I could not post in that channel: I lack a permission I need there. Ask an admin to give me that permission there, then try again.',
    );
    expect(h.fake.refusals.map((r) => (r.body as { code: number }).code)).toContain(50013);
  });
});

describe('Discord HTTP interactions: slow answers', { timeout: 30_000 }, () => {
  let h: Harness;
  let sender: InteractionSender;
  beforeAll(async () => {
    ({ h, sender } = await startHttpMode({ deferAfterMs: 0 }));
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('answers "deferred" (type 5) at once, then edits the original response in through REST', async () => {
    const payload = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: STRING, value: 'xinjiang' }]),
    });
    const response = await sender.post(payload);
    expect(response).toMatchObject({ status: 200, body: { type: 5 } });
    const edit = await h.fake.waitForRequest(
      'PATCH',
      new RegExp(`^/webhooks/${APP_ID}/${String(payload.token)}/messages/@original$`),
    );
    expect(edit.at).toBeGreaterThan(0);
    expect(edit.body).toMatchObject({
      allowed_mentions: { parse: [] },
      embeds: [{ title: "The Kazakh connection to China's camps" }],
    });
  });

  it('a private answer after deferring: the original is removed and a private follow-up sent', async () => {
    const payload = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: STRING, value: 'kzkhstn' }]),
    });
    expect((await sender.post(payload)).body).toEqual({ type: 5 });
    const token = String(payload.token);
    await h.fake.waitForRequest('DELETE', new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`));
    const followUp = await h.fake.waitForRequest('POST', new RegExp(`^/webhooks/${APP_ID}/${token}$`));
    expect(followUp.body).toMatchObject({ flags: EPHEMERAL, allowed_mentions: { parse: [] } });
  });
});
