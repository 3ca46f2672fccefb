import { defineCommand } from '../src/core/command.js';
import { translator, type Translate } from '../src/core/i18n/index.js';
import { BRIEF_FORMATS, DEFAULT_STYLE, type BriefFormat, type DeliveryStyle } from '../src/core/types.js';
import { canonicalLanguage } from '../src/shared/language.js';
import { topicExamples } from './examples.js';
import { notAnnouncementText, placeName, refusalText, targetRefusal, text } from './target-text.js';
import { chooseTopic, unknownTopicText } from './topic-choice.js';

/** Enough for any newsroom; a cap keeps one chat from filling the store. */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 50;

/** `compact, no link previews, published`: how /subscribe and /subscriptions name a style. */
export const styleText = (style: DeliveryStyle, t: Translate): string =>
  [
    style.format,
    ...(style.linkPreviews ? [] : [t('subscribe.noPreviews')]),
    ...(style.publish ? [t('subscribe.published')] : []),
  ].join(', ');

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
    {
      name: 'channel',
      description: 'A channel, forum or thread to follow the topic instead of this one',
      type: 'channel',
      required: false,
    },
    {
      name: 'publish',
      description: 'In an announcement channel: publish each update to the servers that follow it',
      type: 'string',
      required: false,
      choices: ['true', 'false'],
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
    const target = args.channel === undefined ? invocation.chat.id : String(args.channel);
    const elsewhere = target !== invocation.chat.id;
    const where = placeName(target, invocation.chat.id, t);
    if (elsewhere || args.publish === 'true') {
      // Another channel must exist, take the bot, and be one the moderator may post in.
      const request = { user: invocation.user, from: invocation.chat, target };
      const info = (await services.publisher.inspect?.(request)) ?? { ok: true, kind: 'unknown' };
      if (!info.ok) return refusalText(targetRefusal(info, target), where, invocation.chat.platform, t);
      // A chat the platform cannot vouch for (it has no way to check one) is not subscribed from afar.
      if (elsewhere && info.kind === 'unknown') return text('error', t('subscribe.hereOnly'), 'subscribe_here_only');
      if (args.publish === 'true' && info.kind !== 'announcement')
        return notAnnouncementText(target, invocation.chat.id, t);
    }
    const store = services.subscriptions;
    const chat = { platform: invocation.chat.platform, chatId: target };
    const current = await store.subscriptionsOf(chat);
    const existing = current.find((s) => s.topic === choice.key);
    if (!existing && current.length >= MAX_SUBSCRIPTIONS_PER_CHAT)
      return {
        kind: 'text',
        tone: 'error',
        code: 'too_many_subscriptions',
        text: t(elsewhere ? 'subscribe.tooManyThere' : 'subscribe.tooMany', { count: MAX_SUBSCRIPTIONS_PER_CHAT }),
      };
    // What the caller leaves out stays as it was.
    const before = existing ?? DEFAULT_STYLE;
    const publish = args.publish === undefined ? before.publish === true : args.publish === 'true';
    const style: DeliveryStyle = {
      format: (args.format as BriefFormat | undefined) ?? before.format,
      linkPreviews: args.previews === undefined ? before.linkPreviews : args.previews === 'on',
      ...(publish ? { publish: true } : {}),
    };
    const outcome = await store.subscribe(chat, choice.key, invocation.user.id, style);
    // A private chat has one reader: deliveries there speak their language unless /language chose one.
    const readerLanguage = canonicalLanguage(invocation.user.locale);
    if (invocation.chat.kind === 'private' && !elsewhere && readerLanguage)
      await store.setReaderLanguage(chat, readerLanguage);
    const how = style.format === 'full' && style.linkPreviews && !style.publish ? '' : ` (${styleText(style, t)})`;
    const key = `subscribe.${outcome}${elsewhere ? 'There' : ''}`;
    return { kind: 'text', tone: 'info', text: t(key, { topic: choice.key, how, style: styleText(style, t) }) };
  },
});
