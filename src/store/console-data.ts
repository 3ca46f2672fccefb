import type { Platform } from '../core/types.js';
import type { ChatKey, Label, PostOutcome, PostRecord, Subscription } from './data-store.js';

export type DeliveryStatus = 'pending' | 'done' | 'superseded' | 'dropped' | 'failed';

/** One delivery as the console lists it: a brief version owed to one chat, and how it ended. */
export interface DeliveryRecord extends ChatKey {
  id: number;
  slug: string;
  version: string;
  label: Label;
  status: DeliveryStatus;
  attempts: number;
  createdAt: number;
  finishedAt?: number;
  /** The platform's reason for the last failure. */
  lastError?: string;
  messageIds: string[];
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  slug?: string;
  platform?: Platform;
  chatId?: string;
}

export interface PostFilter {
  /** The user id or name of who posted. */
  who?: string;
  /** The target chat id. */
  where?: string;
  outcome?: PostOutcome;
  /** Milliseconds since the epoch, inclusive. */
  from?: number;
  to?: number;
}

/** The read side the console needs of the database, paged on the server (`limit` rows from `offset`). */
export interface ConsoleData {
  subscriptions(offset: number, limit: number): Promise<Subscription[]>;
  deliveries(filter: DeliveryFilter, offset: number, limit: number): Promise<DeliveryRecord[]>;
  posts(filter: PostFilter, offset: number, limit: number): Promise<PostRecord[]>;
  /** Makes every paused subscription of the chat active again; returns how many. */
  resumeChat(chat: ChatKey): Promise<number>;
}
