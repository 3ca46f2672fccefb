import type { Chat, User } from './types.js';

/** Who runs the bot, as configured: user ids per platform and a home chat whose moderators count. */
export interface OperatorSettings {
  users: { telegram: readonly string[]; discord: readonly string[] };
  homeChats: { telegram?: string; discord?: string };
}

const NOBODY: OperatorSettings = { users: { telegram: [], discord: [] }, homeChats: {} };

/**
 * Decides who may see operator-only information (content errors, file names, database state).
 * Being a moderator is not enough: in a private chat everyone moderates their own chat.
 */
export class Operators {
  constructor(private readonly settings: OperatorSettings = NOBODY) {}

  isOperator(user: User, chat: Chat): boolean {
    // Whoever has the terminal has the machine.
    if (chat.platform === 'console') return true;
    const users: Readonly<Record<string, readonly string[]>> = this.settings.users;
    if (users[chat.platform]?.includes(user.id)) return true;
    const home = (this.settings.homeChats as Readonly<Record<string, string | undefined>>)[chat.platform];
    return home === chat.id && user.isModerator;
  }
}
