import { LIMITS } from '../content/schema.js';
import { isBoilerplate } from './boilerplate.js';
import { isCaptionText } from './captions.js';
import { quotesBalanced } from './quotes.js';
import type { Sentence } from './sentences.js';

export const FACTS_MAX = 8;

/** Cuts a long sentence at a word boundary so it fits the content schema's limit. */
export function clip(text: string, max: number = LIMITS.fact): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** A figure a reader can check: a digit, a number word, a month or a weekday. */
export const HAS_FIGURE =
  /\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b/i;

/** A sentence that can stand as a fact: whole, unquoted or quoted whole, not chrome or a caption. */
export function isFactSentence(s: Sentence): boolean {
  const t = s.text;
  return (
    (s.numeric || s.dated) &&
    HAS_FIGURE.test(t) &&
    t.length >= 40 &&
    t.length <= LIMITS.fact &&
    /[.!]["”’»)]*$/.test(t) &&
    t !== t.toUpperCase() &&
    quotesBalanced(t) &&
    !isBoilerplate(t) &&
    !isCaptionText(t)
  );
}

/**
 * Key facts: sentences carrying numbers, amounts or percentages first, then
 * those carrying only dates or durations; at most eight, in source order.
 * Questions, fragments, split quotations and sentences too long to keep
 * whole are never facts: a fact is never cut off.
 */
export function pickFacts(sentences: readonly Sentence[], max: number = FACTS_MAX): string[] {
  const usable = sentences.filter(isFactSentence);
  const ranked = [...usable.filter((s) => s.numeric), ...usable.filter((s) => !s.numeric)].slice(0, max);
  const chosen = new Set(ranked);
  return usable.filter((s) => chosen.has(s)).map((s) => s.text);
}
