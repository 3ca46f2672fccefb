/**
 * Forum topics: each topic of a forum supergroup is a chat of its own to the core, with the id
 * `<chat id>/<message_thread_id>`, so that it can follow topics, be paused and be posted to on its
 * own. The General topic is the supergroup itself.
 */

export interface Target {
  chatId: string;
  threadId?: number;
}

const TOPIC_ID = /^(-\d+)\/(\d+)$/;

export const topicChatId = (chatId: number | string, threadId?: number): string =>
  threadId === undefined ? String(chatId) : `${chatId}/${threadId}`;

/** The Bot API's chat and thread for a core chat id; ids without a topic pass unchanged. */
export function splitTarget(target: string): Target {
  const match = TOPIC_ID.exec(target);
  return match ? { chatId: match[1]!, threadId: Number(match[2]) } : { chatId: target };
}

interface TopicMessage {
  chat: { type: string; is_forum?: boolean };
  message_thread_id?: number;
  is_topic_message?: boolean;
}

/** The forum topic a message was written in; undefined in General and outside forums (reply threads). */
export function threadOf(message: TopicMessage): number | undefined {
  const forum = message.chat.type === 'supergroup' && message.chat.is_forum === true;
  return forum && message.is_topic_message === true ? message.message_thread_id : undefined;
}

/** Whether a chat is a forum whose General topic may speak for all its topics. */
export const isForum = (chat: { type: string; is_forum?: boolean }): boolean =>
  chat.type === 'supergroup' && chat.is_forum === true;
