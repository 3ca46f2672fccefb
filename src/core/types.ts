import type { Brief, BriefRef, TopicCount } from '../content/brief.js';

/** A registered platform's id (`discord`, `telegram`, `console`, ...): see src/adapters/registry.ts. */
export type Platform = string;

export interface User {
  id: string;
  name: string;
  locale?: string;
  isModerator: boolean;
  /** Speaks for the chat rather than as a person (Telegram's anonymous admins): limited per chat. */
  anonymous?: boolean;
}

export interface Chat {
  id: string;
  kind: 'private' | 'group' | 'channel';
  platform: Platform;
  /**
   * The chat is divided into threads (a Telegram forum's General topic): each thread is a chat of
   * its own whose id is `<this id>/<thread id>`.
   */
  forum?: true;
}

/** Whether the caller is a moderator here; a function is asked only when a command needs to know. */
export type ModeratorCheck = boolean | (() => Promise<boolean>);

/** Who sent a command, as an adapter knows them before the core has looked at the command. */
export interface Caller extends Omit<User, 'isModerator'> {
  isModerator: ModeratorCheck;
}

/** A command call as an adapter hands it to the core: options already named (Discord) or parsed by the core. */
export interface Request {
  command: string;
  args: Record<string, string>;
  user: Caller;
  chat: Chat;
}

/** One command call, already parsed, from any platform. */
export interface Invocation {
  command: string;
  args: Record<string, string>;
  user: User;
  chat: Chat;
}

/** How much of a brief a subscription wants: the whole brief, a compact card, or the headline. */
export const BRIEF_FORMATS = ['full', 'compact', 'headline'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** How a subscription's deliveries look: its format, and whether links open previews. */
export interface DeliveryStyle {
  format: BriefFormat;
  linkPreviews: boolean;
  /** Publish each delivery to the servers following the channel (a Discord announcement channel). */
  publish?: true;
}

export const DEFAULT_STYLE: DeliveryStyle = { format: 'full', linkPreviews: true };

export interface Page {
  number: number;
  of: number;
}

export type { TopicCount } from '../content/brief.js';

/**
 * What a command answers. Adapters render it; commands never talk to a platform.
 * `usage` and `error` texts are private to the caller where the platform allows it.
 */
export type Reply = ReplyBody & {
  /** The reader's language: the bot's own words are in it where there is a catalogue. */
  lang?: string;
};

/** A brief shown in another language than the reader's: which, and which there are. */
export interface LanguageFallback {
  wanted: string;
  available: string[];
}

export type ReplyBody =
  | {
      kind: 'brief';
      brief: Brief;
      related: BriefRef[];
      label?: 'New' | 'Updated';
      /** `full` when absent. */
      format?: BriefFormat;
      /** Links open previews unless this is false. */
      linkPreviews?: boolean;
      fallback?: LanguageFallback;
    }
  | { kind: 'list'; title: string; items: BriefRef[]; page?: Page }
  | { kind: 'topics'; title: string; items: TopicCount[]; page?: Page }
  | { kind: 'notFound'; query: string; suggestions: BriefRef[] }
  | { kind: 'text'; text: string; tone: 'info' | 'usage' | 'error'; code?: string };

export type ReplyKind = Reply['kind'];

/**
 * What happened to one message an adapter was asked to deliver (subscription updates, posts).
 * `gone` is permanent for that chat (blocked, kicked, unknown channel, missing access);
 * `forbidden` means the bot (or, with `user`, the person it posts for) lacks a permission there;
 * `migrated` means the chat now lives under another id; `failed` may succeed later.
 */
/**
 * Why the bot may not post somewhere, or a person may not have it post there: each is a
 * catalogue text (`post.why.<reason>`), so that the reader gets it in their language.
 */
export type PostRefusal =
  | 'anonymousAdmin'
  | 'notChannelAdmin'
  | 'otherServer'
  | 'needManageMessages'
  | 'notServerMember'
  | 'threadLocked'
  | 'forumNeedsTag'
  | 'botLacksRights'
  | 'botNeedsAdmin'
  | 'topicClosed'
  | 'topicGone';

/** What a moderator can do about a refusal that is not a missing permission (`post.advice.<advice>`). */
export type PostAdvice = 'unlockThread' | 'dropForumTagRule';

/** A permission the bot needs in a channel, named for the catalogues (`permission.<name>`). */
export type ChatPermission = 'viewChannel' | 'sendMessages' | 'sendMessagesInThreads' | 'embedLinks';

/**
 * Why messages sent into an announcement channel were not published to the servers following it
 * (`publish.<problem>`); `detail` keeps the platform's own words where nothing better is known.
 */
export type PublishNote =
  | { problem: 'hourlyLimit'; perHour: number }
  | { problem: 'noPermission' }
  | { problem: 'notAnnouncement' }
  | { problem: 'refused'; detail: string };

export type DeliveryResult =
  | {
      ok: true;
      messageIds: string[];
      /** The forum post (a thread) the message opened, where the target is a forum channel. */
      threadId?: string;
      /** What went wrong after the message was sent (it could not be published). */
      notes?: PublishNote[];
    }
  | {
      ok: false;
      reason: 'gone';
      /** The platform's words, for logs and the audit log. */
      detail: string;
      /** Why, where the platform said something more precise than "not there". */
      why?: PostRefusal;
    }
  | {
      ok: false;
      reason: 'forbidden';
      /** In English or the platform's words, for logs and the audit log; readers get `why`, `missing` or a quote. */
      detail: string;
      /** The person the bot would post for may not post there (rather than the bot). */
      user?: true;
      /** Why they may not, for the catalogues to say in the reader's language. */
      why?: PostRefusal;
      /** The bot's permissions that are missing there. */
      missing?: ChatPermission[];
      /** What a moderator can do about it, when it is not a missing permission of the bot's. */
      advice?: PostAdvice;
    }
  | { ok: false; reason: 'migrated'; newChatId: string }
  | { ok: false; reason: 'failed'; detail: string };

/**
 * What a platform says about a chat a moderator named: what kind it is (`unknown` where the
 * platform cannot tell), or why the bot cannot use it.
 */
export type TargetInfo =
  { ok: true; kind: 'chat' | 'thread' | 'forum' | 'announcement' | 'unknown' } | Extract<DeliveryResult, { ok: false }>;
