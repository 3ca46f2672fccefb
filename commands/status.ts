import { defineCommand } from '../src/core/command.js';
import { formatContentError, type ContentError } from '../src/content/parse.js';
import { contentRelative, relativeToContent } from '../src/content/relative-paths.js';
import { translator, type Translate } from '../src/core/i18n/index.js';
import type { AdapterNote, DatabaseHealth } from '../src/core/services.js';
import { publishNoteText } from './target-text.js';
import { shown } from './topic-choice.js';

const ERRORS_SHOWN = 5;

/** `2026-11-27 05:30 UTC`: one zone for everyone reading the chat. */
export const utc = (date: Date): string => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export default defineCommand({
  name: 'status',
  description: 'How the bot is doing: briefs loaded, content errors, subscriptions here, platforms.',
  options: [],
  moderatorOnly: true,
  examples: () => ['/status'],
  async run({ invocation, services, language }) {
    const t = translator(language);
    const status = services.status;
    const store = services.subscriptions;
    const content = status.content();
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };

    const drafts = t('status.draftCount', { count: content.drafts });
    const lines = [
      content.drafts > 0
        ? t('status.briefsAndDrafts', { count: content.briefs, drafts })
        : t('status.briefs', { count: content.briefs }),
    ];
    const when = content.lastReload ? utc(content.lastReload) : t('status.notYet');
    // File names and problems are the operators' business; a moderator of their own private chat is anyone.
    const operator = services.operators.isOperator(invocation.user, invocation.chat);
    const errors = content.errors;
    if (!operator) lines.push(t('status.lastReload', { when }));
    else if (errors.length === 0) lines.push(t('status.noErrors', { when }));
    else {
      lines.push(t('status.errors', { when, count: errors.length }));
      for (const e of errors.slice(0, ERRORS_SHOWN)) lines.push(`  • ${shown(inFolder(e, content.dir), 200)}`);
      if (errors.length > ERRORS_SHOWN)
        lines.push(`  ${t('status.moreErrors', { count: errors.length - ERRORS_SHOWN })}`);
    }

    try {
      const subscriptions = await store.subscriptionsOf(chat);
      const topics = subscriptions.map((s) => (s.active ? s.topic : t('status.pausedTopic', { topic: s.topic })));
      lines.push(topics.length > 0 ? t('status.follows', { topics: topics.join(', ') }) : t('status.followsNone'));
      const waiting = await store.countPending([chat.platform], chat);
      if (waiting > 0) lines.push(t('status.waiting', { count: waiting }));
    } catch {
      // The rest of the status still helps; the database line below says what is wrong.
      lines.push(t('status.followsUnknown'));
    }

    if (operator) lines.push(databaseLine(status.database(), t));
    const adapters = status.adapters();
    lines.push(t('status.platforms'));
    if (adapters.length === 0) lines.push(`  • ${t('status.noPlatforms')}`);
    for (const a of adapters) {
      const state = a.up ? t('status.up') : t('status.down');
      lines.push(`  • ${a.platform}: ${state}${a.since ? ` ${t('status.since', { when: utc(a.since) })}` : ''}`);
      for (const note of a.notes ?? []) lines.push(`    – ${adapterNoteText(note, t)}`);
    }
    const { id, leader } = await status.instance();
    const role = leader === id ? t('status.leader') : t('status.sentBy', { leader: leader ?? t('status.noLeader') });
    lines.push(t('status.instance', { id, role }));
    return { kind: 'text', tone: 'info', text: lines.join('\n') };
  },
});

function databaseLine(db: DatabaseHealth, t: Translate): string {
  if (db.ok) return t('status.databaseWorking');
  const since = db.since ? ` ${t('status.since', { when: utc(db.since) })}` : '';
  const error = shown(db.lastError ?? t('status.unknownError'), 200);
  return t('status.databaseFailing', { since, count: db.failures, error });
}

function adapterNoteText(note: AdapterNote, t: Translate): string {
  if (note.kind === 'unpublished')
    return t('status.unpublished', { channel: note.channelId, count: note.count, perHour: note.perHour });
  return t('status.publishFailed', { channel: note.channelId, problem: publishNoteText(note.problem, t) });
}

/** A content error with every path relative to the content folder. */
function inFolder(error: ContentError, dir: string): string {
  const file = contentRelative(error.file, dir);
  return formatContentError({ ...error, file, message: relativeToContent(error.message, dir) });
}
