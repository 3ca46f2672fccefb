import type { FakeGuildSpec, FakeUser } from './discord-api.js';
import { MEMBER_DEFAULT } from './discord-permissions.js';
import { channelPayload, isThread } from './discord-channels.js';

let counter = 0;
/** A plausible, unique, increasing snowflake. */
export const snowflake = (): string =>
  (((BigInt(Date.now()) - 1420070400000n) << 22n) | BigInt(++counter % 4096)).toString();

/** A guild member as the API returns it, in interactions and from GET /guilds/:id/members/:id. */
export const memberPayload = (user: unknown, roles: readonly string[]) => ({
  user,
  roles,
  joined_at: '2024-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  nick: null,
  avatar: null,
  premium_since: null,
  communication_disabled_until: null,
});

export interface InteractionSpec {
  type: 2 | 3 | 4;
  data: Record<string, unknown>;
  guildId?: string;
  channelId?: string;
  user?: FakeUser;
  /** Member permissions in the channel (guild only). */
  permissions?: bigint;
  /** Used through a user install (the reader added briefbot to their account): outside a guild, a private channel. */
  userInstall?: boolean;
  message?: Record<string, unknown>;
  /** The user's client language (`en-US` unless set; null: none sent); the server's, in a guild. */
  locale?: string | null;
  guildLocale?: string;
}

/** An interaction payload with every field discord.js 14.28 reads. */
export function interactionPayload(
  spec: InteractionSpec,
  applicationId: string,
  channelId: string,
): Record<string, unknown> {
  const user = {
    discriminator: '0',
    avatar: null,
    global_name: null,
    ...(spec.user ?? { id: '200000000000000001', username: 'reader' }),
  };
  const guildId = spec.guildId;
  const base: Record<string, unknown> = {
    id: snowflake(),
    application_id: applicationId,
    type: spec.type,
    token: `itoken-${snowflake()}`,
    version: 1,
    data: spec.data,
    ...(spec.locale === null ? {} : { locale: spec.locale ?? 'en-US' }),
    app_permissions: String(MEMBER_DEFAULT),
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (spec.message) base.message = spec.message;
  if (guildId) {
    return {
      ...base,
      guild_id: guildId,
      guild: { id: guildId, locale: spec.guildLocale ?? 'en-US', features: [] },
      guild_locale: spec.guildLocale ?? 'en-US',
      channel_id: channelId,
      channel: {
        id: channelId,
        type: 0,
        guild_id: guildId,
        name: 'general',
        flags: 0,
        permissions: String(spec.permissions ?? MEMBER_DEFAULT),
      },
      member: { ...memberPayload(user, []), permissions: String(spec.permissions ?? MEMBER_DEFAULT) },
      authorizing_integration_owners: spec.userInstall ? { '1': user.id } : { '0': guildId },
      context: 0,
    };
  }
  if (spec.userInstall)
    return {
      ...base,
      channel_id: channelId,
      channel: {
        id: channelId,
        type: 1,
        flags: 0,
        recipients: [user, { id: '200000000000000999', username: 'friend' }],
      },
      user,
      authorizing_integration_owners: { '1': user.id },
      context: 2,
    };
  return {
    ...base,
    channel_id: channelId,
    channel: { id: channelId, type: 1, flags: 0, recipients: [user] },
    user,
    authorizing_integration_owners: { '0': '0' },
    context: 1,
  };
}

/** A message as Discord returns it after the bot posted or edited it. */
export function messagePayload(channelId: string, body: unknown, author: unknown): Record<string, unknown> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: b.content ?? '',
    embeds: b.embeds ?? [],
    components: b.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: b.flags ?? 0,
    ...(b.nonce === undefined ? {} : { nonce: b.nonce }),
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

/** Commands the way Discord returns them: ids, version and defaults filled in. */
export function storedCommands(body: unknown, applicationId: string, guildId?: string): Record<string, unknown>[] {
  const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
  return list.map((c) => ({
    id: snowflake(),
    application_id: applicationId,
    version: snowflake(),
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    ...(guildId ? { guild_id: guildId } : { dm_permission: true }),
    ...c,
    options: ((c.options as Record<string, unknown>[] | undefined) ?? []).map((o) => {
      const { required, autocomplete, ...rest } = o;
      return { ...rest, ...(required ? { required: true } : {}), ...(autocomplete ? { autocomplete: true } : {}) };
    }),
  }));
}

const rolePayload = (id: string, name: string, permissions: bigint, position: number) => ({
  id,
  name,
  permissions: String(permissions),
  position,
  color: 0,
  hoist: false,
  managed: false,
  mentionable: false,
  flags: 0,
});

/** GUILD_CREATE for a guild spec, with the bot as its one member. */
export function guildPayload(guild: FakeGuildSpec, botUser: unknown): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name ?? 'Test guild',
    icon: null,
    owner_id: '100000000000000001',
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: '2024-01-01T00:00:00.000Z',
    features: [],
    premium_tier: 0,
    system_channel_flags: 0,
    preferred_locale: 'en-US',
    roles: [
      rolePayload(guild.id, '@everyone', MEMBER_DEFAULT, 0),
      ...(guild.roles ?? []).map((role, i) =>
        rolePayload(role.id, role.name ?? `role-${i + 1}`, role.permissions, i + 1),
      ),
    ],
    channels: guild.channels.flatMap((c, position) => (isThread(c) ? [] : [channelPayload(guild, c, position)])),
    members: [{ user: botUser, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 }],
    // Active threads only, as Discord sends them.
    threads: guild.channels.flatMap((c, i) => (isThread(c) && !c.archived ? [channelPayload(guild, c, i)] : [])),
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
