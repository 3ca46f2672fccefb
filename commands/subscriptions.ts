import { defineCommand } from '../src/core/command.js';
import type { SubscriptionView } from '../src/core/services.js';
import type { Reply } from '../src/core/types.js';
import { styleText } from './subscribe.js';

function line(s: SubscriptionView, indent = '  '): string {
  const notes = [
    ...(s.format === 'full' && s.linkPreviews && !s.publish ? [] : [styleText(s)]),
    ...(s.active ? [] : [`paused: I could not post here; /subscribe ${s.topic} resumes it`]),
  ];
  return notes.length > 0 ? `${indent}• ${s.topic} (${notes.join('; ')})` : `${indent}• ${s.topic}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** In a forum's General topic: what General and each forum topic follow. */
function forumText(chatId: string, subscriptions: readonly (SubscriptionView & { chatId: string })[]): Reply {
  const byPlace = new Map<string, string[]>();
  for (const s of subscriptions) {
    const place = s.chatId === chatId ? 'General' : `Topic #${s.chatId.slice(chatId.length + 1)}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), line(s, '    ')]);
  }
  const sections = [...byPlace].flatMap(([place, lines]) => [`  ${place}:`, ...lines]);
  return {
    kind: 'text',
    tone: 'info',
    text: [
      `This group follows ${plural(subscriptions.length, 'topic')} in ${plural(byPlace.size, 'place')}:`,
      ...sections,
      '',
      'Each forum topic gets the briefs it follows; type /subscribe inside a topic to add one there.',
    ].join('\n'),
  };
}

export default defineCommand({
  name: 'subscriptions',
  description: 'List the topics this chat follows.',
  options: [],
  examples: () => ['/subscriptions'],
  async run({ invocation, services }) {
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    const none: Reply = {
      kind: 'text',
      tone: 'info',
      text: 'This chat follows no topics. Add one with /subscribe <topic>.',
    };
    if (invocation.chat.forum) {
      const everywhere = await services.subscriptions.subscriptionsWithin(chat);
      return everywhere.length === 0 ? none : forumText(chat.chatId, everywhere);
    }
    const subscriptions = await services.subscriptions.subscriptionsOf(chat);
    if (subscriptions.length === 0) return none;
    const n = subscriptions.length;
    return {
      kind: 'text',
      tone: 'info',
      text: [
        `This chat follows ${plural(n, 'topic')}:`,
        ...subscriptions.map((s) => line(s)),
        '',
        'New and updated briefs on them are posted here.',
      ].join('\n'),
    };
  },
});
