import { PermissionFlagsBits, RESTJSONErrorCodes, Routes, type APIMessage, type Client, type REST } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { ChatPermission, DeliveryResult, Reply } from '../../core/types.js';
import { apiErrorCode, describeError } from './errors.js';
import { openForumPost } from './forum.js';
import { publishMessages } from './publish.js';
import type { PublishBudget } from './publish-budget.js';
import { render } from './render.js';

/** Codes that mean this chat is gone for us for good. */
const GONE = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);

/** The permissions the bot needs to post, by name (in English for logs, as codes for readers). */
const NEEDED: Record<ChatPermission, [bigint, string]> = {
  viewChannel: [PermissionFlagsBits.ViewChannel, 'View Channel'],
  sendMessages: [PermissionFlagsBits.SendMessages, 'Send Messages'],
  sendMessagesInThreads: [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
  embedLinks: [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
};

/** The permissions the bot lacks in a cached guild channel; undefined when it cannot tell. */
export function missingPermissions(client: Client, channelId: string): ChatPermission[] | undefined {
  const channel = client.channels.cache.get(channelId);
  if (!channel || channel.isDMBased() || !('permissionsFor' in channel)) return undefined;
  const me = channel.guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  if (!permissions) return undefined;
  // In a thread, Send Messages in Threads is what counts.
  const needed: ChatPermission[] = [
    'viewChannel',
    channel.isThread() ? 'sendMessagesInThreads' : 'sendMessages',
    'embedLinks',
  ];
  return needed.filter((name) => !permissions.has(NEEDED[name][0]));
}

/** Discord folds a repeated nonce only when it is at most 25 characters. */
const NONCE_MAX = 25;

/**
 * The `nonce` for a send named by `key`: Discord answers a repeat of it (same author, within a
 * few minutes) with the message already created instead of posting again.
 */
export function nonceFor(key: string): string {
  const nonce = `bb:${key}`;
  if (nonce.length > NONCE_MAX) throw new Error(`internal: idempotency key "${key}" makes a nonce over 25 characters`);
  return nonce;
}

export interface DeliverToOptions {
  /** Names the send across retries and restarts; Discord folds a repeat through the nonce. */
  idempotencyKey?: string | undefined;
  /** Permissions the bot is known to lack there (the gateway's cache knows; over HTTP only Discord does). */
  missing?: ChatPermission[] | undefined;
  /** Where the target is a forum: the post this brief opened there earlier, which takes the update as a reply. */
  forumThread?: string | undefined;
  /** Publish to the servers following the channel (an announcement channel), within its hourly allowance. */
  publish?: { budget: PublishBudget; logger: Logger } | undefined;
  /** Channels known to be forums, so that their posts skip the plain message Discord would refuse. */
  forums?: Set<string>;
}

type Run = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Posts a reply into a channel on our own initiative; mentions are always off. Into a forum it
 * opens a post named after the brief (or replies in the post the brief opened before); into an
 * announcement channel it can publish what it sent.
 */
export async function deliverTo(
  rest: REST,
  chatId: string,
  reply: Reply,
  run: Run,
  { idempotencyKey, missing, forumThread, publish, forums }: DeliverToOptions = {},
): Promise<DeliveryResult> {
  if (missing && missing.length > 0) {
    const detail = `missing ${missing.map((name) => NEEDED[name][1]).join(', ')}`;
    return { ok: false, reason: 'forbidden', detail, missing };
  }
  const message = render(reply);
  const nonce = (key: string | undefined) => (key === undefined ? {} : { nonce: nonceFor(key), enforce_nonce: true });
  const content = { embeds: message.embeds, components: message.components, allowed_mentions: { parse: [] } };
  const first = { ...content, ...nonce(idempotencyKey) };
  const post = async (channelId: string, body: object) =>
    ((await run(() => rest.post(Routes.channelMessages(channelId), { body }))) as APIMessage).id;
  try {
    let channelId = forumThread ?? chatId;
    let opened: { threadId: string; messageId: string } | undefined;
    const title = reply.kind === 'brief' ? reply.brief.title : 'Brief';
    const openPost = async () => {
      // A post's first message takes no nonce (Start Thread in Forum has none).
      opened = await openForumPost(rest, chatId, title, content, run);
      forums?.add(chatId);
      channelId = opened.threadId;
      return opened.messageId;
    };
    let firstId: string;
    try {
      firstId = forums?.has(chatId) && !forumThread ? await openPost() : await post(channelId, first);
    } catch (error) {
      const code = apiErrorCode(error);
      // A forum takes posts, not messages; a post that was deleted gives way to a new one.
      const forum = code === RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel && channelId === chatId;
      const postGone = code === RESTJSONErrorCodes.UnknownChannel && forumThread !== undefined;
      if (!forum && !postGone) throw error;
      firstId = await openPost();
    }
    const ids = [firstId];
    for (const [i, embed] of (message.more ?? []).entries()) {
      const key = idempotencyKey === undefined ? undefined : `${idempotencyKey}+${i + 1}`;
      ids.push(await post(channelId, { embeds: [embed], allowed_mentions: { parse: [] }, ...nonce(key) }));
    }
    const notes = publish ? await publishMessages(rest, channelId, ids, publish.budget, publish.logger) : [];
    return {
      ok: true,
      messageIds: ids,
      ...(opened ? { threadId: opened.threadId } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    };
  } catch (error) {
    return failureOf(error);
  }
}

function failureOf(error: unknown): Extract<DeliveryResult, { ok: false }> {
  const code = apiErrorCode(error);
  const detail = String(describeError(error).message ?? 'unknown error');
  if (code !== undefined && GONE.has(code)) return { ok: false, reason: 'gone', detail };
  switch (code) {
    case RESTJSONErrorCodes.MissingPermissions:
      return { ok: false, reason: 'forbidden', detail, why: 'botLacksRights' };
    case RESTJSONErrorCodes.InvalidActionOnArchivedThread:
      return {
        ok: false,
        reason: 'forbidden',
        detail: 'the thread is archived and locked',
        why: 'threadLocked',
        advice: 'unlockThread',
      };
    case RESTJSONErrorCodes.TagRequiredToCreateAForumPostInThisChannel:
      return {
        ok: false,
        reason: 'forbidden',
        detail: 'the forum requires a tag on every post, and I do not choose tags',
        why: 'forumNeedsTag',
        advice: 'dropForumTagRule',
      };
    default:
      return { ok: false, reason: 'failed', detail };
  }
}
