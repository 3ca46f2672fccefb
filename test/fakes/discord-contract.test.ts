import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { FakeDiscord, PERMISSIONS } from './discord-api.js';
import { discordRest } from './discord-rest.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP = '123456789012345678';
const GUILD = '223456789012345678';
const OPEN = '323456789012345671';
const MUTED = '323456789012345672';
const NO_EMBEDS = '323456789012345673';
const HIDDEN_FROM_BOT = '323456789012345674';
const REOPENED = '323456789012345675';

const ok = { content: 'hello', allowed_mentions: { parse: [] } };

/** Each rule of the platform contract, refusing a bad payload and accepting the good one. */
describe('FakeDiscord enforces the platform contract', () => {
  let fake: FakeDiscord;
  let rateClock: ManualClock;
  const rest = discordRest(() => fake, TOKEN);

  beforeEach(async () => {
    rateClock = new ManualClock();
    fake = await FakeDiscord.start({
      token: TOKEN,
      applicationId: APP,
      rateLimits: { clock: rateClock },
      guilds: [
        {
          id: GUILD,
          channels: [
            { id: OPEN },
            { id: MUTED, deny: PERMISSIONS.SendMessages },
            { id: NO_EMBEDS, deny: PERMISSIONS.EmbedLinks },
            { id: HIDDEN_FROM_BOT, overwrites: [] },
            { id: REOPENED, deny: PERMISSIONS.SendMessages, overwrites: [] },
          ],
        },
      ],
    });
    // The bot's own member overwrites need its id, known once the fake exists.
    const channels = fake.options.guilds![0]!.channels;
    channels[3]!.overwrites = [{ id: fake.botUser.id, type: 1, deny: PERMISSIONS.ViewChannel }];
    channels[4]!.overwrites = [{ id: fake.botUser.id, type: 1, allow: PERMISSIONS.SendMessages }];
  });
  afterEach(async () => {
    await fake.close();
  });

  /** An interaction the test answers itself through REST (no gateway client here). */
  const interaction = (type: 2 | 3 | 4) => {
    const payload = fake.interaction({ type, guildId: GUILD, data: { name: 'brief', type: 1 } });
    fake.track(payload);
    return {
      callback: `/interactions/${String(payload.id)}/${String(payload.token)}/callback`,
      token: String(payload.token),
    };
  };

  it('accepts one initial response per interaction and refuses a second with 40060', async () => {
    const { callback } = interaction(2);
    expect((await rest('POST', callback, { type: 4, data: ok })).status).toBe(204);
    const second = await rest('POST', callback, { type: 4, data: ok });
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ code: 40060, message: 'Interaction has already been acknowledged.' });
  });

  it('refuses an answer after 3 s with 10062 and takes one at exactly 3 s', async () => {
    const late = interaction(2);
    const onTime = interaction(2);
    fake.advanceClock(3000);
    expect((await rest('POST', onTime.callback, { type: 5 })).status).toBe(204);
    fake.advanceClock(1);
    const refused = await rest('POST', late.callback, { type: 4, data: ok });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 10062, message: 'Unknown interaction' });
  });

  it('takes response type 8 from autocomplete interactions only, with at most 25 choices', async () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    expect((await rest('POST', interaction(2).callback, { type: 8, data: { choices: [] } })).status).toBe(400);
    expect((await rest('POST', interaction(4).callback, { type: 4, data: ok })).status).toBe(400);
    expect((await rest('POST', interaction(4).callback, { type: 8, data: { choices: choices(26) } })).status).toBe(400);
    expect((await rest('POST', interaction(4).callback, { type: 8, data: { choices: choices(25) } })).status).toBe(204);
  });

  it('takes edits and follow-ups only after the initial response (10015 before)', async () => {
    const { callback, token } = interaction(2);
    const early = await rest('PATCH', `/webhooks/${APP}/${token}/messages/@original`, ok);
    expect(early.body).toMatchObject({ code: 10015 });
    await rest('POST', callback, { type: 5 });
    expect((await rest('PATCH', `/webhooks/${APP}/${token}/messages/@original`, ok)).status).toBe(200);
    expect((await rest('POST', `/webhooks/${APP}/${token}`, { content: 'x' })).status).toBe(400);
    expect((await rest('POST', `/webhooks/${APP}/${token}`, ok)).status).toBe(200);
  });

  it('checks an interaction answer against the message limits', async () => {
    const refused = await rest('POST', interaction(2).callback, {
      type: 4,
      data: { content: 'x'.repeat(2001), allowed_mentions: { parse: [] } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    const exact = { content: 'x'.repeat(2000), allowed_mentions: { parse: [] } };
    expect((await rest('POST', interaction(2).callback, { type: 4, data: exact })).status).toBe(204);
  });

  it('refuses a channel message without allowed_mentions, or with nothing in it', async () => {
    const missing = await rest('POST', `/channels/${OPEN}/messages`, { content: 'hello' });
    expect(missing.body).toMatchObject({
      code: 50035,
      errors: { allowed_mentions: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } },
    });
    const empty = await rest('POST', `/channels/${OPEN}/messages`, { content: '', allowed_mentions: { parse: [] } });
    expect(empty.body).toMatchObject({ code: 50006 });
    expect((await rest('POST', `/channels/${OPEN}/messages`, ok)).status).toBe(200);
  });

  it('enforces channel permission overwrites on the bot with 50013', async () => {
    const embed = { embeds: [{ title: 'x' }], allowed_mentions: { parse: [] } };
    for (const [channel, body] of [
      [MUTED, ok],
      [NO_EMBEDS, embed],
      [HIDDEN_FROM_BOT, ok],
    ] as const) {
      const refused = await rest('POST', `/channels/${channel}/messages`, body);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 50013, message: 'Missing Permissions' });
    }
    expect((await rest('POST', `/channels/${NO_EMBEDS}/messages`, ok)).status).toBe(200);
    expect((await rest('POST', `/channels/${REOPENED}/messages`, ok)).status).toBe(200);
  });

  it('validates command registration: names, descriptions, options, required before optional, choices', async () => {
    const put = (commands: unknown) => rest('PUT', `/applications/${APP}/commands`, commands);
    const option = (name: string, required = false) => ({ name, description: 'd', type: 3, required });
    const good = {
      name: 'brief',
      description: 'Show a brief',
      type: 1,
      options: [option('topic', true), option('page')],
    };
    const bad: unknown[] = [
      { ...good, name: 'Brief' },
      { ...good, name: 'a b' },
      { ...good, name: 'x'.repeat(33) },
      { ...good, description: '' },
      { ...good, description: 'd'.repeat(101) },
      { ...good, options: Array.from({ length: 26 }, (_, i) => option(`o${i}`)) },
      { ...good, options: [option('page'), option('topic', true)] },
      {
        ...good,
        options: [
          { ...option('topic'), choices: Array.from({ length: 26 }, (_, i) => ({ name: `${i}`, value: `${i}` })) },
        ],
      },
    ];
    for (const command of bad) {
      const refused = await put([command]);
      expect(refused.status, JSON.stringify(command).slice(0, 80)).toBe(400);
      expect(refused.body).toMatchObject({ code: 50035 });
    }
    const accepted = [
      good,
      {
        ...good,
        name: 'x'.repeat(32),
        description: 'd'.repeat(100),
        options: Array.from({ length: 25 }, (_, i) => option(`o${i}`)),
      },
      { ...good, name: 'résumé-2' },
    ];
    expect((await put(accepted)).status).toBe(200);
  });

  it('limits a channel to 5 messages per 5 s with X-RateLimit headers, then resets', async () => {
    for (let i = 0; i < 5; i++) {
      const sent = await rest('POST', `/channels/${OPEN}/messages`, ok);
      expect(sent.status).toBe(200);
      expect(sent.headers.get('x-ratelimit-remaining')).toBe(String(4 - i));
      expect(sent.headers.get('x-ratelimit-limit')).toBe('5');
      expect(sent.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{16}$/);
    }
    const limited = await rest('POST', `/channels/${OPEN}/messages`, ok);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ message: 'You are being rate limited.', global: false, retry_after: 5 });
    expect(limited.headers.get('retry-after')).toBe('5');
    expect((await rest('POST', `/channels/${NO_EMBEDS}/messages`, ok)).status).toBe(200);
    rateClock.advance(5000);
    expect((await rest('POST', `/channels/${OPEN}/messages`, ok)).status).toBe(200);
  });

  it('limits the bot to 50 requests per second over all routes, interactions excepted', async () => {
    for (let i = 0; i < 50; i++) expect((await rest('GET', '/gateway/bot')).status).toBe(200);
    const limited = await rest('GET', `/applications/${APP}/commands`);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ global: true });
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    expect((await rest('POST', interaction(2).callback, { type: 5 })).status).toBe(204);
    rateClock.advance(1000);
    expect((await rest('GET', `/applications/${APP}/commands`)).status).toBe(200);
  });
});
