import type { Chat, Reply, User } from '../../core/types.js';
import { userInfo } from 'node:os';

/** The person at the terminal runs the bot, so they are a moderator and never rate-limited. */
export function consoleUser(env: NodeJS.ProcessEnv = process.env): User {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    // some containers have no passwd entry; the default name will do
  }
  // The reader's language: BRIEFBOT_LANG, else the locale of the shell (`ru_RU.UTF-8`); bad values are ignored later.
  const locale = env.BRIEFBOT_LANG?.trim() || env.LANG?.trim();
  return { id: 'console', name, isModerator: true, ...(locale ? { locale } : {}) };
}

export const consoleChat: Chat = { id: 'console', kind: 'private', platform: 'console' };

/** In the terminal the slash is optional: `brief xinjiang` works like `/brief xinjiang`. */
export const asCommand = (line: string): string => {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
};

/** A reply that means the command did not do what was asked: a miss, a usage hint or an error. */
export const isFailure = (reply: Reply | undefined): boolean =>
  !reply || reply.kind === 'notFound' || (reply.kind === 'text' && reply.tone !== 'info');
