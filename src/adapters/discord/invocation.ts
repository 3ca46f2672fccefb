import { ChannelType, InteractionType, PermissionFlagsBits, type APIInteraction, type APIUser } from 'discord.js';
import type { Chat, Invocation, User } from '../../core/types.js';

const MODERATOR = PermissionFlagsBits.ManageMessages | PermissionFlagsBits.ManageGuild;

/** The person who interacted: the member's user in a server, the user in a DM. */
export function actorOf(raw: APIInteraction): APIUser | undefined {
  return raw.member?.user ?? raw.user;
}

const inGuild = (raw: APIInteraction): boolean => Boolean(raw.guild_id && raw.member);

/** Moderator: Manage Messages or Manage Guild in this channel; everyone is in their own DMs. */
export function isModerator(raw: APIInteraction): boolean {
  if (!inGuild(raw)) return true;
  const permissions = raw.member?.permissions;
  return permissions !== undefined && (BigInt(permissions) & MODERATOR) !== 0n;
}

/** The user's client language, else the server's. */
export const localeOf = (raw: APIInteraction): string | undefined =>
  raw.type === InteractionType.Ping ? undefined : (raw.locale ?? raw.guild_locale);

export function userOf(raw: APIInteraction): User {
  const user = actorOf(raw);
  const locale = localeOf(raw);
  return {
    id: user?.id ?? 'unknown',
    name: user?.global_name ?? user?.username ?? 'someone',
    ...(locale ? { locale } : {}),
    isModerator: isModerator(raw),
  };
}

export function chatOf(raw: APIInteraction): Chat {
  const id = raw.channel?.id ?? raw.channel_id ?? actorOf(raw)?.id ?? 'unknown';
  if (!inGuild(raw)) {
    const kind = raw.channel?.type === ChannelType.GroupDM ? 'group' : 'private';
    return { id, kind, platform: 'discord' };
  }
  return { id, kind: 'group', platform: 'discord' };
}

/** The same Invocation whether the interaction came over the gateway or over HTTP. */
export function toInvocation(raw: APIInteraction, command: string, args: Record<string, string>): Invocation {
  return { command, args, user: userOf(raw), chat: chatOf(raw) };
}
