import { defineCommand } from '../src/core/command.js';
import { translator, type Translate } from '../src/core/i18n/index.js';
import type { Reply } from '../src/core/types.js';
import type { PostResult } from '../src/core/services.js';
import { briefQueryOption, topicExamples } from './examples.js';
import { shown } from './topic-choice.js';

const text = (tone: 'info' | 'error', message: string, code?: string): Reply =>
  code === undefined ? { kind: 'text', tone, text: message } : { kind: 'text', tone, text: message, code };

/** `here`, `in @news`, `in <#123>` (a channel link on Discord); bare ids are not worth showing. */
function placeName(target: string | undefined, current: string, t: Translate): string {
  if (target === undefined || target === current) return t('post.here');
  return /^-?\d+$/.test(target) ? t('post.inThatChannel') : t('post.inPlace', { place: shown(target, 40) });
}

function outcomeText(result: PostResult, title: string, where: string, t: Translate): Reply {
  if (result.ok) return text('info', t('post.posted', { title: shown(title, 100), where }));
  const why = result.ok ? undefined : result.why;
  const detail = why ? t(`post.why${why[0]!.toUpperCase()}${why.slice(1)}`) : shown(result.detail, 200);
  switch (result.outcome) {
    case 'forbidden':
      if (result.userForbidden) return text('error', t('post.userForbidden', { where, detail }), 'post_not_allowed');
      return text('error', t('post.forbidden', { where, detail }), 'post_forbidden');
    case 'gone':
      return text('error', t('post.gone', { where }), 'post_unreachable');
    case 'unavailable':
      return text('error', t('post.unavailable'), 'post_unavailable');
    case 'failed':
      return text('error', t('post.failed', { where }), 'post_failed');
  }
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
  ],
  moderatorOnly: true,
  contexts: 'groups',
  examples: (library) => topicExamples(library, 2).map((t) => `/post ${t}`),
  async run({ args, library, invocation, services, language }) {
    const query = String(args.topic);
    const found = library.lookup(query);
    if (found.kind === 'miss') return { kind: 'notFound', query, suggestions: found.suggestions };
    const version = library.versionOf(found.brief.slug) ?? '';
    const target = args.channel === undefined ? undefined : String(args.channel);
    const result = await services.publisher.post({
      user: invocation.user,
      from: invocation.chat,
      ...(target === undefined ? {} : { target }),
      brief: found.brief,
      version,
      related: found.related,
    });
    const t = translator(language);
    return outcomeText(result, found.brief.title, placeName(target, invocation.chat.id, t), t);
  },
});
