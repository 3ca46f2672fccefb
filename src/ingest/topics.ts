import { toKey } from '../core/normalize.js';
import type { Sentence } from './sentences.js';

const MAX_SUGGESTED = 3;

/**
 * Topic keys suggested from the names the article mentions most (title names
 * count double); the editor confirms or replaces them.
 */
export function suggestTopics(sentences: readonly Sentence[], titleNames: readonly string[] = []): string[] {
  const counts = new Map<string, number>();
  const bump = (name: string, by: number) => {
    const key = toKey(name);
    if (key.length >= 2 && key.length <= 50) counts.set(key, (counts.get(key) ?? 0) + by);
  };
  for (const s of sentences) for (const name of s.names) bump(name, 1);
  for (const name of titleNames) bump(name, 2);
  return [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_SUGGESTED)
    .map(([key]) => key);
}
