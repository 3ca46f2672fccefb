import { PermissionFlagsBits, RESTJSONErrorCodes, type Client } from 'discord.js';
import type { DeliveryResult, PostRefusal } from '../../core/types.js';
import { apiErrorCode, describeError } from './errors.js';

type Refusal = Extract<DeliveryResult, { ok: false }>;

function refuse(detail: string, why: PostRefusal): Refusal {
  return { ok: false, reason: 'forbidden', detail, user: true, why };
}

/**
 * Whether a member may have the bot post into `channelId` on their behalf: the channel must be
 * in the server where they asked, and they need Manage Messages or Manage Server in it. Their
 * roles are fetched from Discord each time (the Guilds intent keeps no member cache), so the
 * channel's own permission overwrites count. Undefined when they may; the refusal otherwise.
 */
export async function refusePostFor(
  client: Client,
  channelId: string,
  asker: { userId: string; fromChatId: string },
): Promise<Refusal | undefined> {
  // Archived threads are not in the cache; fetch reads the cache first.
  // Stryker disable next-line ArrowFunction: null and undefined both read as "no such channel" below
  const target = await client.channels.fetch(channelId).catch(() => null);
  if (!target || target.isDMBased() || !('permissionsFor' in target))
    return { ok: false, reason: 'gone', detail: 'unknown channel' };
  const from = client.channels.cache.get(asker.fromChatId);
  const fromGuild = from && !from.isDMBased() ? from.guildId : undefined;
  if (fromGuild !== target.guildId) return refuse('that channel is in another server', 'otherServer');
  try {
    const member = await target.guild.members.fetch({ user: asker.userId, force: true });
    const permissions = target.permissionsFor(member);
    if (permissions.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageGuild])) return undefined;
    return refuse('you need Manage Messages or Manage Server in that channel', 'needManageMessages');
  } catch (error) {
    if (apiErrorCode(error) === RESTJSONErrorCodes.UnknownMember)
      return refuse('you are not a member of this server', 'notServerMember');
    // describeError always gives a message (an Error's, or the value as text).
    const detail = String(describeError(error).message);
    return { ok: false, reason: 'failed', detail: `could not check your permissions there: ${detail}` };
  }
}
