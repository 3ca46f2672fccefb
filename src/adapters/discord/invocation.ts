import { ChannelType, PermissionFlagsBits, type Interaction } from 'discord.js';
import type { Chat, Invocation, User } from '../../core/types.js';

/** Moderator: Manage Messages or Manage Guild in this channel; everyone is in their own DMs. */
export function isModerator(interaction: Interaction): boolean {
  if (!interaction.inGuild()) return true;
  const permissions = interaction.memberPermissions;
  return permissions?.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageGuild]) ?? false;
}

export function userOf(interaction: Interaction): User {
  return {
    id: interaction.user.id,
    name: interaction.user.globalName ?? interaction.user.username,
    locale: interaction.locale,
    isModerator: isModerator(interaction),
  };
}

export function chatOf(interaction: Interaction): Chat {
  const id = interaction.channelId ?? interaction.user.id;
  if (!interaction.inGuild()) {
    const kind = interaction.channel?.type === ChannelType.GroupDM ? 'group' : 'private';
    return { id, kind, platform: 'discord' };
  }
  return { id, kind: 'group', platform: 'discord' };
}

export function toInvocation(interaction: Interaction, command: string, args: Record<string, string>): Invocation {
  return { command, args, user: userOf(interaction), chat: chatOf(interaction) };
}
