import type { Brief, BriefRef } from '../content/brief.js';
import type { ContentError } from '../content/parse.js';
import { Operators } from './operators.js';
import type {
  BriefFormat,
  Chat,
  ChatPermission,
  DeliveryStyle,
  Platform,
  PostAdvice,
  PostRefusal,
  PublishNote,
  TargetInfo,
  User,
} from './types.js';

/** A chat on one platform, as the subscription store keys it. */
export interface ChatRef {
  platform: Platform;
  chatId: string;
}

/** One subscription as commands see it. */
export interface SubscriptionView {
  topic: string;
  active: boolean;
  format: BriefFormat;
  linkPreviews: boolean;
  publish?: true;
}

/** The topics chats follow, and what is owed to them. */
export interface Subscriptions {
  subscriptionsOf(chat: ChatRef): Promise<readonly SubscriptionView[]>;
  /** Subscriptions of the chat and of its threads (`<id>/<thread>`), by chat id then topic. */
  subscriptionsWithin(chat: ChatRef): Promise<readonly (SubscriptionView & { chatId: string })[]>;
  /**
   * `resumed`: the subscription existed but had been paused (the chat was unreachable);
   * `changed`: it existed with another style, which `style` replaced.
   */
  subscribe(
    chat: ChatRef,
    topic: string,
    by: string,
    style?: DeliveryStyle,
  ): Promise<'added' | 'exists' | 'resumed' | 'changed'>;
  unsubscribe(chat: ChatRef, topic: string): Promise<boolean>;
  countPending(platforms: readonly Platform[], chat?: ChatRef): Promise<number>;
  /** The language a chat chose with /language (it wins over each reader's own). */
  chatLanguage(chat: ChatRef): Promise<string | undefined>;
  setChatLanguage(chat: ChatRef, language: string | undefined): Promise<void>;
  /** Remembers the language of a private chat's reader, so that deliveries there come in it. */
  setReaderLanguage(chat: ChatRef, language: string): Promise<void>;
}

export interface PostRequest {
  user: User;
  /** Where the moderator typed the command. */
  from: Chat;
  /** The chat or channel to post into, as the platform names it; the current chat when absent. */
  target?: string;
  brief: Brief;
  version: string;
  related: BriefRef[];
  /** Publish the message to the servers following the channel (an announcement channel). */
  publish?: boolean;
}

/** A chat a moderator named, to check before using it (the current chat when `target` is absent). */
export interface TargetRequest {
  user: User;
  from: Chat;
  target?: string;
}

export type PostResult =
  | {
      ok: true;
      targetChatId: string;
      messageIds: string[];
      /** What went wrong after posting (it could not be published). */
      notes?: PublishNote[];
    }
  | {
      ok: false;
      outcome: 'gone' | 'forbidden' | 'failed' | 'unavailable';
      targetChatId: string;
      detail: string;
      /** The moderator may not post there (rather than the bot). */
      userForbidden?: true;
      why?: PostRefusal;
      /** The bot's permissions that are missing there. */
      missing?: ChatPermission[];
      /** What a moderator can do about it, when it is not a missing permission. */
      advice?: PostAdvice;
    };

/** Posts briefs on a moderator's request and keeps the audit log of every attempt. */
export interface Publisher {
  post(request: PostRequest): Promise<PostResult>;
  /**
   * What kind of chat the target is, and whether the moderator may use it (a chat other than the
   * current one); absent where no platform can tell.
   */
  inspect?(request: TargetRequest): Promise<TargetInfo>;
}

export interface ContentStatus {
  briefs: number;
  drafts: number;
  lastReload?: Date;
  errors: ContentError[];
  /** The content folder, as configured; error paths are shown relative to it. */
  dir: string;
}

/** Whether database calls are failing (a full disk, a damaged page). */
export interface DatabaseHealth {
  ok: boolean;
  /** When the current run of failures began. */
  since?: Date;
  /** Failed calls since then. */
  failures: number;
  lastError?: string;
}

/** Trouble with one announcement channel, for /status to tell in the reader's language. */
export type AdapterNote =
  | { kind: 'unpublished'; channelId: string; count: number; perHour: number }
  | { kind: 'publishFailed'; channelId: string; problem: PublishNote };

export interface AdapterState {
  platform: Platform;
  up: boolean;
  /** When it came up, or when it went down. */
  since?: Date;
  canDeliver: boolean;
  /** Trouble the adapter reports (publishes left undone), one per channel and kind. */
  notes?: AdapterNote[];
}

/** What /status reports about the running bot. */
export interface Status {
  content(): ContentStatus;
  adapters(): AdapterState[];
  /** This instance's name and the leader's (the one that sends the updates), when known. */
  instance(): Promise<{ id: string; leader: string | undefined }>;
  database(): DatabaseHealth;
}

/** What commands may use beyond the content library. */
export interface CommandServices {
  subscriptions: Subscriptions;
  publisher: Publisher;
  status: Status;
  /** Who may see operator-only information (file names, errors, the database). */
  operators: Operators;
}

function need<T>(value: T | undefined, name: string): T {
  // Not a user error: the bot was assembled without this service; the bot logs it with a reference.
  if (value === undefined) throw new Error(`internal: the ${name} service is not configured`);
  return value;
}

/** Every service, typed; one the bot was built without throws when a command first uses it. */
export function requireServices(provided: Partial<CommandServices>): CommandServices {
  return {
    get subscriptions() {
      return need(provided.subscriptions, 'subscriptions');
    },
    get publisher() {
      return need(provided.publisher, 'publisher');
    },
    get status() {
      return need(provided.status, 'status');
    },
    get operators() {
      return provided.operators ?? new Operators();
    },
  };
}
