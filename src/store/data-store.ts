import type { BriefFormat, DeliveryStyle, Platform } from '../core/types.js';

/** A chat on one platform; ids are only unique within their platform. */
export interface ChatKey {
  platform: Platform;
  chatId: string;
}

export type Label = 'New' | 'Updated';

export interface Subscription extends ChatKey {
  /** A normalised topic key, as `toKey` makes it. */
  topic: string;
  createdAt: Date;
  createdBy: string;
  active: boolean;
  /** Why updates stopped, when the subscription is no longer active. */
  pausedReason?: string;
  format: BriefFormat;
  linkPreviews: boolean;
  /** Each delivery is published to the servers following the channel. */
  publish?: true;
}

/**
 * `resumed`: the subscription existed but had been paused (the chat was unreachable);
 * `changed`: it existed, active, with another style, which it now has.
 */
export type SubscribeOutcome = 'added' | 'exists' | 'resumed' | 'changed';

/**
 * The style that wins when a chat follows several topics of one brief: the fullest format; and
 * the brief is published to following servers if any of those subscriptions asks for it.
 */
export function fullestStyle(styles: readonly DeliveryStyle[]): DeliveryStyle | undefined {
  const rank: Record<BriefFormat, number> = { full: 0, compact: 1, headline: 2 };
  const [fullest] = [...styles].sort(
    (a, b) => rank[a.format] - rank[b.format] || Number(b.linkPreviews) - Number(a.linkPreviews),
  );
  if (!fullest) return undefined;
  const { publish: _own, ...style } = fullest;
  return styles.some((s) => s.publish) ? { ...style, publish: true } : style;
}

/** One brief version owed to one chat. */
export interface Delivery extends ChatKey {
  id: number;
  slug: string;
  version: string;
  label: Label;
  /** Sends started so far, including one that may have been cut off by a crash. */
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
}

/** How a pending delivery ended without being sent. */
export type DeliveryEnd = 'superseded' | 'dropped' | 'failed';

export type PostOutcome = 'ok' | 'gone' | 'forbidden' | 'failed' | 'unavailable';

/** One /post, whether or not it went through: who, what, where, when. */
export interface PostRecord {
  at: Date;
  platform: Platform;
  userId: string;
  userName: string;
  fromChatId: string;
  targetChatId: string;
  slug: string;
  version: string;
  outcome: PostOutcome;
  detail?: string;
  messageIds: string[];
}

/**
 * What the bot keeps between runs: subscriptions, the brief versions it has announced,
 * the deliveries it owes, and the audit log of posts. Each call is atomic, so that a crash
 * leaves either the old or the new state. Calls return promises so that a database over the
 * network can stand in; the SQLite one answers at once.
 */
export interface DataStore {
  /** Follows a topic in `style` (full with previews when absent); subscribing again sets the style. */
  subscribe(chat: ChatKey, topic: string, by: string, style?: DeliveryStyle): Promise<SubscribeOutcome>;
  /** False when the chat did not follow the topic. */
  unsubscribe(chat: ChatKey, topic: string): Promise<boolean>;
  /** Active and paused subscriptions of a chat, by topic. */
  subscriptionsOf(chat: ChatKey): Promise<Subscription[]>;
  /** Subscriptions of the chat and of its threads (chat ids `<id>/<thread>`), by chat id then topic. */
  subscriptionsWithin(chat: ChatKey): Promise<Subscription[]>;
  /** Chats with an active subscription to any of these topics, each once. */
  subscribedChats(topics: readonly string[]): Promise<ChatKey[]>;
  isSubscribed(chat: ChatKey, topics: readonly string[]): Promise<boolean>;
  /** How the chat wants a brief on these topics delivered (`fullestStyle` of its active ones); undefined: it follows none. */
  deliveryStyle(chat: ChatKey, topics: readonly string[]): Promise<DeliveryStyle | undefined>;
  /** The language chosen for the chat with /language, if any. */
  chatLanguage(chat: ChatKey): Promise<string | undefined>;
  /** Sets (or, with undefined, clears) the chat's language. */
  setChatLanguage(chat: ChatKey, language: string | undefined): Promise<void>;
  /** Remembers the language of a private chat's reader (from their platform), for deliveries there. */
  setReaderLanguage(chat: ChatKey, language: string): Promise<void>;
  /** The language deliveries to the chat use: the one chosen with /language, else its reader's. */
  deliveryLanguage(chat: ChatKey): Promise<string | undefined>;

  /** The forum post (thread id) that a delivery of this brief opened in this forum channel, if any. */
  forumThread(chat: ChatKey, slug: string): Promise<string | undefined>;
  /** Remembers the forum post a brief opened, so that its updates go into it as replies. */
  rememberForumThread(chat: ChatKey, slug: string, threadId: string): Promise<void>;

  /** Counts one more consecutive "cannot reach this chat"; returns the streak. */
  recordUnreachable(chat: ChatKey): Promise<number>;
  recordReachable(chat: ChatKey): Promise<void>;
  /** Pauses every subscription of the chat and drops what it was still owed. */
  deactivateChat(chat: ChatKey, reason: string): Promise<number>;
  /** Moves subscriptions, deliveries and settings to the chat's new id (Telegram group -> supergroup). */
  migrateChat(platform: Platform, fromChatId: string, toChatId: string): Promise<void>;

  /** The last version announced of every brief ever seen. */
  knownVersions(): Promise<Map<string, string>>;
  knownVersion(slug: string): Promise<string | undefined>;
  /**
   * Records `version` as announced and owes it to each chat, at most once per
   * (chat, slug, version), in one transaction. Returns how many deliveries were added.
   */
  announce(slug: string, version: string, label: Label, chats: readonly ChatKey[]): Promise<number>;

  /**
   * Claims up to `limit` due pending deliveries of a platform, oldest first, in one atomic step:
   * a claimed delivery is not due again for anyone until `leaseMs` have passed or its outcome is
   * recorded. `nextAttemptAt` of each is the time it fell due.
   */
  claimDue(platform: Platform, now: number, limit: number, leaseMs: number): Promise<Delivery[]>;
  /** Frees every claim (a new sender takes over from one that stopped); returns how many. */
  releaseClaims(): Promise<number>;
  /** Pending deliveries for these platforms, due or not. */
  countPending(platforms: readonly Platform[], chat?: ChatKey): Promise<number>;
  /** When the next pending delivery for these platforms falls due after `after`. */
  nextDueAfter(platforms: readonly Platform[], after: number): Promise<number | undefined>;
  /** Marks the start of a send; until its outcome is recorded, a crash leaves it unknown. */
  markAttempt(id: number): Promise<void>;
  /** Pending deliveries whose last send started but never reported back (a crash). */
  countUnknownOutcomes(): Promise<number>;
  markDone(id: number, messageIds: readonly string[]): Promise<void>;
  retryAt(id: number, at: number, error: string): Promise<void>;
  finish(id: number, end: DeliveryEnd, reason: string): Promise<void>;
  /** Drops pending deliveries created before `before`; returns how many. */
  expirePending(before: number): Promise<number>;

  /**
   * True the first time an update id of a platform is claimed, false for a repeat (a webhook
   * redelivered, a batch replayed after a crash), across every process sharing the store.
   */
  claimUpdate(platform: Platform, updateId: string): Promise<boolean>;
  /** Forgets claims older than `before` (ms since the epoch); returns how many. */
  forgetUpdatesBefore(before: number): Promise<number>;

  recordPost(post: PostRecord): Promise<void>;
  /** Most recent first. */
  recentPosts(limit: number): Promise<PostRecord[]>;

  close(): Promise<void>;
}
