import { defineCommand } from '../src/core/command.js';
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
  async run({ args, invocation, services }) {
    const typed = String(args.topic);
    const key = toKey(typed);
    const store = services.subscriptions;
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    if (await store.unsubscribe(chat, key))
      return { kind: 'text', tone: 'info', text: `This chat no longer follows ${key}.` };
    const topics = (await store.subscriptionsOf(chat)).map((s) => s.topic);
    const follows = topics.length > 0 ? `It follows: ${topics.join(', ')}.` : 'It follows no topics.';
    return {
      kind: 'text',
      tone: 'error',
      code: 'not_subscribed',
      text: `This chat does not follow "${shown(typed)}". ${follows}`,
    };
  },
});
