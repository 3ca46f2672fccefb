import type { PostRefusal } from '../../core/types.js';

/** What to do about a failed Bot API call. */
export type SendFailure =
  | { kind: 'retryAfter'; seconds: number }
  | { kind: 'transient'; detail: string }
  | { kind: 'gone'; detail: string; why?: PostRefusal }
  | { kind: 'forbidden'; detail: string; why?: PostRefusal }
  | { kind: 'migrated'; newChatId: string }
  | { kind: 'failed'; detail: string };

interface ApiErrorShape {
  response: {
    error_code: number;
    description?: string;
    parameters?: { retry_after?: number; migrate_to_chat_id?: number };
  };
}

const isApiError = (error: unknown): error is ApiErrorShape =>
  typeof error === 'object' &&
  error !== null &&
  'response' in error &&
  typeof (error as ApiErrorShape).response?.error_code === 'number';

// 403s that mean the chat is closed to us for good.
const GONE = /blocked|kicked|deactivated|not a member|chat not found|can't initiate|user is deleted/i;

const TOPIC_GONE = /message thread not found|TOPIC_CLOSED|TOPIC_DELETED|TOPIC_ID_INVALID/i;

/** Sorts a telegraf error (or a network failure) into what the send path should do. */
export function classifySendError(error: unknown): SendFailure {
  if (!isApiError(error)) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'transient', detail };
  }
  const { error_code: code, description = '', parameters } = error.response;
  if (code === 429) return { kind: 'retryAfter', seconds: Math.max(0, parameters?.retry_after ?? 1) };
  if (code >= 500) return { kind: 'transient', detail: `${code} ${description}` };
  if (parameters?.migrate_to_chat_id !== undefined)
    return { kind: 'migrated', newChatId: String(parameters.migrate_to_chat_id) };
  if (code === 403) return GONE.test(description) ? gone(description) : forbidden(description);
  if (code === 400 && /chat not found/i.test(description)) return gone(description);
  // A forum topic that was deleted, closed, or belongs to a group that is no longer a forum.
  if (code === 400 && TOPIC_GONE.test(description)) return gone(description);
  return { kind: 'failed', detail: `${code} ${description}` };
}

/** The reason of a known refusal, for the reader's language; the description stays for the logs. */
const reasons: [RegExp, PostRefusal][] = [
  [/TOPIC_CLOSED/i, 'topicClosed'],
  [/message thread not found|TOPIC_DELETED|TOPIC_ID_INVALID/i, 'topicGone'],
  [/need administrator rights|CHAT_ADMIN_REQUIRED/i, 'botNeedsAdmin'],
  [/not enough rights|CHAT_WRITE_FORBIDDEN/i, 'botLacksRights'],
];
const reasonOf = (description: string): { why?: PostRefusal } => {
  const why = reasons.find(([pattern]) => pattern.test(description))?.[1];
  return why ? { why } : {};
};
const gone = (detail: string): SendFailure => ({ kind: 'gone', detail, ...reasonOf(detail) });
const forbidden = (detail: string): SendFailure => ({ kind: 'forbidden', detail, ...reasonOf(detail) });
