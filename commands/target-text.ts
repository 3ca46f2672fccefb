import type { Translate } from '../src/core/i18n/index.js';
import type { PostResult } from '../src/core/services.js';
import type { Reply, TargetInfo } from '../src/core/types.js';
import { shown } from './topic-choice.js';

export const text = (tone: 'info' | 'error', message: string, code?: string): Reply =>
  code === undefined ? { kind: 'text', tone, text: message } : { kind: 'text', tone, text: message, code };

/** `here`, `in @news`, `in <#123>` (a channel link on Discord); bare ids are not worth showing. */
export function placeName(target: string | undefined, current: string, t: Translate): string {
  if (target === undefined || target === current) return t('post.here');
  return /^-?\d+$/.test(target) ? t('post.inThatChannel') : t('post.inPlace', { place: shown(target, 40) });
}

type Failure = Extract<PostResult, { ok: false }>;

/** Why the bot cannot post (or subscribe) somewhere, for the moderator who asked. */
export function refusalText(result: Failure, where: string, t: Translate): Reply {
  const why = result.why;
  const detail = why ? t(`post.why${why[0]!.toUpperCase()}${why.slice(1)}`) : shown(result.detail, 200);
  switch (result.outcome) {
    case 'forbidden':
      if (result.userForbidden) return text('error', t('post.userForbidden', { where, detail }), 'post_not_allowed');
      if (result.advice)
        return text('error', t('post.refusedWithAdvice', { where, detail, advice: result.advice }), 'post_refused');
      return text('error', t('post.forbidden', { where, detail }), 'post_forbidden');
    case 'gone':
      return text('error', t('post.gone', { where }), 'post_unreachable');
    case 'unavailable':
      return text('error', t('post.unavailable'), 'post_unavailable');
    case 'failed':
      return text('error', t('post.failed', { where }), 'post_failed');
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
    ...(info.reason === 'forbidden' && info.why ? { why: info.why } : {}),
    ...(info.reason === 'forbidden' && info.advice ? { advice: info.advice } : {}),
  };
}

/** Publishing needs an announcement channel. */
export function notAnnouncementText(target: string | undefined, current: string, t: Translate): Reply {
  const here = target === undefined || target === current;
  const channel = here ? t('post.here') : /^-?\d+$/.test(target) ? t('post.thatChannel') : shown(target, 40);
  return text('error', t('post.notAnnouncement', { channel }), 'publish_needs_announcement');
}
