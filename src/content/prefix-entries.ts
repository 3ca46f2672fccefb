import type { Brief } from './brief.js';
import type { SortedKeys } from './sorted-keys.js';
import { topicDocId } from './search-index.js';
import { fastNormalize as normalize } from './tokenize.js';

/** What autocomplete matches by prefix: the slug, the title and the topic keys of a brief. */
export function* prefixEntries(brief: Brief): Generator<[string, string]> {
  const id = `b:${brief.slug}`;
  yield [normalize(brief.slug), id];
  yield [normalize(brief.title), id];
  for (const topic of brief.topics) yield [normalize(topic), topicDocId(topic)];
}

/**
 * Moves the autocomplete keys from one version of a brief to the next, touching only the keys
 * that differ: each touch of a key is a move in a sorted array of millions at a large store.
 */
export function movePrefixEntries(from: Brief | undefined, to: Brief | undefined, keys: SortedKeys): void {
  const entriesOf = (brief: Brief | undefined) =>
    new Map(brief ? [...prefixEntries(brief)].map((e): [string, [string, string]] => [`${e[0]}\u0000${e[1]}`, e]) : []);
  const before = entriesOf(from);
  const after = entriesOf(to);
  for (const [id, [key, target]] of before) if (!after.has(id)) keys.delete(key, target);
  for (const [id, [key, target]] of after) if (!before.has(id)) keys.add(key, target);
}
