/**
 * Registers the slash commands with Discord: in DISCORD_GUILD_ID when set (instant), else globally
 * (may take up to an hour to show everywhere). Reads the same environment as the bot.
 */
import { REST } from 'discord.js';
import { coreCommands } from '../commands/index.js';
import { commandDefinitions } from '../src/adapters/discord/commands.js';
import { describeError } from '../src/adapters/discord/errors.js';
import { registerCommands } from '../src/adapters/discord/sync-commands.js';
import { ConfigError, loadDotEnv, parseConfig } from '../src/config.js';

async function main(): Promise<number> {
  loadDotEnv();
  const config = parseConfig(process.env);
  if (!config.discord) {
    process.stderr.write('discord:register: set DISCORD_TOKEN and DISCORD_APPLICATION_ID first.\n');
    return 2;
  }
  const { token, applicationId, guildId, apiRoot } = config.discord;
  const rest = new REST({ api: apiRoot }).setToken(token);
  const definitions = commandDefinitions(coreCommands);
  const registered = await registerCommands(rest, applicationId, guildId, definitions);
  const where = guildId ? `in guild ${guildId}` : 'globally (may take up to an hour to appear everywhere)';
  process.stdout.write(
    `Registered ${registered.length} commands ${where}: ${definitions.map((d) => `/${d.name}`).join(', ')}\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError ? `configuration error: ${error.message}` : String(describeError(error).message);
    process.stderr.write(`discord:register: ${message}\n`);
    process.exit(1);
  },
);
