import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Bot } from '../../core/bot.js';
import { errorRef } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { autocompleteChoices } from './autocomplete.js';
import { decodeAction } from './custom-id.js';
import { describeError, isExpiredInteraction } from './errors.js';
import { chatOf, toInvocation, userOf } from './invocation.js';
import { answer } from './respond.js';

export interface InteractionDeps {
  bot: Bot;
  logger: Logger;
  /** Acknowledge first when the answer is not ready after this long (Discord allows 3 s). */
  deferAfterMs: number;
}

/** interaction -> Invocation -> bot.handle -> render -> reply. Never throws. */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
      else if (interaction.isChatInputCommand()) await onCommand(interaction, deps);
      else if (interaction.isButton()) await onButton(interaction, deps);
    } catch (error) {
      await reportFailure(interaction, error, deps.logger);
    }
  };
}

async function onAutocomplete(interaction: AutocompleteInteraction, { bot }: InteractionDeps): Promise<void> {
  // Counted before any search: over the limit, the list stays empty until the window ends.
  if (bot.admit(userOf(interaction), chatOf(interaction), 'lookup') !== 'allow') {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const option = bot.command(interaction.commandName)?.options.find((o) => o.name === focused.name);
  await interaction.respond(option?.autocomplete ? autocompleteChoices(bot.library, String(focused.value)) : []);
}

async function onCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const args: Record<string, string> = {};
  for (const option of interaction.options.data) {
    if (option.value !== undefined && option.value !== null) args[option.name] = String(option.value);
  }
  const invocation = toInvocation(interaction, interaction.commandName, args);
  await answer(interaction, deps.bot.handle(invocation), deps.deferAfterMs);
}

async function onButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const action = decodeAction(interaction.customId);
  if (!action) {
    await interaction.reply({ content: 'This button no longer does anything.', flags: MessageFlags.Ephemeral });
    return;
  }
  const invocation = toInvocation(interaction, action.command, { [action.option]: action.value });
  await answer(interaction, deps.bot.handle(invocation), deps.deferAfterMs);
}

/** Tells the user, privately and briefly, while Discord still lets us; logs the details with a reference. */
async function reportFailure(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  if (isExpiredInteraction(error)) {
    logger.warn(
      { err: describeError(error), interaction: interaction.id },
      'interaction expired before the answer; not retried',
    );
    return;
  }
  const ref = errorRef();
  logger.error(
    { err: describeError(error), ref, interaction: interaction.id, type: interaction.type },
    'interaction failed',
  );
  if (!interaction.isRepliable()) return;
  const payload = {
    content: `Something went wrong on our side (ref ${ref}). Please try again in a moment.`,
    flags: MessageFlags.Ephemeral as const,
    allowedMentions: { parse: [] },
  };
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (second) {
    logger.warn({ err: describeError(second), ref }, 'could not tell the user that the interaction failed');
  }
}
