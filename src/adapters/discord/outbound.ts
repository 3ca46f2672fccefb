import { ChannelType, RESTJSONErrorCodes, Routes, type APIChannel, type REST } from 'discord.js';
import type { DeliverOptions } from '../adapter.js';
import type { Logger } from '../../core/logger.js';
import type { AdapterNote } from '../../core/services.js';
import type { ChatPermission, DeliveryResult, Reply, TargetInfo } from '../../core/types.js';
import { deliverTo } from './deliver.js';
import { apiErrorCode, describeError } from './errors.js';
import { createPacer } from './pace.js';
import { PublishBudget } from './publish-budget.js';

type Refusal = Extract<DeliveryResult, { ok: false }>;
type Asker = { userId: string; fromChatId: string };

export interface OutboundOptions {
  rest: REST;
  logger: Logger;
  /** Spacing of bulk deliveries. */
  bulkIntervalMs: number;
  /** Time for the hourly publish allowance. */
  now?: () => number;
  /** Whether the asker may post into the channel: undefined when they may (gateway cache or REST). */
  refusePostFor: (chatId: string, asker: Asker) => Promise<Refusal | undefined>;
  /** Permissions the bot is known to lack in the channel, where the client can tell. */
  missing?: (chatId: string) => ChatPermission[] | undefined;
}

const KINDS: Partial<Record<ChannelType, Extract<TargetInfo, { ok: true }>['kind']>> = {
  [ChannelType.GuildText]: 'chat',
  [ChannelType.GuildAnnouncement]: 'announcement',
  [ChannelType.PublicThread]: 'thread',
  [ChannelType.PrivateThread]: 'thread',
  [ChannelType.AnnouncementThread]: 'thread',
  [ChannelType.GuildForum]: 'forum',
  [ChannelType.GuildMedia]: 'forum',
};

/**
 * What the bot sends on its own into Discord channels, the same with a gateway or over HTTP:
 * deliveries and posts (into channels, threads, forums, announcement channels), the check of a
 * channel a moderator named, and the publish allowance that /status reports on.
 */
export function createOutbound(o: OutboundOptions) {
  const bulk = createPacer(o.bulkIntervalMs);
  const direct = <T>(task: () => Promise<T>) => task();
  const budget = new PublishBudget(o.now);
  const forums = new Set<string>();
  return {
    async deliver(chatId: string, reply: Reply, options: DeliverOptions): Promise<DeliveryResult> {
      if (options.onBehalfOf) {
        const refused = await o.refusePostFor(chatId, options.onBehalfOf);
        if (refused) return refused;
      }
      return deliverTo(o.rest, chatId, reply, options.bulk ? bulk : direct, {
        idempotencyKey: options.idempotencyKey,
        missing: o.missing?.(chatId),
        forumThread: options.forumThread,
        publish: options.publish ? { budget, logger: o.logger } : undefined,
        forums,
      });
    },

    async inspect(chatId: string, onBehalfOf?: Asker): Promise<TargetInfo> {
      if (onBehalfOf) {
        const refused = await o.refusePostFor(chatId, onBehalfOf);
        if (refused) return refused;
      }
      try {
        const channel = (await o.rest.get(Routes.channel(chatId))) as APIChannel;
        return { ok: true, kind: KINDS[channel.type] ?? 'unknown' };
      } catch (error) {
        const code = apiErrorCode(error);
        const detail = String(describeError(error).message ?? 'unknown error');
        if (code === RESTJSONErrorCodes.UnknownChannel || code === RESTJSONErrorCodes.MissingAccess)
          return { ok: false, reason: 'gone', detail };
        return { ok: false, reason: 'failed', detail };
      }
    },

    notes: (): AdapterNote[] => budget.notes(),
  };
}
