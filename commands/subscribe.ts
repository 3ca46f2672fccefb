import { defineCommand } from '../src/core/command.js';
import { topicExamples } from './examples.js';
import { chooseTopic, unknownTopicText } from './topic-choice.js';

/** Enough for any newsroom; a cap keeps one chat from filling the store. */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 50;

export default defineCommand({
  name: 'subscribe',
  description: 'Follow a topic here: new and updated briefs on it are posted in this chat.',
  options: [
    // No autocomplete: it offers briefs, and a brief is not a topic.
    { name: 'topic', description: 'A topic, e.g. xinjiang (see /topics)', type: 'string', required: true },
  ],
  moderatorInGroups: true,
  examples: (library) => topicExamples(library).map((t) => `/subscribe ${t}`),
  async run({ args, library, invocation, services }) {
    const typed = String(args.topic);
    const choice = chooseTopic(library, typed);
    if (!choice.known)
      return { kind: 'text', tone: 'error', code: 'unknown_topic', text: unknownTopicText(typed, choice.suggestions) };
    const store = services.subscriptions;
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    const current = await store.subscriptionsOf(chat);
    if (!current.some((s) => s.topic === choice.key) && current.length >= MAX_SUBSCRIPTIONS_PER_CHAT)
      return {
        kind: 'text',
        tone: 'error',
        code: 'too_many_subscriptions',
        text: `This chat already follows ${MAX_SUBSCRIPTIONS_PER_CHAT} topics, the most it can. Unsubscribe from one first.`,
      };
    const outcome = await store.subscribe(chat, choice.key, invocation.user.id);
    const text = {
      added: `This chat now follows ${choice.key}: new and updated briefs on it will be posted here.`,
      exists: `This chat already follows ${choice.key}; nothing changed.`,
      resumed: `Updates on ${choice.key} are back on for this chat.`,
    }[outcome];
    return { kind: 'text', tone: 'info', text };
  },
});
