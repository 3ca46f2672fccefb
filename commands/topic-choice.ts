import { distance } from 'fastest-levenshtein';
import type { Library } from '../src/content/library.js';
import type { Translate } from '../src/core/i18n/index.js';
import { toKey } from '../src/core/normalize.js';

export type TopicChoice = { known: true; key: string } | { known: false; key: string; suggestions: string[] };

const SUGGESTIONS = 3;

/** Normalises what the user typed to a topic key, with close topics when there is no such topic. */
export function chooseTopic(library: Library, typed: string): TopicChoice {
  const key = toKey(typed);
  if (library.hasTopic(key)) return { known: true, key };
  if (!key) return { known: false, key, suggestions: [] };
  const suggestions = new Set<string>();
  // A brief's slug or title names its topics.
  const found = library.lookup(typed);
  if (found.kind === 'found' && (found.via === 'slug' || found.via === 'title'))
    for (const t of found.brief.topics) suggestions.add(t);
  const budget = Math.max(2, Math.floor(key.length / 4));
  library
    .topics()
    .map((t) => ({ topic: t.topic, d: distance(t.topic, key) }))
    .filter((t) => t.d <= budget)
    .sort((a, b) => a.d - b.d)
    .forEach((t) => suggestions.add(t.topic));
  if (suggestions.size === 0) for (const ref of library.suggest(typed, SUGGESTIONS)) suggestions.add(ref.topic);
  return { known: false, key, suggestions: [...suggestions].slice(0, SUGGESTIONS) };
}

/** Quotes user text in a reply, short. */
export const shown = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export function unknownTopicText(typed: string, suggestions: readonly string[], t: Translate): string {
  const hint = suggestions.length > 0 ? [t('subscribe.didYouMean', { topics: suggestions.join(', ') })] : [];
  return [t('subscribe.unknownTopic', { topic: shown(typed) }), ...hint, t('subscribe.seeTopics')].join(' ');
}
