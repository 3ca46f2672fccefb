import { createHash } from 'node:crypto';
import type { Brief } from '../../content/brief.js';
import { renderBriefSingle } from './render.js';

export const INLINE_RESULTS = 10;
const DESCRIPTION = 200;

/** The summary's first sentence, for the line under each inline result. */
export function firstSentence(text: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/s.exec(text.trim())?.[0] ?? text.trim();
  return sentence.length > DESCRIPTION ? `${sentence.slice(0, DESCRIPTION - 1)}…` : sentence;
}

const resultId = (slug: string): string =>
  Buffer.byteLength(slug) <= 64 ? slug : createHash('sha256').update(slug).digest('base64url').slice(0, 43);

/** InlineQueryResultArticle for each brief: picking one posts the brief as HTML. */
export function inlineResults(briefs: readonly Brief[]) {
  return briefs.slice(0, INLINE_RESULTS).map((brief) => {
    const message = renderBriefSingle(brief);
    return {
      type: 'article' as const,
      id: resultId(brief.slug),
      title: brief.title,
      description: firstSentence(brief.summary),
      input_message_content: {
        message_text: message.text,
        parse_mode: 'HTML' as const,
        link_preview_options: message.link_preview_options,
      },
    };
  });
}
