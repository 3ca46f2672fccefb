import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { needsModeratorCheck, type Command, type CommandOption } from '../../core/command.js';
import { LIMITS, truncate } from './limits.js';
import { COMMANDS_RU } from '../../core/i18n/commands-ru.js';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The longest text option Discord lets users type, matching what the core accepts. */
const MAX_TEXT = 200;

/**
 * Commands that only read the library: a reader who installed briefbot to their account may use
 * them in any server, in DMs with the bot and in their private channels.
 */
const ANYWHERE = new Set(['brief', 'search', 'latest', 'help', 'topics']);

/** Slash command JSON for every core command, built from the commands' own metadata. */
export function commandDefinitions(commands: readonly Command[]): CommandDefinition[] {
  return commands.map(definitionOf);
}

function definitionOf(command: Command): CommandDefinition {
  const restricted = needsModeratorCheck(command);
  const guildOnly = restricted || command.contexts === 'groups';
  const anywhere = ANYWHERE.has(command.name) && !guildOnly;
  const builder = new SlashCommandBuilder()
    .setName(command.name)
    .setDescription(truncate(command.description, LIMITS.commandDescription))
    .setNameLocalizations(localized(COMMANDS_RU[command.name]?.name, 32))
    .setDescriptionLocalizations(localized(COMMANDS_RU[command.name]?.description, LIMITS.commandDescription))
    .setIntegrationTypes(
      anywhere
        ? [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]
        : [ApplicationIntegrationType.GuildInstall],
    )
    .setContexts(
      anywhere
        ? [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]
        : guildOnly
          ? [InteractionContextType.Guild]
          : [InteractionContextType.Guild, InteractionContextType.BotDM],
    );
  if (restricted) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages);
  // Discord wants required options before optional ones.
  const ordered = [...command.options].sort((a, b) => Number(b.required) - Number(a.required));
  for (const option of ordered) addOption(builder, option, COMMANDS_RU[command.name]?.options?.[option.name]);
  return builder.toJSON();
}

/** Discord's locale keys for what there is: Russian for now. */
function localized(text: string | undefined, max: number): { ru: string } | null {
  return text === undefined ? null : { ru: truncate(text, max) };
}

type OptionWords = { name: string; description: string } | undefined;

function addOption(builder: SlashCommandBuilder, option: CommandOption, ru: OptionWords): void {
  const description = truncate(option.description, LIMITS.optionDescription);
  const words = <
    T extends {
      setNameLocalizations: (l: { ru: string } | null) => T;
      setDescriptionLocalizations: (l: { ru: string } | null) => T;
    },
  >(
    o: T,
  ): T =>
    o
      .setNameLocalizations(localized(ru?.name, 32))
      .setDescriptionLocalizations(localized(ru?.description, LIMITS.optionDescription));
  switch (option.type) {
    case 'string':
      builder.addStringOption((o) => {
        words(o.setName(option.name).setDescription(description).setRequired(option.required));
        if (option.choices) o.addChoices(...option.choices.map((c) => ({ name: c, value: c })));
        if (option.autocomplete) o.setAutocomplete(true);
        if (option.min !== undefined) o.setMinLength(option.min);
        o.setMaxLength(option.max ?? MAX_TEXT);
        return o;
      });
      return;
    case 'integer':
      builder.addIntegerOption((o) => {
        words(o.setName(option.name).setDescription(description).setRequired(option.required));
        if (option.min !== undefined) o.setMinValue(option.min);
        if (option.max !== undefined) o.setMaxValue(option.max);
        return o;
      });
      return;
    case 'channel':
      builder.addChannelOption((o) =>
        words(o)
          .setName(option.name)
          .setDescription(description)
          .setRequired(option.required)
          .addChannelTypes(
            ChannelType.GuildText,
            ChannelType.GuildAnnouncement,
            ChannelType.GuildForum,
            ChannelType.PublicThread,
            ChannelType.PrivateThread,
            ChannelType.AnnouncementThread,
          ),
      );
      return;
  }
}
