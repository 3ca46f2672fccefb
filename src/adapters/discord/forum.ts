import { Routes, type APIThreadChannel, type APIMessage, type REST } from 'discord.js';

/** Discord's limit on a thread's (a forum post's) name. */
export const THREAD_NAME_MAX = 100;

/** A forum post's name: the brief's title, cut within Discord's 100 characters, never empty. */
export function threadName(title: string): string {
  const name = title.replace(/\s+/g, ' ').trim();
  if (name.length === 0) return 'Brief';
  const chars = [...name];
  return chars.length <= THREAD_NAME_MAX ? name : `${chars.slice(0, THREAD_NAME_MAX - 1).join('')}…`;
}

/**
 * Opens a new post in a forum channel with `message` as its first message (Start Thread in Forum
 * or Media Channel); returns the post's thread id and the message id (the same id on Discord).
 */
export async function openForumPost(
  rest: REST,
  forumId: string,
  title: string,
  message: Record<string, unknown>,
  run: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<{ threadId: string; messageId: string }> {
  const thread = (await run(() =>
    rest.post(Routes.threads(forumId), { body: { name: threadName(title), message } }),
  )) as APIThreadChannel & { message?: APIMessage };
  return { threadId: thread.id, messageId: thread.message?.id ?? thread.id };
}
