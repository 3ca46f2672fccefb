import { defineCommand } from '../src/core/command.js';
import { formatContentError, type ContentError } from '../src/content/parse.js';
import { contentRelative, relativeToContent } from '../src/content/relative-paths.js';
import type { DatabaseHealth } from '../src/core/services.js';
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
  async run({ invocation, services }) {
    const status = services.status;
    const store = services.subscriptions;
    const content = status.content();
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };

    const drafts = content.drafts > 0 ? ` (and ${content.drafts} draft${content.drafts === 1 ? '' : 's'})` : '';
    const lines = [`Briefs loaded: ${content.briefs}${drafts}`];
    const reload = content.lastReload ? utc(content.lastReload) : 'not yet';
    // File names and problems are the operators' business; a moderator of their own private chat is anyone.
    const operator = services.operators.isOperator(invocation.user, invocation.chat);
    const errors = content.errors;
    if (!operator) lines.push(`Last reload: ${reload}`);
    else if (errors.length === 0) lines.push(`Last reload: ${reload}, no content errors`);
    else {
      lines.push(`Last reload: ${reload}, ${errors.length} content error${errors.length === 1 ? '' : 's'}:`);
      for (const e of errors.slice(0, ERRORS_SHOWN)) lines.push(`  • ${shown(inFolder(e, content.dir), 200)}`);
      if (errors.length > ERRORS_SHOWN)
        lines.push(`  …and ${errors.length - ERRORS_SHOWN} more (npm run content:check lists them all)`);
    }

    try {
      const subscriptions = await store.subscriptionsOf(chat);
      const topics = subscriptions.map((s) => (s.active ? s.topic : `${s.topic} (paused)`));
      lines.push(`This chat follows: ${topics.length > 0 ? topics.join(', ') : 'no topics'}`);
      const waiting = await store.countPending([chat.platform], chat);
      if (waiting > 0) lines.push(`Updates waiting to be sent here: ${waiting}`);
    } catch {
      // The rest of the status still helps; the database line below says what is wrong.
      lines.push('This chat follows: unknown (the database cannot be read right now)');
    }

    if (operator) lines.push(databaseLine(status.database()));
    const adapters = status.adapters();
    lines.push('Platforms:');
    if (adapters.length === 0) lines.push('  • none running');
    for (const a of adapters) {
      const state = a.up ? 'up' : 'down';
      lines.push(`  • ${a.platform}: ${state}${a.since ? ` since ${utc(a.since)}` : ''}`);
      for (const note of a.notes ?? []) lines.push(`    – ${shown(note, 300)}`);
    }
    const { id, leader } = await status.instance();
    const role =
      leader === id ? 'the leader: it sends the updates' : `the updates are sent by ${leader ?? 'no leader yet'}`;
    lines.push(`Instance: ${id} (${role})`);
    return { kind: 'text', tone: 'info', text: lines.join('\n') };
  },
});

function databaseLine(db: DatabaseHealth): string {
  if (db.ok) return 'Database: working';
  const since = db.since ? ` since ${utc(db.since)}` : '';
  return `Database: FAILING${since}, ${db.failures} failed call${db.failures === 1 ? '' : 's'}: ${shown(db.lastError ?? 'unknown error', 200)}`;
}

/** A content error with every path relative to the content folder. */
function inFolder(error: ContentError, dir: string): string {
  const file = contentRelative(error.file, dir);
  return formatContentError({ ...error, file, message: relativeToContent(error.message, dir) });
}
