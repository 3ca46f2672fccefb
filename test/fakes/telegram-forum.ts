/**
 * Forum topics of the fake Bot API: which supergroups are forums, their topics and whether
 * each is open. Telegram refuses a `message_thread_id` it does not know with
 * `message thread not found`, and a closed topic with `TOPIC_CLOSED`.
 */
export interface ForumChat {
  id: number;
  type: string;
  is_forum?: boolean;
}

type TopicState = 'open' | 'closed';

export class ForumTopics {
  private readonly topics = new Map<number, Map<number, { name: string; state: TopicState }>>();
  // Telegram numbers topics by the id of the service message that created them.
  private nextThreadId = 100;

  /** Creates a topic in a forum supergroup; returns its message_thread_id. */
  create(chat: ForumChat, name: string): number {
    if (chat.type !== 'supergroup' || !chat.is_forum) throw new Error(`chat ${chat.id} is not a forum supergroup`);
    const id = this.nextThreadId++;
    const topics = this.topics.get(chat.id) ?? new Map();
    topics.set(id, { name, state: 'open' });
    this.topics.set(chat.id, topics);
    return id;
  }

  close(chatId: number, threadId: number): void {
    const topic = this.topics.get(chatId)?.get(threadId);
    if (topic) topic.state = 'closed';
  }

  delete(chatId: number, threadId: number): void {
    this.topics.get(chatId)?.delete(threadId);
  }

  /** The error description Telegram would give for sending into this thread, or undefined when it may. */
  refusal(chat: ForumChat, threadId: unknown): string | undefined {
    if (threadId === undefined) return undefined;
    if (typeof threadId !== 'number' || !Number.isInteger(threadId) || threadId <= 0) return 'message thread not found';
    // A group that stopped being a forum has no topics any more.
    const topic = chat.is_forum ? this.topics.get(chat.id)?.get(threadId) : undefined;
    if (!topic) return 'message thread not found';
    return topic.state === 'closed' ? 'TOPIC_CLOSED' : undefined;
  }
}
