import { defineCommand } from '../src/core/command.js';
import { styleText } from './subscribe.js';

export default defineCommand({
  name: 'subscriptions',
  description: 'List the topics this chat follows.',
  options: [],
  examples: () => ['/subscriptions'],
  async run({ invocation, services }) {
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    const subscriptions = await services.subscriptions.subscriptionsOf(chat);
    if (subscriptions.length === 0)
      return { kind: 'text', tone: 'info', text: 'This chat follows no topics. Add one with /subscribe <topic>.' };
    const lines = subscriptions.map((s) => {
      const notes = [
        ...(s.format === 'full' && s.linkPreviews ? [] : [styleText(s)]),
        ...(s.active ? [] : [`paused: I could not post here; /subscribe ${s.topic} resumes it`]),
      ];
      return notes.length > 0 ? `  • ${s.topic} (${notes.join('; ')})` : `  • ${s.topic}`;
    });
    const n = subscriptions.length;
    return {
      kind: 'text',
      tone: 'info',
      text: [
        `This chat follows ${n} topic${n === 1 ? '' : 's'}:`,
        ...lines,
        '',
        'New and updated briefs on them are posted here.',
      ].join('\n'),
    };
  },
});
