import { setTimeout } from 'node:timers/promises';
import { Events, GatewayDispatchEvents, RESTEvents, type APIInteraction } from 'discord.js';
import type { Adapter, AdapterContext } from '../adapter.js';
import { createDiscordClient, type DiscordConfig } from './client.js';
import { commandDefinitions } from './commands.js';
import { missingPermissions } from './deliver.js';
import { describeError } from './errors.js';
import { createInteractionHandler } from './interactions.js';
import type { DiscordAdapterOptions } from './index.js';
import { createOutbound } from './outbound.js';
import { refusePostFor } from './post-rights.js';
import { callbackOverRest } from './reply-channel.js';
import { loginUntilUp } from './startup.js';
import { syncGuildCommands } from './sync-commands.js';

/** How long stopping waits for answers already being worked on. */
const STOP_GRACE_MS = 2000;

/** Slash commands, autocomplete and buttons over the gateway; posts into channels for deliveries. */
export function createGatewayAdapter(
  ctx: AdapterContext,
  config: DiscordConfig,
  options: DiscordAdapterOptions = {},
): Adapter {
  const logger = ctx.logger.child({ platform: 'discord' });
  const client = createDiscordClient(config);
  const handle = createInteractionHandler({
    bot: ctx.bot,
    logger,
    deferAfterMs: options.deferAfterMs ?? 1500,
    rest: client.rest,
  });
  client.rest.on(RESTEvents.RateLimited, () => ctx.metrics.rateLimited('discord'));
  const outbound = createOutbound({
    rest: client.rest,
    logger,
    bulkIntervalMs: options.bulkIntervalMs ?? 50,
    ...(options.now ? { now: options.now } : {}),
    refusePostFor: (chatId, asker) => refusePostFor(client, chatId, asker),
    missing: (chatId) => missingPermissions(client, chatId),
  });

  const inFlight = new Set<Promise<void>>();
  // The raw payload, so that the gateway and HTTP interactions share one path to the response.
  const onInteraction = (raw: APIInteraction) => {
    const work = handle(raw, callbackOverRest(client.rest, raw)).finally(() => inFlight.delete(work));
    inFlight.add(work);
  };
  client.ws.on(GatewayDispatchEvents.InteractionCreate, onInteraction);
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.ShardError, (error) => logger.warn({ err: describeError(error) }, 'gateway connection error'));
  client.on(Events.ShardReconnecting, () => logger.info('gateway connection lost; reconnecting'));
  client.on(Events.ShardResume, (_id, replayed) => logger.info({ replayed }, 'gateway session resumed'));
  client.on(Events.Warn, (message) => logger.warn(message));

  return {
    platform: 'discord',
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await loginUntilUp(client, config.token, { apiRoot: config.apiRoot, logger });
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
      if (config.guildId) {
        try {
          const definitions = commandDefinitions(ctx.bot.commands);
          const result = await syncGuildCommands(client.rest, config.applicationId, config.guildId, definitions);
          logger.info({ guild: config.guildId, result }, 'guild commands checked');
        } catch (error) {
          logger.error({ err: describeError(error), guild: config.guildId }, 'could not register guild commands');
        }
      }
    },
    async stop() {
      client.ws.off(GatewayDispatchEvents.InteractionCreate, onInteraction);
      await Promise.race([Promise.allSettled([...inFlight]), setTimeout(STOP_GRACE_MS, undefined, { ref: false })]);
      await client.destroy();
    },
    deliver: outbound.deliver,
    inspect: outbound.inspect,
    notes: outbound.notes,
  };
}
