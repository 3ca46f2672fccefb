import type { Translate } from '../src/core/i18n/index.js';
import type { PostResult } from '../src/core/services.js';
import type { Platform, PublishNote, Reply, TargetInfo } from '../src/core/types.js';
import { shown } from './topic-choice.js';

export const text = (tone: 'info' | 'error', message: string, code?: string): Reply =>
  code === undefined ? { kind: 'text', tone, text: message } : { kind: 'text', tone, text: message, code };

/** `here`, `in @news`, `in <#123>` (a channel link on Discord); bare ids are not worth showing. */
export function placeName(target: string | undefined, current: string, t: Translate): string {
  if (target === undefined || target === current) return t('post.here');
  return /^-?\d+$/.test(target) ? t('post.inThatChannel') : t('post.inPlace', { place: shown(target, 40) });
}

type Failure = Extract<PostResult, { ok: false }>;

/** A `why` code as its catalogue key: `topicClosed` is `post.whyTopicClosed`. */
const whyKey = (why: string): string => `post.why${why[0]!.toUpperCase()}${why.slice(1)}`;

/** What went wrong, in the reader's language; the platform's own words only as a quote. */
function reasonText(result: Failure, platform: Platform, t: Translate): string {
  if (result.why) return t(whyKey(result.why));
  if (result.missing && result.missing.length > 0) {
    const names = result.missing.map((p) => t(`permission.${p}`));
    return t('post.missing', { count: names.length, permissions: names.join(', ') });
  }
  // Platform names are brand names: the same in every language.
  const name = platform[0]!.toUpperCase() + platform.slice(1);
  return t('post.platformRefused', { platform: name, detail: shown(result.detail, 200) });
}

/** Why the bot cannot post (or subscribe) somewhere, for the moderator who asked. */
export function refusalText(result: Failure, where: string, platform: Platform, t: Translate): Reply {
  switch (result.outcome) {
    case 'forbidden': {
      const detail = reasonText(result, platform, t);
      if (result.userForbidden) return text('error', t('post.userForbidden', { where, detail }), 'post_not_allowed');
      if (result.advice) {
        const advice = t(`post.advice${result.advice[0]!.toUpperCase()}${result.advice.slice(1)}`);
        return text('error', t('post.refusedWithAdvice', { where, detail, advice }), 'post_refused');
      }
      return text('error', t('post.forbidden', { where, detail }), 'post_forbidden');
    }
    case 'gone':
      if (result.why)
        return text('error', t('post.goneBecause', { where, detail: t(whyKey(result.why)) }), 'post_unreachable');
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
  if (info.reason === 'failed') return { ok: false, outcome: 'failed', targetChatId, detail: info.detail };
  return {
    ok: false,
    outcome: info.reason,
    targetChatId,
    detail: info.detail,
    ...(info.why ? { why: info.why } : {}),
    ...(info.reason === 'forbidden' && info.user ? { userForbidden: true as const } : {}),
    ...(info.reason === 'forbidden' && info.missing ? { missing: info.missing } : {}),
    ...(info.reason === 'forbidden' && info.advice ? { advice: info.advice } : {}),
  };
}

/** Why a post was not published to following servers, in the reader's language. */
export function publishNoteText(note: PublishNote, t: Translate): string {
  switch (note.problem) {
    case 'hourlyLimit':
      return t('publish.hourlyLimit', { perHour: note.perHour });
    case 'noPermission':
      return t('publish.noPermission');
    case 'notAnnouncement':
      return t('publish.notAnnouncement');
    case 'refused':
      return t('publish.refused', { detail: shown(note.detail, 200) });
  }
}

/** Publishing needs an announcement channel. */
export function notAnnouncementText(target: string | undefined, current: string, t: Translate): Reply {
  const here = target === undefined || target === current;
  const channel = here ? t('post.here') : /^-?\d+$/.test(target) ? t('post.thatChannel') : shown(target, 40);
  return text('error', t('post.notAnnouncement', { channel }), 'publish_needs_announcement');
}
