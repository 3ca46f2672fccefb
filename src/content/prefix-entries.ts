import type { Brief } from './brief.js';
import { topicDocId } from './search-index.js';
import { fastNormalize as normalize } from './tokenize.js';

/** What autocomplete matches by prefix: the slug, the title and the topic keys of a brief. */
export function* prefixEntries(brief: Brief): Generator<[string, string]> {
  const id = `b:${brief.slug}`;
  yield [normalize(brief.slug), id];
  yield [normalize(brief.title), id];
  for (const topic of brief.topics) yield [normalize(topic), topicDocId(topic)];
}
