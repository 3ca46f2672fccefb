import { PermissionFlagsBits, RESTJSONErrorCodes, Routes, type APIMessage, type Client, type REST } from 'discord.js';
import type { DeliveryResult, Reply } from '../../core/types.js';
import { apiErrorCode, describeError } from './errors.js';
import { render } from './render.js';

const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** Codes that mean this chat is gone for us for good. */
const GONE = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);

/** The permissions the bot lacks in a cached guild channel; undefined when it cannot tell. */
export function missingPermissions(client: Client, channelId: string): string[] | undefined {
  const channel = client.channels.cache.get(channelId);
  if (!channel || channel.isDMBased() || !('permissionsFor' in channel)) return undefined;
  const me = channel.guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  if (!permissions) return undefined;
  return NEEDED.filter(([flag]) => !permissions.has(flag)).map(([, name]) => name);
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
  missing?: string[] | undefined;
}

/** Posts a reply into a channel on our own initiative; mentions are always off. */
export async function deliverTo(
  rest: REST,
  channelId: string,
  reply: Reply,
  run: <T>(task: () => Promise<T>) => Promise<T>,
  { idempotencyKey, missing }: DeliverToOptions = {},
): Promise<DeliveryResult> {
  if (missing && missing.length > 0) return { ok: false, reason: 'forbidden', detail: `missing ${missing.join(', ')}` };
  const message = render(reply);
  try {
    const sent = (await run(() =>
      rest.post(Routes.channelMessages(channelId), {
        body: {
          embeds: message.embeds,
          components: message.components,
          allowed_mentions: { parse: [] },
          ...(idempotencyKey === undefined ? {} : { nonce: nonceFor(idempotencyKey), enforce_nonce: true }),
        },
      }),
    )) as APIMessage;
    return { ok: true, messageIds: [sent.id] };
  } catch (error) {
    const code = apiErrorCode(error);
    const detail = String(describeError(error).message ?? 'unknown error');
    if (code !== undefined && GONE.has(code)) return { ok: false, reason: 'gone', detail };
    if (code === RESTJSONErrorCodes.MissingPermissions) return { ok: false, reason: 'forbidden', detail };
    return { ok: false, reason: 'failed', detail };
  }
}
