import { Client, GatewayIntentBits, REST, type RESTOptions } from 'discord.js';
import type { Config } from '../../config.js';
import { isPublishRoute } from './publish.js';

export type DiscordConfig = NonNullable<Config['discord']>;

/**
 * Guilds intent only (slash commands need nothing privileged); no message can ever ping anyone.
 * Shards as many as Discord recommends, so one process serves past 2,500 servers.
 */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    shards: 'auto',
    allowedMentions: { parse: [] },
    rest: restOptions(config),
  });
}

/** Every REST call gives up after 10 s (one retry): an API that never answers cannot hang us. */
export const restOptions = (config: DiscordConfig): Partial<RESTOptions> => ({
  api: config.apiRoot,
  timeout: 10_000,
  retries: 1,
  // A publish over the hourly allowance is refused for up to an hour: never wait it out in line.
  rejectOnRateLimit: isPublishRoute,
});

/** REST alone, for HTTP interactions mode where no gateway client exists. */
export const createDiscordRest = (config: DiscordConfig): REST => new REST(restOptions(config)).setToken(config.token);
