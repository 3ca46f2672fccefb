import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWithinDiscordLimits } from '../adapters/discord/limits-check.js';
import { PERMISSIONS } from '../fakes/discord-api.js';
import {
  bodyOf,
  CHANNEL_ID,
  EPHEMERAL,
  GUILD_ID,
  answerOf,
  interactAndWait,
  MODERATOR_USER,
  NO_EMBEDS_CHANNEL_ID,
  slash,
  someone,
  startDiscordHarness,
  TOKEN,
  type Harness,
} from './discord-harness.js';

const STRING = 3;
const INTEGER = 4;
const CHANNEL = 7;

describe('Discord adapter against a fake Discord', { timeout: 30_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startDiscordHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  const command = (name: string, options: Parameters<typeof slash>[1] = [], user = someone()) =>
    h.fake.interaction({ type: 2, guildId: GUILD_ID, channelId: CHANNEL_ID, user, data: slash(name, options) });

  it('connects with the Guilds intent only, over the gateway URL the REST API gave', () => {
    expect(h.fake.find('GET', /^\/gateway\/bot$/)).toHaveLength(1);
    expect(h.fake.identifies).toHaveLength(1);
    expect(h.fake.identifies[0]?.intents).toBe(1);
    expect(h.fake.gatewayQueries[0]).toContain('v=10');
    expect(h.fake.gatewayQueries[0]).toContain('encoding=json');
  });

  it('/brief answers publicly with the brief as an embed, sources as link buttons, mentions off', async () => {
    const body = await answerOf(h.fake, command('brief', [{ name: 'topic', type: STRING, value: 'xinjiang' }]));
    expect(body.type).toBe(4);
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const embed = body.data.embeds?.[0];
    expect(embed?.title).toBe("The Kazakh connection to China's camps");
    expect(embed?.url).toBe('https://www.tol.org/client/article/kazakh-connection');
    expect(embed?.description).toBe('Kazakhs who left Xinjiang describe relatives held in political education camps.');
    expect(embed?.fields).toEqual([
      {
        name: 'Key facts',
        value:
          "• Sayragul Sauytbay testified in Zharkent in July 2018.\n• Kazakhstan's foreign ministry raised the detentions with Beijing in 2018.",
      },
      { name: 'Sources', value: '• Eradicating Ideological Viruses (Human Rights Watch, 2018-09-09)' },
      { name: 'Topics', value: 'xinjiang, kazakhstan', inline: true },
    ]);
    expect(embed?.footer?.text).toBe('Transitions Online · published 2018-09-11, updated 2018-10-02');
    expect(embed?.timestamp).toBe('2018-10-02T00:00:00.000Z');
    expect(body.data.components?.[0]?.components).toEqual([
      {
        type: 2,
        style: 5,
        label: 'Eradicating Ideological Viruses',
        url: 'https://www.hrw.org/report/2018/09/09/eradicating-ideological-viruses',
      },
    ]);
    expect(body.data.components?.[1]?.components[0]).toMatchObject({ custom_id: 'brief:topic=un-rights-chief' });
  });

  it('autocomplete answers with at most 25 choices, prefix matches first', async () => {
    const payload = h.fake.interaction({
      type: 4,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: STRING, value: 'kaz', focused: true }]),
    });
    const body = await answerOf(h.fake, payload);
    expect(body.type).toBe(8);
    expect(body.data.choices?.length).toBeGreaterThan(0);
    expect(body.data.choices?.length).toBeLessThanOrEqual(25);
    expect(body.data.choices?.[0]).toEqual({
      name: "The Kazakh connection to China's camps (2018-10-02)",
      value: 'kazakh-connection',
    });
    for (const choice of body.data.choices ?? []) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('autocomplete with a typo still finds the brief', async () => {
    const payload = h.fake.interaction({
      type: 4,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: STRING, value: 'xinjaing', focused: true }]),
    });
    const body = await answerOf(h.fake, payload);
    expect(body.data.choices?.map((c) => c.value)).toContain('kazakh-connection');
  });

  it('a bad option value gets the usage, privately', async () => {
    const body = await answerOf(h.fake, command('latest', [{ name: 'count', type: INTEGER, value: 999 }]));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds?.[0]?.description).toContain('Usage: /latest [count]');
  });

  it('notFound is private, with suggestions as buttons; pressing one shows that brief', async () => {
    const body = await answerOf(h.fake, command('brief', [{ name: 'topic', type: STRING, value: 'kzkhstn' }]));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds?.[0]?.title).toBe('No brief matches "kzkhstn".');
    const button = body.data.components?.[0]?.components.find((b) => b.custom_id === 'brief:topic=kazakh-connection');
    expect(button).toBeDefined();

    const press = h.fake.interaction({
      type: 3,
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      user: someone(),
      data: { custom_id: button!.custom_id, component_type: 2 },
      message: { ...h.fake.botMessage(CHANNEL_ID, body.data.components), flags: EPHEMERAL },
    });
    const shown = await answerOf(h.fake, press);
    expect(shown.type).toBe(4);
    expect((shown.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(shown.data.embeds?.[0]?.title).toBe("The Kazakh connection to China's camps");
  });

  it('renders @everyone, role mentions and Markdown from a content file inert', async () => {
    const body = await answerOf(h.fake, command('brief', [{ name: 'topic', type: STRING, value: 'hostile' }]));
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(body.data.embeds);
    expect(text).not.toMatch(/@everyone|@here|<@&123>|<@42>/);
    const embed = body.data.embeds?.[0];
    expect(embed?.title).toBe('\\*\\*Breaking\\*\\* @\u200beveryone <@\u200b&123> news');
    expect(embed?.description).toContain('\\_\\_underline\\_\\_ \\*italic\\*');
    expect(embed?.fields?.[0]?.value).toContain('\\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\`code\\` @\u200bhere');
  });

  it('hostile option values get short private answers that ping no one', async () => {
    const huge = '@everyone <@&123> **x** '.repeat(420);
    const tooLong = await answerOf(h.fake, command('brief', [{ name: 'topic', type: STRING, value: huge }]));
    expect(tooLong.data.flags).toBe(EPHEMERAL);
    expect(tooLong.data.embeds?.[0]?.description).toContain('topic is too long');
    const search = await answerOf(
      h.fake,
      command('search', [{ name: 'words', type: STRING, value: '@everyone **camps** <@&123>' }]),
    );
    for (const body of [tooLong, search]) {
      expect(body.data.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(body.data)).not.toMatch(/@everyone|<@&123>/);
      expectWithinDiscordLimits(body.data as never);
    }
  });

  it('an oversized brief still fits every limit', async () => {
    const body = await answerOf(h.fake, command('brief', [{ name: 'topic', type: STRING, value: 'oversized' }]));
    expect(body.type).toBe(4);
    expectWithinDiscordLimits(body.data as never);
    expect(body.data.embeds?.[0]?.description).toBe('S'.repeat(1200));
  });

  it('/topics, /search, /latest and /help answer publicly', async () => {
    for (const [name, options] of [
      ['topics', []],
      ['search', [{ name: 'words', type: STRING, value: 'camps' }]],
      ['latest', [{ name: 'count', type: INTEGER, value: 3 }]],
      ['help', []],
    ] as const) {
      const body = await answerOf(h.fake, command(name, [...options]));
      expect(body.type, name).toBe(4);
      expect((body.data.flags ?? 0) & EPHEMERAL, name).toBe(0);
      expect(body.data.embeds?.[0]?.description?.length, name).toBeGreaterThan(0);
      expect(body.data.allowed_mentions, name).toEqual({ parse: [] });
    }
  });

  it('works in a DM too', async () => {
    const payload = h.fake.interaction({
      type: 2,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: STRING, value: 'xinjiang' }]),
    });
    const body = await answerOf(h.fake, payload);
    expect(body.data.embeds?.[0]?.title).toBe("The Kazakh connection to China's camps");
  });

  it('tells a user who sends too fast, privately', async () => {
    const user = someone();
    const bodies = [];
    for (let i = 0; i < 6; i++) bodies.push(await answerOf(h.fake, command('help', [], user)));
    expect(bodies.slice(0, 5).every((b) => ((b.data.flags ?? 0) & EPHEMERAL) === 0)).toBe(true);
    expect(bodies[5]?.data.flags).toBe(EPHEMERAL);
    expect(bodies[5]?.data.embeds?.[0]?.description).toContain('too fast');
  });

  it('honours a 429 on the interaction callback and then answers', async () => {
    h.fake.rateLimit(/^\/interactions\/\d+\/[^/]+\/callback$/, 1);
    const payload = command('brief', [{ name: 'topic', type: STRING, value: 'xinjiang' }]);
    const first = await interactAndWait(h.fake, payload);
    const retry = await h.fake.waitForRequest('POST', new RegExp(`^/interactions/${String(payload.id)}/`), {
      since: h.fake.requests.indexOf(first) + 1,
    });
    expect(retry.at - first.at).toBeGreaterThanOrEqual(950);
    expect(bodyOf(retry).data.embeds?.[0]?.title).toBe("The Kazakh connection to China's camps");
  });

  it('a failed answer is followed by a private "something went wrong"', async () => {
    h.fake.fail({
      method: 'POST',
      path: /\/callback$/,
      status: 400,
      body: { code: 50035, message: 'Invalid Form Body' },
    });
    const payload = command('help');
    const first = await interactAndWait(h.fake, payload);
    const second = await h.fake.waitForRequest('POST', new RegExp(`^/interactions/${String(payload.id)}/`), {
      since: h.fake.requests.indexOf(first) + 1,
    });
    expect(bodyOf(second).data.flags).toBe(EPHEMERAL);
    expect(bodyOf(second).data.content).toMatch(/^Something went wrong on our side \(ref [0-9a-f]{8}\)/);
    expect(h.logs.some((l) => l.msg === 'interaction failed')).toBe(true);
  });

  it('an expired interaction (10062) is logged and not retried', async () => {
    const payload = command('help');
    const since = h.fake.requests.length;
    h.fake.interact(payload);
    h.fake.advanceClock(3001); // by the fake's clock the answer comes too late, whenever it comes
    await h.fake.waitForRequest('POST', new RegExp(`^/interactions/${String(payload.id)}/`), { since });
    await expect.poll(() => h.logs.some((l) => l.msg.includes('expired')), { timeout: 10_000 }).toBe(true);
    // A later interaction is answered in full; the expired one still has its single attempt.
    expect((await answerOf(h.fake, command('help'))).data.embeds?.[0]?.description).toContain('Commands:');
    expect(h.fake.find('POST', new RegExp(`^/interactions/${String(payload.id)}/`))).toHaveLength(1);
    expect(h.fake.refusals.map((r) => (r.body as { code: number }).code)).toContain(10062);
  });

  it('resumes after the gateway closes with 4000 and keeps answering, replaying what it missed', async () => {
    const resumed = h.fake.waitFor('resumed', () => true, 20_000);
    h.fake.closeGateway(4000);
    const missed = command('brief', [{ name: 'topic', type: STRING, value: 'xinjiang' }]);
    const answered = interactAndWait(h.fake, missed);
    await resumed;
    expect(h.fake.resumes).toHaveLength(1);
    expect(h.fake.identifies).toHaveLength(1);
    expect(bodyOf(await answered).data.embeds?.[0]?.title).toBe("The Kazakh connection to China's camps");
    const after = await answerOf(h.fake, command('help'));
    expect(after.type).toBe(4);
  }, 30_000);

  it('reconnects after the connection drops without a close frame', async () => {
    const resumed = h.fake.waitFor('resumed', () => true, 20_000);
    h.fake.dropGateway();
    await resumed;
    expect(h.fake.resumes.length).toBeGreaterThanOrEqual(2);
    const after = await answerOf(h.fake, command('brief', [{ name: 'topic', type: STRING, value: 'hostile' }]));
    expect(after.type).toBe(4);
  });

  it('a 5xx on the callback is retried and the answer still arrives', async () => {
    h.fake.fail({ method: 'POST', path: /\/callback$/, status: 502, body: { message: 'Bad Gateway', code: 0 } });
    const payload = command('help');
    const first = await interactAndWait(h.fake, payload);
    const retry = await h.fake.waitForRequest('POST', new RegExp(`^/interactions/${String(payload.id)}/`), {
      since: h.fake.requests.indexOf(first) + 1,
    });
    expect(bodyOf(retry).type).toBe(4);
    expect(bodyOf(retry).data.embeds?.[0]?.description).toContain('Commands:');
  });

  it('delivers into a channel with mentions off, and reports what it cannot do', async () => {
    const adapter = h.app.adapters.find((a) => a.platform === 'discord')!;
    const brief = h.app.store.library.get('hostile')!;
    const ok = await adapter.deliver!(
      CHANNEL_ID,
      { kind: 'brief', brief, related: [], label: 'Updated' },
      { bulk: false },
    );
    expect(ok.ok).toBe(true);
    const posted = h.fake.find('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`)).at(-1)!;
    expect(posted.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(JSON.stringify(posted.body)).not.toMatch(/@everyone|<@&123>/);
    expect(posted.body).toMatchObject({ embeds: [{ author: { name: 'Updated brief' } }] });
    expect(ok).toEqual({ ok: true, messageIds: [expect.stringMatching(/^\d+$/)] });

    const before = h.fake.requests.length;
    expect(await adapter.deliver!(NO_EMBEDS_CHANNEL_ID, { kind: 'brief', brief, related: [] }, { bulk: true })).toEqual(
      {
        ok: false,
        reason: 'forbidden',
        detail: 'missing Embed Links',
        missing: ['embedLinks'],
      },
    );
    expect(h.fake.requests.length).toBe(before);

    expect(
      await adapter.deliver!('599999999999999999', { kind: 'brief', brief, related: [] }, { bulk: true }),
    ).toMatchObject({
      ok: false,
      reason: 'gone',
    });
    h.fake.fail({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      body: { code: 50001, message: 'Missing Access' },
    });
    expect(await adapter.deliver!(CHANNEL_ID, { kind: 'brief', brief, related: [] }, { bulk: false })).toMatchObject({
      ok: false,
      reason: 'gone',
    });
    h.fake.fail({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 500,
      body: { code: 0, message: 'boom' },
      times: 10,
    });
    expect(await adapter.deliver!(CHANNEL_ID, { kind: 'brief', brief, related: [] }, { bulk: false })).toMatchObject({
      ok: false,
      reason: 'failed',
    });
    h.fake.clearFaults();
  }, 30_000);

  it('paces bulk deliveries so they never crowd out answers', async () => {
    const adapter = h.app.adapters.find((a) => a.platform === 'discord')!;
    const brief = h.app.store.library.get('kazakh-connection')!;
    const since = h.fake.requests.length;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        adapter.deliver!(CHANNEL_ID, { kind: 'brief', brief, related: [] }, { bulk: true }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    // A post the channel's rate limit refused (429) is retried by discord.js: count what was taken.
    const refused = new Set(h.fake.refusals.map((r) => r.request));
    const posts = h.fake.requests
      .slice(since)
      .filter((r) => r.method === 'POST' && r.path.startsWith('/channels/') && !refused.has(r));
    expect(posts).toHaveLength(4);
    // They go through the bulk pacer one at a time (its spacing: test/adapters/discord/parts.test.ts);
    // arrival times here would judge the machine's load, not the pacing.
    expect(posts.every((p) => (p.body as { embeds: { title: string }[] }).embeds[0]?.title === brief.title)).toBe(true);
  });

  it('/post: a moderator posts a brief into a channel; others are told it is for moderators', async () => {
    const post = (channelId: string, permissions: bigint) =>
      h.fake.interaction({
        type: 2,
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        user: MODERATOR_USER,
        permissions,
        data: {
          ...slash('post', [
            { name: 'topic', type: STRING, value: 'xinjiang' },
            { name: 'channel', type: CHANNEL, value: channelId },
          ]),
          resolved: { channels: { [channelId]: { id: channelId, type: 0, name: 'news', permissions: '0', flags: 0 } } },
        },
      });
    const moderator = PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.ManageMessages;
    const since = h.fake.requests.length;
    const posted = await answerOf(h.fake, post(CHANNEL_ID, moderator));
    expect((posted.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(posted.data.embeds?.[0]?.description).toContain('Posted "The Kazakh connection to China\'s camps"');
    const message = h.fake.requests
      .slice(since)
      .find((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`);
    expect(message?.body).toMatchObject({
      allowed_mentions: { parse: [] },
      embeds: [{ title: "The Kazakh connection to China's camps" }],
    });

    const refused = await answerOf(h.fake, post(NO_EMBEDS_CHANNEL_ID, moderator));
    expect(refused.data.flags).toBe(EPHEMERAL);
    expect(refused.data.embeds?.[0]?.description).toContain('missing Embed Links');

    const notModerator = await answerOf(h.fake, post(CHANNEL_ID, PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages));
    expect(notModerator.data.flags).toBe(EPHEMERAL);
    expect(notModerator.data.embeds?.[0]?.description).toContain('Only moderators');
  });

  it('every message the bot sent carried empty allowed_mentions', () => {
    const messages = h.fake.requests.filter(
      (r) =>
        (/\/callback$/.test(r.path) && [4, 7].includes((r.body as { type: number }).type)) ||
        (r.method !== 'DELETE' && r.path.startsWith('/webhooks/')) ||
        r.path.startsWith('/channels/'),
    );
    expect(messages.length).toBeGreaterThan(20);
    for (const request of messages) {
      const body = request.body as { data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown };
      expect(body.data?.allowed_mentions ?? body.allowed_mentions, request.path).toEqual({ parse: [] });
    }
  });

  it('never logs the token', () => {
    expect(JSON.stringify(h.logs)).not.toContain(TOKEN);
  });
});
