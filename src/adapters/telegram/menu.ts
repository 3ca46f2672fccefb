import type { Command } from '../../core/command.js';
import { COMMANDS_RU } from '../../core/i18n/commands-ru.js';

export interface MenuEntry {
  command: string;
  description: string;
}

export type MenuScope = 'default' | 'all_group_chats' | 'all_chat_administrators';

/** Languages with their own menu: Telegram shows it to users whose app speaks it; names stay Latin. */
export const MENU_LANGUAGES = ['ru'] as const;
export type MenuLanguage = (typeof MENU_LANGUAGES)[number];

/** What the bot's profile says, per language (setMyDescription, setMyShortDescription). */
export const PROFILE: Record<'default' | MenuLanguage, { description: string; short: string }> = {
  default: {
    description: 'Briefs on Xinjiang and Kazakhstan: summary, key facts and sources. Type /brief xinjiang.',
    short: 'Briefs with key facts and sources. /brief xinjiang',
  },
  ru: {
    description: 'Справки о Синьцзяне и Казахстане: кратко, главные факты и источники. Наберите /brief синьцзян.',
    short: 'Справки с фактами и источниками. /brief синьцзян',
  },
};

const entryIn =
  (language: MenuLanguage | undefined) =>
  (c: Command): MenuEntry => ({
    command: c.name,
    description: ((language && COMMANDS_RU[c.name]?.description) || c.description).slice(0, 256),
  });
const fits = (c: Command) => /^[a-z0-9_]{1,32}$/.test(c.name);

/**
 * The command menu per scope, from the core's metadata: everyone sees the open commands;
 * group members do not see moderator-in-groups commands; administrators see them all.
 */
export function commandMenus(commands: readonly Command[], language?: MenuLanguage): Record<MenuScope, MenuEntry[]> {
  const usable = commands.filter(fits);
  const entry = entryIn(language);
  return {
    default: usable.filter((c) => !c.moderatorOnly).map(entry),
    all_group_chats: usable.filter((c) => !c.moderatorOnly && !c.moderatorInGroups).map(entry),
    all_chat_administrators: usable.map(entry),
  };
}
