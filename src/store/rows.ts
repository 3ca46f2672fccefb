import type { BriefFormat, DeliveryStyle, Platform } from '../core/types.js';
import type { Delivery, Label, PostOutcome, PostRecord, Subscription } from './data-store.js';

/** Rows as both backends return them (times in ms since the epoch). */
export interface SubscriptionRow {
  platform: Platform;
  chat_id: string;
  topic: string;
  created_at: number;
  created_by: string;
  active: number | boolean;
  paused_reason: string | null;
  format: BriefFormat;
  link_previews: number | boolean;
  publish: number | boolean;
}

export interface DeliveryRow {
  id: number;
  platform: Platform;
  chat_id: string;
  slug: string;
  version: string;
  label: Label;
  attempts: number;
  created_at: number;
  next_attempt_at: number;
}

export interface PostRow {
  at: number;
  platform: Platform;
  user_id: string;
  user_name: string;
  from_chat_id: string;
  target_chat_id: string;
  slug: string;
  version: string;
  outcome: PostOutcome;
  detail: string | null;
  message_ids: string;
}

export const DELIVERY_COLUMNS = 'id, platform, chat_id, slug, version, label, attempts, created_at, next_attempt_at';

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  platform: r.platform,
  chatId: r.chat_id,
  topic: r.topic,
  createdAt: new Date(r.created_at),
  createdBy: r.created_by,
  active: r.active === 1 || r.active === true,
  ...(r.paused_reason === null ? {} : { pausedReason: r.paused_reason }),
  format: r.format,
  linkPreviews: r.link_previews === 1 || r.link_previews === true,
  ...(r.publish === 1 || r.publish === true ? { publish: true as const } : {}),
});

export type StyleRow = Pick<SubscriptionRow, 'format' | 'link_previews' | 'publish'>;

export const toStyle = (r: StyleRow): DeliveryStyle => ({
  format: r.format,
  linkPreviews: r.link_previews === 1 || r.link_previews === true,
  ...(r.publish === 1 || r.publish === true ? { publish: true as const } : {}),
});

export const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  platform: r.platform,
  chatId: r.chat_id,
  slug: r.slug,
  version: r.version,
  label: r.label,
  attempts: r.attempts,
  createdAt: r.created_at,
  nextAttemptAt: r.next_attempt_at,
});

export const toPost = (r: PostRow): PostRecord => ({
  at: new Date(r.at),
  platform: r.platform,
  userId: r.user_id,
  userName: r.user_name,
  fromChatId: r.from_chat_id,
  targetChatId: r.target_chat_id,
  slug: r.slug,
  version: r.version,
  outcome: r.outcome,
  ...(r.detail === null ? {} : { detail: r.detail }),
  messageIds: JSON.parse(r.message_ids) as string[],
});

/** Oldest due first, as both backends hand claimed rows back in no particular order. */
export const byDueThenId = (a: Delivery, b: Delivery): number => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id;

/** A post's columns in the order of `INSERT INTO posts (at, platform, user_id, ... message_ids)`. */
export const postParams = (post: PostRecord): (string | number | null)[] => [
  post.at.getTime(),
  post.platform,
  post.userId,
  post.userName,
  post.fromChatId,
  post.targetChatId,
  post.slug,
  post.version,
  post.outcome,
  post.detail ?? null,
  JSON.stringify(post.messageIds),
];
