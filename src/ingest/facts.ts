import { LIMITS } from '../content/schema.js';
import { isBoilerplate } from './boilerplate.js';
import type { Sentence } from './sentences.js';

export const FACTS_MAX = 8;

/** Cuts a long sentence at a word boundary so it fits the content schema's limit. */
export function clip(text: string, max: number = LIMITS.fact): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * Key facts: sentences carrying numbers, amounts or percentages first, then
 * those carrying only dates or durations; at most eight, in source order.
 * Questions state nothing, so they are never facts.
 */
export function pickFacts(sentences: readonly Sentence[], max: number = FACTS_MAX): string[] {
  const usable = sentences.filter(
    (s) => (s.numeric || s.dated) && !isBoilerplate(s.text) && s.text.length >= 20 && !/\?["”’']?$/.test(s.text),
  );
  const ranked = [...usable.filter((s) => s.numeric), ...usable.filter((s) => !s.numeric)].slice(0, max);
  const chosen = new Set(ranked);
  return usable.filter((s) => chosen.has(s)).map((s) => clip(s.text));
}
