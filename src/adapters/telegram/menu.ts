import type { Command } from '../../core/command.js';

export interface MenuEntry {
  command: string;
  description: string;
}

export type MenuScope = 'default' | 'all_group_chats' | 'all_chat_administrators';

const entry = (c: Command): MenuEntry => ({ command: c.name, description: c.description.slice(0, 256) });
const fits = (c: Command) => /^[a-z0-9_]{1,32}$/.test(c.name);

/**
 * The command menu per scope, from the core's metadata: everyone sees the open commands;
 * group members do not see moderator-in-groups commands; administrators see them all.
 */
export function commandMenus(commands: readonly Command[]): Record<MenuScope, MenuEntry[]> {
  const usable = commands.filter(fits);
  return {
    default: usable.filter((c) => !c.moderatorOnly).map(entry),
    all_group_chats: usable.filter((c) => !c.moderatorOnly && !c.moderatorInGroups).map(entry),
    all_chat_administrators: usable.map(entry),
  };
}
