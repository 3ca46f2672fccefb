import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreCommands } from '../../commands/index.js';
import { commandDefinitions } from '../../src/adapters/discord/commands.js';
import { checkCommands } from '../fakes/discord-rules.js';
import { answerOf, GUILD_ID, slash, someone, startDiscordHarness, type Harness } from './discord-harness.js';

const STRING = 3;

describe('Discord: briefbot installed to a user account', { timeout: 30_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startDiscordHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('registers the reading commands for user installs everywhere, and moderator commands for servers only', () => {
    const definitions = commandDefinitions(coreCommands);
    const of = (name: string) => definitions.find((d) => d.name === name)!;
    for (const name of ['brief', 'search', 'latest', 'help', 'topics']) {
      expect(of(name).integration_types).toEqual([0, 1]);
      expect(of(name).contexts).toEqual([0, 1, 2]);
    }
    for (const name of ['post', 'subscribe', 'unsubscribe', 'status']) {
      expect(of(name).integration_types).toEqual([0]);
      expect(of(name).contexts).toEqual([0]);
    }
    expect(checkCommands(definitions)).toEqual([]);
  });

  it('the fake refuses integration types and contexts Discord does not know', () => {
    const [brief] = commandDefinitions(coreCommands);
    expect(checkCommands([{ ...brief, integration_types: [0, 2] }])).toHaveLength(1);
    expect(checkCommands([{ ...brief, contexts: [0, 0] }])).toHaveLength(1);
    expect(checkCommands([{ ...brief, contexts: [] }])).toHaveLength(1);
    expect(checkCommands([{ ...brief, contexts: 'everywhere' }])).toHaveLength(1);
  });

  it('answers /brief from a user install in a private channel, with no guild', async () => {
    const payload = h.fake.interaction({
      type: 2,
      user: someone(),
      userInstall: true,
      data: slash('brief', [{ name: 'topic', type: STRING, value: 'xinjiang' }]),
    });
    expect(payload.guild_id).toBeUndefined();
    expect(Object.keys(payload.authorizing_integration_owners as object)).toEqual(['1']);
    const body = await answerOf(h.fake, payload);
    expect(body.type).toBe(4);
    expect(body.data.embeds?.[0]?.title).toBe("The Kazakh connection to China's camps");
  });

  it('answers /search from a user install in a server that never added the bot', async () => {
    const payload = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      user: someone(),
      userInstall: true,
      data: slash('search', [{ name: 'words', type: STRING, value: 'camps' }]),
    });
    const body = await answerOf(h.fake, payload);
    expect(body.type).toBe(4);
    expect(body.data.embeds?.length).toBeGreaterThan(0);
  });
});
