import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { coreCommands } from '../../commands/index.js';
import { commandDefinitions } from '../../src/adapters/discord/commands.js';
import { FakeDiscord } from '../fakes/discord-api.js';
import { APP_ID, GUILD_ID, startDiscordHarness, TOKEN, type Harness } from './discord-harness.js';

const run = promisify(execFile);
const expected = JSON.parse(JSON.stringify(commandDefinitions(coreCommands))) as unknown;
const guildRoute = new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`);

describe('command registration', () => {
  let h: Harness | undefined;
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await h?.stop();
    await fake?.close();
    h = undefined;
    fake = undefined;
  });

  it('at start-up with DISCORD_GUILD_ID, registers in the guild only when the definitions differ', async () => {
    h = await startDiscordHarness({ guildCommands: true });
    expect(h.fake.find('GET', guildRoute)).toHaveLength(1);
    const puts = h.fake.find('PUT', guildRoute);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toEqual(expected);
    expect(h.fake.find('PUT', /^\/applications\/\d+\/commands$/)).toHaveLength(0);

    await h.restart();
    expect(h.fake.find('GET', guildRoute)).toHaveLength(2);
    expect(h.fake.find('PUT', guildRoute)).toHaveLength(1);

    const stored = h.fake.commands.guild.get(GUILD_ID)!;
    h.fake.commands.guild.set(
      GUILD_ID,
      stored.map((c) => (c.name === 'brief' ? { ...c, description: 'An older description' } : c)),
    );
    await h.restart();
    expect(h.fake.find('PUT', guildRoute)).toHaveLength(2);
  }, 60_000);

  it('npm run discord:register registers globally, or in the guild when DISCORD_GUILD_ID is set', async () => {
    fake = await FakeDiscord.start({ token: TOKEN, applicationId: APP_ID });
    const env = {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_ROOT: fake.restUrl,
    };
    const script = ['--import', 'tsx', 'scripts/discord-register.ts'];
    const global = await run(process.execPath, script, { env, timeout: 60_000 });
    expect(global.stdout).toContain(`Registered ${coreCommands.length} commands globally`);
    const put = fake.find('PUT', new RegExp(`^/applications/${APP_ID}/commands$`));
    expect(put).toHaveLength(1);
    expect(put[0]?.body).toEqual(expected);

    const inGuild = await run(process.execPath, script, {
      env: { ...env, DISCORD_GUILD_ID: GUILD_ID },
      timeout: 60_000,
    });
    expect(inGuild.stdout).toContain(`in guild ${GUILD_ID}`);
    expect(fake.find('PUT', guildRoute)[0]?.body).toEqual(expected);
  }, 90_000);

  it('discord:register explains a missing variable instead of failing obscurely', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/discord-register.ts'], {
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: TOKEN },
      timeout: 60_000,
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect('stderr' in failed && failed.stderr).toContain(
      'DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set',
    );
  }, 60_000);
});
