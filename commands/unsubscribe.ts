import { defineCommand } from '../src/core/command.js';
import { translator } from '../src/core/i18n/index.js';
import { toKey } from '../src/core/normalize.js';
import { shown } from './topic-choice.js';

export default defineCommand({
  name: 'unsubscribe',
  description: 'Stop following a topic in this chat.',
  options: [
    { name: 'topic', description: 'A topic this chat follows (see /subscriptions)', type: 'string', required: true },
  ],
  moderatorInGroups: true,
  examples: () => ['/unsubscribe xinjiang'],
  async run({ args, invocation, services, language }) {
    const t = translator(language);
    const typed = String(args.topic);
    const key = toKey(typed);
    const store = services.subscriptions;
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    if (await store.unsubscribe(chat, key))
      return { kind: 'text', tone: 'info', text: t('unsubscribe.done', { topic: key }) };
    const topics = (await store.subscriptionsOf(chat)).map((s) => s.topic);
    const follows =
      topics.length > 0 ? t('unsubscribe.follows', { topics: topics.join(', ') }) : t('unsubscribe.followsNone');
    return {
      kind: 'text',
      tone: 'error',
      code: 'not_subscribed',
      text: `${t('unsubscribe.notFollowed', { topic: shown(typed) })} ${follows}`,
    };
  },
});
