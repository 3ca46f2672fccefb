import { defineCommand } from '../src/core/command.js';
import { translator, type Translate } from '../src/core/i18n/index.js';
import type { Platform, Reply } from '../src/core/types.js';
import type { PostResult } from '../src/core/services.js';
import { briefQueryOption, topicExamples } from './examples.js';
import { notAnnouncementText, placeName, publishNoteText, refusalText, targetRefusal, text } from './target-text.js';
import { shown } from './topic-choice.js';

function outcomeText(result: PostResult, title: string, where: string, platform: Platform, t: Translate): Reply {
  if (!result.ok) return refusalText(result, where, platform, t);
  const posted = t('post.posted', { title: shown(title, 100), where });
  // The post stands; the moderator learns what did not happen after it.
  const notes = (result.notes ?? []).map((note) => ` ${t('post.unpublished', { problem: publishNoteText(note, t) })}`);
  return text('info', posted + notes.join(''));
}

export default defineCommand({
  name: 'post',
  description: 'Publish a brief for everyone: in this chat, or in a channel you name.',
  options: [
    briefQueryOption,
    {
      name: 'channel',
      description: 'Where to post instead of here, e.g. #news or @newschannel',
      type: 'channel',
      required: false,
    },
    {
      name: 'publish',
      description: 'In an announcement channel: also publish to the servers that follow it',
      type: 'string',
      required: false,
      choices: ['true', 'false'],
    },
  ],
  moderatorOnly: true,
  contexts: 'groups',
  examples: (library) => topicExamples(library, 2).map((t) => `/post ${t}`),
  async run({ args, library, invocation, services, language }) {
    const t = translator(language);
    const query = String(args.topic);
    const found = library.lookup(query);
    if (found.kind === 'miss') return { kind: 'notFound', query, suggestions: found.suggestions };
    const version = library.versionOf(found.brief.slug) ?? '';
    const target = args.channel === undefined ? undefined : String(args.channel);
    const where = placeName(target, invocation.chat.id, t);
    const publish = args.publish === 'true';
    const request = { user: invocation.user, from: invocation.chat, ...(target === undefined ? {} : { target }) };
    if (publish) {
      const info = await services.publisher.inspect?.(request);
      if (info && !info.ok)
        return refusalText(targetRefusal(info, target ?? invocation.chat.id), where, invocation.chat.platform, t);
      if (info?.kind !== 'announcement') return notAnnouncementText(target, invocation.chat.id, t);
    }
    const result = await services.publisher.post({
      ...request,
      brief: found.brief,
      version,
      related: found.related,
      ...(publish ? { publish } : {}),
    });
    return outcomeText(result, found.brief.title, where, invocation.chat.platform, t);
  },
});
