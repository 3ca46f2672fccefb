import { defineCommand } from '../src/core/command.js';
import { translator, type Translate } from '../src/core/i18n/index.js';
import type { SubscriptionView } from '../src/core/services.js';
import type { Reply } from '../src/core/types.js';
import { styleText } from './subscribe.js';

function line(s: SubscriptionView, t: Translate, indent = '  '): string {
  const notes = [
    ...(s.format === 'full' && s.linkPreviews && !s.publish ? [] : [styleText(s, t)]),
    ...(s.active ? [] : [t('subscriptions.paused', { topic: s.topic })]),
  ];
  return notes.length > 0 ? `${indent}• ${s.topic} (${notes.join('; ')})` : `${indent}• ${s.topic}`;
}

/** In a forum's General topic: what General and each forum topic follow. */
function forumText(chatId: string, subscriptions: readonly (SubscriptionView & { chatId: string })[], t: Translate) {
  const byPlace = new Map<string, string[]>();
  for (const s of subscriptions) {
    const place =
      s.chatId === chatId
        ? t('subscriptions.general')
        : t('subscriptions.forumTopic', { id: s.chatId.slice(chatId.length + 1) });
    byPlace.set(place, [...(byPlace.get(place) ?? []), line(s, t, '    ')]);
  }
  const sections = [...byPlace].flatMap(([place, lines]) => [`  ${place}:`, ...lines]);
  const topics = t('subscriptions.topicCount', { count: subscriptions.length });
  const places = t('subscriptions.placeCount', { count: byPlace.size });
  const text = [t('subscriptions.forumHeader', { topics, places }), ...sections, '', t('subscriptions.forumFooter')];
  return { kind: 'text', tone: 'info', text: text.join('\n') } satisfies Reply;
}

export default defineCommand({
  name: 'subscriptions',
  description: 'List the topics this chat follows.',
  options: [],
  examples: () => ['/subscriptions'],
  async run({ invocation, services, language }) {
    const t = translator(language);
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    const none: Reply = { kind: 'text', tone: 'info', text: t('subscriptions.none') };
    if (invocation.chat.forum) {
      const everywhere = await services.subscriptions.subscriptionsWithin(chat);
      return everywhere.length === 0 ? none : forumText(chat.chatId, everywhere, t);
    }
    const subscriptions = await services.subscriptions.subscriptionsOf(chat);
    if (subscriptions.length === 0) return none;
    return {
      kind: 'text',
      tone: 'info',
      text: [
        t('subscriptions.header', { count: subscriptions.length }),
        ...subscriptions.map((s) => line(s, t)),
        '',
        t('subscriptions.footer'),
      ].join('\n'),
    };
  },
});
