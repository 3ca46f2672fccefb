import { defineCommand } from '../src/core/command.js';
import { formatContentError } from '../src/content/parse.js';
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
    const errors = content.errors;
    if (errors.length === 0) lines.push(`Last reload: ${reload}, no content errors`);
    else {
      lines.push(`Last reload: ${reload}, ${errors.length} content error${errors.length === 1 ? '' : 's'}:`);
      for (const e of errors.slice(0, ERRORS_SHOWN)) lines.push(`  • ${shown(formatContentError(e), 200)}`);
      if (errors.length > ERRORS_SHOWN)
        lines.push(`  …and ${errors.length - ERRORS_SHOWN} more (npm run content:check lists them all)`);
    }

    const subscriptions = await store.subscriptionsOf(chat);
    const topics = subscriptions.map((s) => (s.active ? s.topic : `${s.topic} (paused)`));
    lines.push(`This chat follows: ${topics.length > 0 ? topics.join(', ') : 'no topics'}`);
    const waiting = await store.countPending([chat.platform], chat);
    if (waiting > 0) lines.push(`Updates waiting to be sent here: ${waiting}`);

    const adapters = status.adapters();
    lines.push('Platforms:');
    if (adapters.length === 0) lines.push('  • none running');
    for (const a of adapters) {
      const state = a.up ? 'up' : 'down';
      lines.push(`  • ${a.platform}: ${state}${a.since ? ` since ${utc(a.since)}` : ''}`);
    }
    const { id, leader } = await status.instance();
    const role =
      leader === id ? 'the leader: it sends the updates' : `the updates are sent by ${leader ?? 'no leader yet'}`;
    lines.push(`Instance: ${id} (${role})`);
    return { kind: 'text', tone: 'info', text: lines.join('\n') };
  },
});
