import { setTimeout } from 'node:timers/promises';
import { RESTEvents, Routes, type APIUser } from 'discord.js';
import type { Adapter, AdapterContext } from '../adapter.js';
import { createDiscordRest, type DiscordConfig } from './client.js';
import { commandDefinitions } from './commands.js';
import { describeError } from './errors.js';
import { interactionRoutes } from './http-route.js';
import type { DiscordAdapterOptions } from './index.js';
import { createInteractionHandler } from './interactions.js';
import { createOutbound } from './outbound.js';
import { refusePostOverRest } from './post-rights-rest.js';
import { untilDiscordAnswers } from './startup.js';
import { syncGuildCommands } from './sync-commands.js';

const STOP_GRACE_MS = 2000;

/**
 * Discord without a gateway connection: interactions arrive as signed HTTP requests on the shared
 * listener, and everything the bot sends on its own goes through REST at DISCORD_API_ROOT.
 * Nothing here is tied to one process, so any instance behind a load balancer can answer.
 */
export function createHttpInteractionsAdapter(
  ctx: AdapterContext,
  config: DiscordConfig & { publicKey: string },
  options: DiscordAdapterOptions = {},
): Adapter {
  const logger = ctx.logger.child({ platform: 'discord' });
  if (!ctx.http) throw new Error('Discord HTTP interactions need the HTTP listener');
  const rest = createDiscordRest(config);
  rest.on(RESTEvents.RateLimited, () => ctx.metrics.rateLimited('discord'));
  const handle = createInteractionHandler({ bot: ctx.bot, logger, deferAfterMs: options.deferAfterMs ?? 1500, rest });
  const outbound = createOutbound({
    rest,
    logger,
    bulkIntervalMs: options.bulkIntervalMs ?? 50,
    ...(options.now ? { now: options.now } : {}),
    refusePostFor: (chatId, asker) => refusePostOverRest(rest, chatId, asker),
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  ctx.http.register(
    'discord-interactions',
    interactionRoutes({
      publicKey: config.publicKey,
      logger,
      handle: (raw, first) => {
        if (!accepting) return Promise.reject(new Error('stopping'));
        const work = handle(raw, first).finally(() => inFlight.delete(work));
        inFlight.add(work);
        return work;
      },
    }),
  );

  return {
    platform: 'discord',
    async start() {
      // Checks the token (and that Discord answers) now rather than at the first delivery.
      const me = (await untilDiscordAnswers(() => rest.get(Routes.user('@me')), 'could not check the token', {
        apiRoot: config.apiRoot,
        logger,
      })) as APIUser;
      logger.info({ user: me.username, mode: 'http interactions' }, 'connected to Discord over REST');
      if (config.guildId) {
        try {
          const definitions = commandDefinitions(ctx.bot.commands);
          const result = await syncGuildCommands(rest, config.applicationId, config.guildId, definitions);
          logger.info({ guild: config.guildId, result }, 'guild commands checked');
        } catch (error) {
          logger.error({ err: describeError(error), guild: config.guildId }, 'could not register guild commands');
        }
      }
    },
    async stop() {
      accepting = false;
      await Promise.race([Promise.allSettled([...inFlight]), setTimeout(STOP_GRACE_MS, undefined, { ref: false })]);
    },
    deliver: outbound.deliver,
    inspect: outbound.inspect,
    notes: outbound.notes,
  };
}
