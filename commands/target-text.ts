import type { PostResult } from '../src/core/services.js';
import type { Reply, TargetInfo } from '../src/core/types.js';
import { shown } from './topic-choice.js';

export const text = (tone: 'info' | 'error', message: string, code?: string): Reply =>
  code === undefined ? { kind: 'text', tone, text: message } : { kind: 'text', tone, text: message, code };

/** `here`, `in @news`, `in <#123>` (a channel link on Discord); bare ids are not worth showing. */
export function placeName(target: string | undefined, current: string): string {
  if (target === undefined || target === current) return 'here';
  return /^-?\d+$/.test(target) ? 'in that channel' : `in ${shown(target, 40)}`;
}

type Failure = Extract<PostResult, { ok: false }>;

/** Why the bot cannot post (or subscribe) somewhere, for the moderator who asked. */
export function refusalText(result: Failure, where: string): Reply {
  switch (result.outcome) {
    case 'forbidden':
      if (result.userForbidden)
        return text('error', `You cannot post ${where}: ${shown(result.detail, 200)}.`, 'post_not_allowed');
      if (result.advice)
        return text(
          'error',
          `I could not post ${where}: ${shown(result.detail, 200)}. ${result.advice}`,
          'post_refused',
        );
      return text(
        'error',
        `I could not post ${where}: ${shown(result.detail, 200)}. Ask an admin to give me that permission there, then try again.`,
        'post_forbidden',
      );
    case 'gone':
      return text(
        'error',
        `I could not post ${where}: it does not exist or I am not a member there (channels need me as an administrator).`,
        'post_unreachable',
      );
    case 'unavailable':
      return text('error', 'Posting is not available right now. Please try again in a moment.', 'post_unavailable');
    case 'failed':
      return text('error', `Posting ${where} failed for now. Please try again in a moment.`, 'post_failed');
  }
}

/** A target check that failed, as the refusal of a post there. */
export function targetRefusal(info: Extract<TargetInfo, { ok: false }>, targetChatId: string): Failure {
  if (info.reason === 'migrated')
    return { ok: false, outcome: 'failed', targetChatId, detail: `the chat moved to ${info.newChatId}` };
  return {
    ok: false,
    outcome: info.reason,
    targetChatId,
    detail: info.detail,
    ...(info.reason === 'forbidden' && info.user ? { userForbidden: true as const } : {}),
    ...(info.reason === 'forbidden' && info.advice ? { advice: info.advice } : {}),
  };
}

/** Publishing needs an announcement channel. */
export const notAnnouncementText = (where: string): Reply =>
  text(
    'error',
    `Only announcement channels can publish to following servers, and the channel ${where === 'here' ? 'here' : where.replace(/^in /, '')} is not one. Leave out publish, or pick an announcement channel.`,
    'publish_needs_announcement',
  );
