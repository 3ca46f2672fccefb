import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/index.js';
import { FakeDiscord } from '../fakes/discord-api.js';
import {
  APP_ID,
  bodyOf,
  CHANNEL_ID,
  EPHEMERAL,
  FIXTURES,
  GUILD_ID,
  answerOf,
  interactAndWait,
  slash,
  someone,
  startDiscordHarness,
  TOKEN,
  type Harness,
} from './discord-harness.js';

describe('answers that take a while are deferred first', { timeout: 30_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startDiscordHarness({
      adapters: (ctx) => [createDiscordAdapter(ctx, ctx.config.discord!, { deferAfterMs: 0 })],
    });
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('a public answer: deferred callback, then the original response edited in', async () => {
    const payload = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: 3, value: 'xinjiang' }]),
    });
    const callback = await interactAndWait(h.fake, payload);
    expect(bodyOf(callback).type).toBe(5);
    const token = String(payload.token);
    const edit = await h.fake.waitForRequest('PATCH', new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`));
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((edit.body as { embeds: { title: string }[] }).embeds[0]?.title).toBe(
      "The Kazakh connection to China's camps",
    );
  });

  it('a private answer: the deferred message is removed and a private follow-up sent', async () => {
    const payload = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: 3, value: 'kzkhstn' }]),
    });
    expect(bodyOf(await interactAndWait(h.fake, payload)).type).toBe(5);
    const token = String(payload.token);
    await h.fake.waitForRequest('DELETE', new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`));
    const followUp = await h.fake.waitForRequest('POST', new RegExp(`^/webhooks/${APP_ID}/${token}$`));
    expect(followUp.body).toMatchObject({ flags: EPHEMERAL, allowed_mentions: { parse: [] } });
  });
  it('a command the rate limiter drops: the deferred message is removed and nothing is said', async () => {
    const user = someone();
    const ask = () => h.fake.interaction({ type: 2, guildId: GUILD_ID, user, data: slash('help') });
    for (let i = 0; i < 6; i++) await answerOf(h.fake, ask()); // five answers, then "too fast"
    const dropped = ask();
    expect(bodyOf(await interactAndWait(h.fake, dropped)).type).toBe(5);
    const token = String(dropped.token);
    await h.fake.waitForRequest('DELETE', new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`));
    // The delete is the last thing the bot does for it: no edit or follow-up came before it.
    const answers = h.fake.requests.filter(
      (r) => r.path.startsWith(`/webhooks/${APP_ID}/${token}`) && r.method !== 'DELETE',
    );
    expect(answers).toEqual([]);
    expect(h.fake.refusals).toEqual([]);
  });
});

describe('stopping', { timeout: 30_000 }, () => {
  it('finishes an answer already under way before closing the connection', async () => {
    const h = await startDiscordHarness();
    try {
      h.fake.rateLimit(/\/callback$/, 1);
      const payload = h.fake.interaction({ type: 2, guildId: GUILD_ID, user: someone(), data: slash('help') });
      await interactAndWait(h.fake, payload);
      await h.app.stop();
      const callbacks = h.fake.find('POST', new RegExp(`^/interactions/${String(payload.id)}/`));
      expect(callbacks).toHaveLength(2);
      expect(bodyOf(callbacks[1]!).type).toBe(4);
      expect(h.fake.closeCodes).toContain(1000);
    } finally {
      await h.stop();
    }
  });
});

describe('the bot started as npm start runs it', () => {
  let fake: FakeDiscord;
  let dir: string;
  beforeAll(async () => {
    fake = await FakeDiscord.start({
      token: TOKEN,
      applicationId: APP_ID,
      guilds: [{ id: GUILD_ID, channels: [{ id: CHANNEL_ID }] }],
    });
    dir = await mkdtemp(join(tmpdir(), 'briefbot-main-'));
    await mkdir(join(dir, 'content'));
    for (const [name, text] of Object.entries(FIXTURES)) await writeFile(join(dir, 'content', name), text);
  });
  afterAll(async () => {
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a wrong token is a clear start-up error, not a hang', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: TOKEN.replace(/.$/, 'X'),
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_ROOT: fake.restUrl,
        CONTENT_DIR: join(dir, 'content'),
        DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('briefbot: could not start: An invalid token was provided.');
    expect(stderr).not.toContain(TOKEN.slice(0, 20));
  }, 60_000);

  it('answers, and on SIGTERM closes the gateway connection and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_ROOT: fake.restUrl,
        CONTENT_DIR: join(dir, 'content'),
        DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
        LOG_LEVEL: 'info',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => stderr.includes('briefbot is running'), { timeout: 30_000, interval: 100 }).toBe(true);

    const payload = fake.interaction({ type: 2, guildId: GUILD_ID, user: someone(), data: slash('help') });
    expect(bodyOf(await interactAndWait(fake, payload)).type).toBe(4);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fake.closeCodes).toContain(1000);
    expect(stderr).not.toContain(TOKEN);
  }, 60_000);
});
