import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type REST,
} from 'discord.js';
import type { Bot } from '../../core/bot.js';
import { errorRef, internalErrorText } from '../../core/errors.js';
import { translator } from '../../core/i18n/index.js';
import type { Logger } from '../../core/logger.js';
import { autocompleteChoices } from './autocomplete.js';
import { decodeAction } from './custom-id.js';
import { describeError, isExpiredInteraction } from './errors.js';
import { chatOf, localeOf, toInvocation, userOf } from './invocation.js';
import { ReplyChannel, type FirstResponse } from './reply-channel.js';
import { answer } from './respond.js';

export interface InteractionDeps {
  bot: Bot;
  logger: Logger;
  /** Acknowledge first when the answer is not ready after this long (Discord allows 3 s). */
  deferAfterMs: number;
  /** For edits and follow-ups through the interaction's webhook. */
  rest: REST;
}

type Option = APIApplicationCommandInteractionDataOption;
type Handled = (raw: APIInteraction, first: FirstResponse) => Promise<void>;

/** Options with a value, sub-command groups flattened (our commands have none, but Discord may send them). */
function leafOptions(options: readonly Option[] | undefined): Option[] {
  return (options ?? []).flatMap((o) => ('options' in o && o.options ? leafOptions(o.options) : [o]));
}

/**
 * raw interaction -> Invocation -> bot.handle -> render -> response, the same for the gateway and
 * for HTTP interactions; only how the first response leaves differs (`first`). Never throws.
 */
export function createInteractionHandler(deps: InteractionDeps): Handled {
  return async (raw, first) => {
    const channel = new ReplyChannel(first, deps.rest, raw);
    try {
      if (raw.type === InteractionType.ApplicationCommandAutocomplete) await onAutocomplete(raw, channel, deps);
      else if (raw.type === InteractionType.ApplicationCommand) await onCommand(raw, channel, deps);
      else if (raw.type === InteractionType.MessageComponent) await onComponent(raw, channel, deps);
    } catch (error) {
      await reportFailure(raw, channel, error, deps.logger);
    }
  };
}

async function onAutocomplete(
  raw: Extract<APIInteraction, { type: InteractionType.ApplicationCommandAutocomplete }>,
  channel: ReplyChannel,
  { bot }: InteractionDeps,
): Promise<void> {
  // Counted before any search: over the limit, the list stays empty until the window ends.
  if ((await bot.admit(userOf(raw), chatOf(raw), 'lookup')) !== 'allow') {
    const data = { choices: [] };
    await channel.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data });
    return;
  }
  const focused = leafOptions(raw.data.options).find((o) => 'focused' in o && o.focused);
  const option = bot.command(raw.data.name)?.options.find((o) => o.name === focused?.name);
  const typed = focused && 'value' in focused ? String(focused.value) : '';
  const choices = option?.autocomplete ? autocompleteChoices(bot.library, typed, localeOf(raw)) : [];
  await channel.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
}

async function onCommand(
  raw: Extract<APIInteraction, { type: InteractionType.ApplicationCommand }>,
  channel: ReplyChannel,
  deps: InteractionDeps,
): Promise<void> {
  if (raw.data.type !== ApplicationCommandType.ChatInput) return;
  const args: Record<string, string> = {};
  for (const option of leafOptions(raw.data.options)) {
    if (option.type === ApplicationCommandOptionType.Subcommand) continue;
    if ('value' in option && option.value !== undefined && option.value !== null)
      args[option.name] = String(option.value);
  }
  const invocation = toInvocation(raw, raw.data.name, args);
  await answer(channel, deps.bot.handle(invocation), deps.deferAfterMs, invocation.user.locale);
}

async function onComponent(
  raw: Extract<APIInteraction, { type: InteractionType.MessageComponent }>,
  channel: ReplyChannel,
  deps: InteractionDeps,
): Promise<void> {
  const action = raw.data.component_type === ComponentType.Button ? decodeAction(raw.data.custom_id) : undefined;
  if (!action) {
    await channel.respond({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: translator(localeOf(raw))('bot.staleButton'), flags: MessageFlags.Ephemeral },
    });
    return;
  }
  const invocation = toInvocation(raw, action.command, { [action.option]: action.value });
  await answer(channel, deps.bot.handle(invocation), deps.deferAfterMs, invocation.user.locale);
}

/** Tells the user, privately and briefly, while Discord still lets us; logs the details with a reference. */
async function reportFailure(raw: APIInteraction, channel: ReplyChannel, error: unknown, logger: Logger) {
  if (isExpiredInteraction(error)) {
    logger.warn(
      { err: describeError(error), interaction: raw.id },
      'interaction expired before the answer; not retried',
    );
    return;
  }
  const ref = errorRef();
  logger.error({ err: describeError(error), ref, interaction: raw.id, type: raw.type }, 'interaction failed');
  const repliable = raw.type === InteractionType.ApplicationCommand || raw.type === InteractionType.MessageComponent;
  if (!repliable) return;
  const data = {
    content: internalErrorText(ref, translator(localeOf(raw))),
    flags: MessageFlags.Ephemeral,
    allowed_mentions: { parse: [] },
  };
  try {
    if (channel.replied) await channel.followUp(data);
    else await channel.respond({ type: InteractionResponseType.ChannelMessageWithSource, data });
  } catch (second) {
    logger.warn({ err: describeError(second), ref }, 'could not tell the user that the interaction failed');
  }
}
