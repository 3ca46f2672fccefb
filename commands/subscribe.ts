import { defineCommand } from '../src/core/command.js';
import { translator, type Translate } from '../src/core/i18n/index.js';
import { BRIEF_FORMATS, DEFAULT_STYLE, type BriefFormat, type DeliveryStyle } from '../src/core/types.js';
import { canonicalLanguage } from '../src/shared/language.js';
import { topicExamples } from './examples.js';
import { chooseTopic, unknownTopicText } from './topic-choice.js';

/** Enough for any newsroom; a cap keeps one chat from filling the store. */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 50;

/** `compact, no link previews`: how /subscribe and /subscriptions name a style. */
export const styleText = (style: DeliveryStyle, t: Translate): string =>
  style.linkPreviews ? style.format : t('subscribe.noPreviews', { format: style.format });

export default defineCommand({
  name: 'subscribe',
  description: 'Follow a topic here: new and updated briefs on it are posted in this chat.',
  options: [
    // No autocomplete: it offers briefs, and a brief is not a topic.
    { name: 'topic', description: 'A topic, e.g. xinjiang (see /topics)', type: 'string', required: true },
    {
      name: 'format',
      description: 'full (default), compact (summary line and link) or headline (title and link)',
      type: 'string',
      required: false,
      choices: BRIEF_FORMATS,
    },
    {
      name: 'previews',
      description: 'Link previews under each update: on (default) or off',
      type: 'string',
      required: false,
      choices: ['on', 'off'],
    },
  ],
  moderatorInGroups: true,
  examples: (library) => topicExamples(library).map((t, i) => `/subscribe ${t}${i === 1 ? ' compact' : ''}`),
  async run({ args, library, invocation, services, language }) {
    const t = translator(language);
    const typed = String(args.topic);
    const choice = chooseTopic(library, typed);
    if (!choice.known)
      return {
        kind: 'text',
        tone: 'error',
        code: 'unknown_topic',
        text: unknownTopicText(typed, choice.suggestions, t),
      };
    const store = services.subscriptions;
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    const current = await store.subscriptionsOf(chat);
    const existing = current.find((s) => s.topic === choice.key);
    if (!existing && current.length >= MAX_SUBSCRIPTIONS_PER_CHAT)
      return {
        kind: 'text',
        tone: 'error',
        code: 'too_many_subscriptions',
        text: t('subscribe.tooMany', { count: MAX_SUBSCRIPTIONS_PER_CHAT }),
      };
    // What the caller leaves out stays as it was.
    const before = existing ?? DEFAULT_STYLE;
    const style: DeliveryStyle = {
      format: (args.format as BriefFormat | undefined) ?? before.format,
      linkPreviews: args.previews === undefined ? before.linkPreviews : args.previews === 'on',
    };
    const outcome = await store.subscribe(chat, choice.key, invocation.user.id, style);
    // A private chat has one reader: deliveries there speak their language unless /language chose one.
    const readerLanguage = canonicalLanguage(invocation.user.locale);
    if (invocation.chat.kind === 'private' && readerLanguage) await store.setReaderLanguage(chat, readerLanguage);
    const how = style.format === 'full' && style.linkPreviews ? '' : ` (${styleText(style, t)})`;
    const text = t(`subscribe.${outcome}`, { topic: choice.key, how, style: styleText(style, t) });
    return { kind: 'text', tone: 'info', text };
  },
});
