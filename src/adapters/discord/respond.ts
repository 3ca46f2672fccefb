import { InteractionResponseType, MessageFlags } from 'discord.js';
import { translator } from '../../core/i18n/index.js';
import type { Reply } from '../../core/types.js';
import { render, type DiscordMessage } from './render.js';
import type { ReplyChannel } from './reply-channel.js';

const payloadOf = (message: DiscordMessage) => ({
  embeds: message.embeds,
  components: message.components,
  allowed_mentions: { parse: [] },
});

/** What a dropped command (a user far over the rate limit) still gets, since Discord wants an answer. */
const slowDown = (locale: string | undefined) => ({
  content: translator(locale)('bot.slowDown'),
  flags: MessageFlags.Ephemeral,
  allowed_mentions: { parse: [] },
});

/**
 * Answers with the reply when the work is done within `deferAfterMs`; otherwise acknowledges first
 * (Discord allows 3 s) and edits the answer in when it is ready. 0 or less always defers.
 */
export async function answer(
  channel: ReplyChannel,
  work: Promise<Reply | null>,
  deferAfterMs: number,
  locale?: string,
): Promise<void> {
  const quick = deferAfterMs > 0 ? await within(work, deferAfterMs) : undefined;
  if (quick) return send(channel, quick.reply, locale);
  await channel.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource });
  await send(channel, await work, locale);
}

async function send(channel: ReplyChannel, reply: Reply | null, locale: string | undefined): Promise<void> {
  if (reply === null) {
    if (channel.deferred) await channel.deleteOriginal();
    else await channel.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: slowDown(locale) });
    return;
  }
  const message = render(reply);
  const payload = payloadOf(message);
  if (!channel.deferred) {
    const data = message.ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload;
    await channel.respond({ type: InteractionResponseType.ChannelMessageWithSource, data });
  } else if (!message.ephemeral) {
    await channel.editOriginal(payload);
  } else {
    // A deferred answer is public; a private one has to be a follow-up instead.
    await channel.deleteOriginal();
    await channel.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }
  // What did not fit the first message follows it, seen by the same people.
  for (const embed of message.more ?? [])
    await channel.followUp({
      embeds: [embed],
      allowed_mentions: { parse: [] },
      ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    });
}

async function within<T>(work: Promise<T>, ms: number): Promise<{ reply: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work.then((reply) => ({ reply })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
