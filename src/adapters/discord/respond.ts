import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { SLOW_DOWN } from '../../core/bot.js';
import type { Reply } from '../../core/types.js';
import { render, type DiscordMessage } from './render.js';

export type Repliable = ChatInputCommandInteraction | ButtonInteraction;

const payloadOf = (message: DiscordMessage) => ({
  embeds: message.embeds,
  components: message.components,
  allowedMentions: { parse: [] },
});

/**
 * Answers with the reply when the work is done within `deferAfterMs`; otherwise acknowledges first
 * (Discord allows 3 s) and edits the answer in when it is ready. 0 or less always defers.
 */
export async function answer(interaction: Repliable, work: Promise<Reply | null>, deferAfterMs: number): Promise<void> {
  const quick = deferAfterMs > 0 ? await within(work, deferAfterMs) : undefined;
  if (quick) return send(interaction, quick.reply);
  await interaction.deferReply();
  await send(interaction, await work);
}

/**
 * Discord shows "The application did not respond" for an interaction left unanswered, so even
 * a command dropped by the rate limit (`null`) gets the private "slow down" answer.
 */
async function send(interaction: Repliable, answered: Reply | null): Promise<void> {
  const reply = answered ?? SLOW_DOWN;
  const message = render(reply);
  const payload = payloadOf(message);
  if (!interaction.deferred) {
    await interaction.reply(message.ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload);
  } else if (!message.ephemeral) {
    await interaction.editReply(payload);
  } else {
    // A deferred answer is public; a private one has to be a follow-up instead.
    await interaction.deleteReply();
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }
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
