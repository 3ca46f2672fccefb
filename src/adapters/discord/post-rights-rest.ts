import {
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIOverwrite,
  type REST,
} from 'discord.js';
import type { DeliveryResult, PostRefusal } from '../../core/types.js';
import { apiErrorCode, describeError } from './errors.js';

type Refusal = Extract<DeliveryResult, { ok: false }>;

const refuse = (detail: string, why: PostRefusal): Refusal => ({
  ok: false,
  reason: 'forbidden',
  detail,
  user: true,
  why,
});
const WANTED = PermissionFlagsBits.ManageMessages | PermissionFlagsBits.ManageGuild;

/** A member's permissions in a channel, computed as Discord documents it (base, then overwrites). */
export function channelPermissions(
  guild: Pick<APIGuild, 'id' | 'owner_id' | 'roles'>,
  overwrites: readonly APIOverwrite[],
  member: { userId: string; roles: readonly string[] },
): bigint {
  if (member.userId === guild.owner_id) return ~0n;
  const roleBits = (id: string) => BigInt(guild.roles.find((r) => r.id === id)?.permissions ?? '0');
  let bits = roleBits(guild.id);
  for (const role of member.roles) bits |= roleBits(role);
  if (bits & PermissionFlagsBits.Administrator) return ~0n;
  const apply = (allow: bigint, deny: bigint) => (bits = (bits & ~deny) | allow);
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) apply(BigInt(everyone.allow), BigInt(everyone.deny));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type !== 0 || !member.roles.includes(o.id)) continue;
    allow |= BigInt(o.allow);
    deny |= BigInt(o.deny);
  }
  apply(allow, deny);
  const own = overwrites.find((o) => o.type === 1 && o.id === member.userId);
  if (own) apply(BigInt(own.allow), BigInt(own.deny));
  return bits;
}

const guildOf = (channel: APIChannel): string | undefined =>
  'guild_id' in channel && typeof channel.guild_id === 'string' ? channel.guild_id : undefined;

/**
 * `refusePostFor` without a gateway cache: the channels, the server and the member are read
 * through REST. Undefined when the member may post into `channelId`; the refusal otherwise.
 */
export async function refusePostOverRest(
  rest: REST,
  channelId: string,
  asker: { userId: string; fromChatId: string },
): Promise<Refusal | undefined> {
  try {
    const target = (await rest.get(Routes.channel(channelId))) as APIChannel;
    const guildId = guildOf(target);
    if (!guildId) return { ok: false, reason: 'gone', detail: 'not a server channel' };
    const from = (await rest.get(Routes.channel(asker.fromChatId)).catch(() => undefined)) as APIChannel | undefined;
    if (!from || guildOf(from) !== guildId) return refuse('that channel is in another server', 'otherServer');
    const guild = (await rest.get(Routes.guild(guildId))) as APIGuild;
    const member = (await rest.get(Routes.guildMember(guildId, asker.userId))) as APIGuildMember;
    // A thread has no overwrites of its own: its channel's apply.
    const source =
      'parent_id' in target && target.parent_id && 'thread_metadata' in target
        ? ((await rest.get(Routes.channel(target.parent_id))) as APIChannel)
        : target;
    const overwrites = 'permission_overwrites' in source ? (source.permission_overwrites ?? []) : [];
    const bits = channelPermissions(guild, overwrites, { userId: asker.userId, roles: member.roles });
    if (bits & WANTED) return undefined;
    return refuse('you need Manage Messages or Manage Server in that channel', 'needManageMessages');
  } catch (error) {
    const code = apiErrorCode(error);
    if (code === RESTJSONErrorCodes.UnknownMember)
      return refuse('you are not a member of this server', 'notServerMember');
    if (code === RESTJSONErrorCodes.UnknownChannel || code === RESTJSONErrorCodes.MissingAccess)
      return { ok: false, reason: 'gone', detail: 'unknown channel' };
    const detail = String(describeError(error).message ?? 'unknown error');
    return { ok: false, reason: 'failed', detail: `could not check your permissions there: ${detail}` };
  }
}
