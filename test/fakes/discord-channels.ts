import type { Clock } from './clock.js';
import type { FakeChannelSpec, FakeGuildSpec } from './discord-api.js';
import {
  DiscordApiError,
  emptyMessage,
  invalidFormBody,
  missingPermissions,
  required,
  tooLong,
  tooShort,
  type Issue,
} from './discord-errors.js';
import { messagePayload, snowflake } from './discord-payloads.js';
import { missingToPost, PERMISSIONS, permissionsIn } from './discord-permissions.js';
import { checkMessage, isEmptyMessage } from './discord-rules.js';

/** Discord's channel types the fake knows. */
export const CHANNEL_TYPES = {
  text: 0,
  announcement: 5,
  announcementThread: 10,
  publicThread: 11,
  privateThread: 12,
  forum: 15,
  media: 16,
} as const;

/** The forum flag that makes every post need a tag. */
export const REQUIRE_TAG = 1 << 4;
/** A message flag: published to the servers following its announcement channel. */
const CROSSPOSTED = 1 << 0;
/** Discord lets a channel publish 10 messages an hour. */
export const PUBLISHES_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

const THREAD_TYPES = new Set<number>([10, 11, 12]);
export const isThread = (c: FakeChannelSpec): boolean => THREAD_TYPES.has(c.type ?? 0);
const isForum = (c: FakeChannelSpec): boolean => c.type === CHANNEL_TYPES.forum || c.type === CHANNEL_TYPES.media;

export const nonTextChannel = () =>
  new DiscordApiError(400, { code: 50008, message: 'Cannot send messages in a non-text channel' });
export const threadArchived = () => new DiscordApiError(400, { code: 50083, message: 'Thread is archived' });
export const tagRequired = () =>
  new DiscordApiError(400, { code: 40067, message: 'A tag is required to create a forum post in this channel' });
export const wrongChannelType = () =>
  new DiscordApiError(400, { code: 50024, message: 'Cannot execute action on this channel type' });
export const unknownMessage = () => new DiscordApiError(404, { code: 10008, message: 'Unknown Message' });
export const alreadyCrossposted = () =>
  new DiscordApiError(400, { code: 40033, message: 'This message has already been crossposted.' });

/** A 429 as Discord answers a publish over the channel's hourly allowance. */
export function publishLimited(retryAfterSeconds: number): DiscordApiError {
  const seconds = String(retryAfterSeconds);
  return new DiscordApiError(
    429,
    { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false, code: 20016 },
    {
      'retry-after': seconds,
      'x-ratelimit-limit': String(PUBLISHES_PER_HOUR),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': seconds,
      'x-ratelimit-bucket': 'crosspost',
      'x-ratelimit-scope': 'shared',
    },
  );
}

/** A channel of any guild, threads included, with its guild. */
export function findChannel(
  guilds: readonly FakeGuildSpec[],
  id: string,
): { guild: FakeGuildSpec; channel: FakeChannelSpec } | undefined {
  for (const guild of guilds) {
    const channel = guild.channels.find((c) => c.id === id);
    if (channel) return { guild, channel };
  }
  return undefined;
}

/** A thread takes its permissions from its parent channel. */
function permissionsFor(guild: FakeGuildSpec, channel: FakeChannelSpec, bot: string): bigint {
  const source = isThread(channel) ? (guild.channels.find((c) => c.id === channel.parentId) ?? channel) : channel;
  return permissionsIn(guild, source, { id: bot, roles: [] });
}

/** The channel object as GET /channels/{id} and GUILD_CREATE return it. */
export function channelPayload(guild: FakeGuildSpec, c: FakeChannelSpec, position: number): Record<string, unknown> {
  const base = {
    id: c.id,
    type: c.type ?? 0,
    guild_id: guild.id,
    name: c.name ?? `channel-${position}`,
    parent_id: c.parentId ?? null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: c.requireTag ? REQUIRE_TAG : 0,
  };
  if (isThread(c))
    return {
      ...base,
      owner_id: c.ownerId ?? '100000000000000001',
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: c.archived ?? false,
        locked: c.locked ?? false,
        auto_archive_duration: 4320,
        archive_timestamp: '2024-01-01T00:00:00.000Z',
      },
    };
  return {
    ...base,
    position,
    topic: null,
    ...(isForum(c)
      ? { available_tags: (c.tags ?? []).map((id) => ({ id, name: `tag-${id}`, moderated: false })) }
      : {}),
    permission_overwrites: [
      ...(c.deny ? [{ id: guild.id, type: 0, allow: '0', deny: String(c.deny) }] : []),
      ...(c.overwrites ?? []).map((o) => ({
        id: o.id,
        type: o.type,
        allow: String(o.allow ?? 0n),
        deny: String(o.deny ?? 0n),
      })),
    ],
  };
}

/**
 * Whether a message may be posted into `channel`: a forum takes posts only, a thread needs Send
 * Messages in Threads in its parent, and an archived thread opens again on a message unless it is
 * locked (then only Manage Threads may). Throws Discord's error; unarchives as Discord does.
 */
export function admitMessage(guild: FakeGuildSpec, channel: FakeChannelSpec, bot: string, body: unknown): void {
  if (isForum(channel)) throw nonTextChannel();
  const permissions = permissionsFor(guild, channel, bot);
  if (!isThread(channel)) {
    if (missingToPost(permissions, body) !== 0n) throw missingPermissions();
    return;
  }
  // In a thread, Send Messages in Threads stands in for Send Messages.
  const inThread =
    permissions & PERMISSIONS.SendMessagesInThreads
      ? permissions | PERMISSIONS.SendMessages
      : permissions & ~PERMISSIONS.SendMessages;
  if (missingToPost(inThread, body) !== 0n) throw missingPermissions();
  if (!channel.archived) return;
  if (channel.locked && (permissions & PERMISSIONS.ManageThreads) === 0n) throw threadArchived();
  channel.archived = false;
}

/**
 * POST /channels/{forum}/threads: a new post with its first message. Name 1-100 characters, a
 * valid message, a tag when the forum requires one, Send Messages to post at all.
 */
export function createForumPost(
  guild: FakeGuildSpec,
  forum: FakeChannelSpec,
  body: unknown,
  bot: { id: string },
): { thread: FakeChannelSpec; message: Record<string, unknown>; payload: Record<string, unknown> } {
  if (!isForum(forum)) throw wrongChannelType();
  const permissions = permissionsFor(guild, forum, bot.id);
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (missingToPost(permissions, fields.message) !== 0n) throw missingPermissions();
  const issues: Issue[] = [];
  const name = fields.name;
  if (typeof name !== 'string') issues.push(required(['name']));
  else if (name.length < 1) issues.push(tooShort(['name'], 1));
  else if (name.length > 100) issues.push(tooLong(['name'], 100));
  if (fields.message === undefined || typeof fields.message !== 'object') issues.push(required(['message']));
  else
    for (const issue of checkMessage(fields.message, { creating: true }))
      issues.push({ ...issue, path: ['message', ...issue.path] });
  const tags = Array.isArray(fields.applied_tags) ? (fields.applied_tags as unknown[]) : [];
  if (tags.length > 5) issues.push(tooLong(['applied_tags'], 5));
  if (issues.length > 0) throw invalidFormBody(issues);
  if (isEmptyMessage(fields.message)) throw emptyMessage();
  if (forum.requireTag && tags.length === 0) throw tagRequired();
  // A forum post's id is its first message's id.
  const id = snowflake();
  const thread: FakeChannelSpec = {
    id,
    type: CHANNEL_TYPES.publicThread,
    name: name as string,
    parentId: forum.id,
    ownerId: bot.id,
  };
  guild.channels.push(thread);
  const message = { ...messagePayload(id, fields.message, bot), id };
  const payload = { ...channelPayload(guild, thread, guild.channels.length - 1), message };
  return { thread, message, payload };
}

/**
 * Publishes to following servers: announcement channels only, a message of that channel not yet
 * published, Send Messages for one's own message (Manage Messages for anyone else's), and at most
 * 10 an hour per channel, answered beyond that with a 429 and the seconds to wait.
 */
export class Crossposts {
  private readonly published = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  publish(
    guild: FakeGuildSpec,
    channel: FakeChannelSpec,
    message: Record<string, unknown> | undefined,
    bot: string,
  ): Record<string, unknown> {
    if (channel.type !== CHANNEL_TYPES.announcement) throw wrongChannelType();
    if (!message) throw unknownMessage();
    const permissions = permissionsFor(guild, channel, bot);
    const own = (message.author as { id?: string } | undefined)?.id === bot;
    const needed = PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | (own ? 0n : PERMISSIONS.ManageMessages);
    if ((needed & ~permissions) !== 0n) throw missingPermissions();
    if ((Number(message.flags ?? 0) & CROSSPOSTED) !== 0) throw alreadyCrossposted();
    const now = this.clock.now();
    const recent = (this.published.get(channel.id) ?? []).filter((at) => at > now - HOUR_MS);
    if (recent.length >= PUBLISHES_PER_HOUR) throw publishLimited(Math.ceil((recent[0]! + HOUR_MS - now) / 1000));
    recent.push(now);
    this.published.set(channel.id, recent);
    message.flags = Number(message.flags ?? 0) | CROSSPOSTED;
    return message;
  }
}
