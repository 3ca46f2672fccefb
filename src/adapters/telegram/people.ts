import type { Chat as TgChat, User as TgUser } from 'telegraf/types';
import type { Caller, Chat, ModeratorCheck } from '../../core/types.js';
import { ANONYMOUS_ADMIN_ID } from './moderators.js';
import { isForum, topicChatId } from './topics.js';

export const chatKind = (type: TgChat['type']): Chat['kind'] =>
  type === 'private' ? 'private' : type === 'channel' ? 'channel' : 'group';

/** The core's chat: a forum topic (`threadId`) is a chat of its own; a forum's General topic speaks for them all. */
export const toChat = (chat: Pick<TgChat, 'id' | 'type'> & { is_forum?: boolean }, threadId?: number): Chat => ({
  id: topicChatId(chat.id, threadId),
  kind: chatKind(chat.type),
  platform: 'telegram',
  ...(threadId === undefined && isForum(chat) ? { forum: true } : {}),
});

export function displayName(user: TgUser): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name || user.username || String(user.id);
}

/**
 * The core's user; `from` is missing for channel posts, which speak for the channel. An
 * anonymous admin (Telegram's GroupAnonymousBot, or a message sent as a chat) speaks for
 * the chat: every such admin of every group shares that one account.
 */
export function toUser(
  from: TgUser | undefined,
  chat: TgChat,
  isModerator: ModeratorCheck,
  senderChat?: Pick<TgChat, 'id'>,
): Caller {
  if (!from) {
    const title = 'title' in chat ? chat.title : undefined;
    return { id: String(chat.id), name: title ?? String(chat.id), isModerator };
  }
  const anonymous = senderChat !== undefined || from.id === ANONYMOUS_ADMIN_ID;
  return {
    id: String(from.id),
    name: displayName(from),
    ...(from.language_code ? { locale: from.language_code } : {}),
    isModerator,
    ...(anonymous ? { anonymous } : {}),
  };
}
