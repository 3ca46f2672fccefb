import type { FakeChannelSpec, FakeGuildSpec } from './discord-api.js';

export const PERMISSIONS = {
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** What @everyone may do in a fresh server. */
export const MEMBER_DEFAULT =
  PERMISSIONS.ViewChannel |
  PERMISSIONS.SendMessages |
  PERMISSIONS.EmbedLinks |
  PERMISSIONS.ReadMessageHistory |
  PERMISSIONS.UseApplicationCommands |
  PERMISSIONS.SendMessagesInThreads;

/**
 * A member's permissions in a channel, computed as Discord does: @everyone and role
 * permissions, then the channel's @everyone overwrite, the role overwrites together, and the
 * member's own overwrite.
 */
export function permissionsIn(
  guild: FakeGuildSpec,
  channel: FakeChannelSpec,
  member: { id: string; roles: readonly string[] },
): bigint {
  let permissions = MEMBER_DEFAULT;
  for (const role of guild.roles ?? []) if (member.roles.includes(role.id)) permissions |= role.permissions;
  if (permissions & PERMISSIONS.Administrator) return ~0n;
  const overwrites = [
    ...(channel.deny ? [{ id: guild.id, type: 0 as const, deny: channel.deny }] : []),
    ...(channel.overwrites ?? []),
  ];
  const apply = (list: typeof overwrites) => {
    const deny = list.reduce((sum, o) => sum | (o.deny ?? 0n), 0n);
    const allow = list.reduce((sum, o) => sum | ('allow' in o ? (o.allow ?? 0n) : 0n), 0n);
    permissions = (permissions & ~deny) | allow;
  };
  apply(overwrites.filter((o) => o.type === 0 && o.id === guild.id));
  apply(overwrites.filter((o) => o.type === 0 && member.roles.includes(o.id)));
  apply(overwrites.filter((o) => o.type === 1 && o.id === member.id));
  return permissions;
}

/** The permissions a channel post needs: to see the channel, to send, and for embeds to embed. */
export function missingToPost(permissions: bigint, body: unknown): bigint {
  const embeds = (body as { embeds?: unknown[] } | undefined)?.embeds;
  const needed =
    PERMISSIONS.ViewChannel |
    PERMISSIONS.SendMessages |
    (Array.isArray(embeds) && embeds.length > 0 ? PERMISSIONS.EmbedLinks : 0n);
  return needed & ~permissions;
}
