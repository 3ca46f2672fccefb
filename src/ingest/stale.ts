const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

/**
 * Words that date a sentence to the day it was written: "later on Friday",
 * "this week", "yesterday", "on Tuesday". Read a month later, they mislead.
 */
const STALE = new RegExp(
  [
    '\\b(?:yesterday|today|tomorrow|tonight|overnight)\\b',
    '\\b(?:this|last|next) (?:morning|afternoon|evening|night|week|weekend|month|year)\\b',
    `\\b(?:later|earlier|late|early) (?:on )?(?:${WEEKDAY}|today|this (?:morning|afternoon|evening|week))\\b`,
    `\\b(?:on|by|until|since|from|last|next|this) ${WEEKDAY}\\b`,
    `\\b${WEEKDAY} (?:morning|afternoon|evening|night)\\b`,
    '\\b(?:a week|a month|(?:two|three|a few) days) ago\\b',
    '\\b(?:in )?recent (?:days|weeks|months)\\b',
    '\\b(?:in |over )?the (?:past|last) (?:few )?(?:days|weeks)\\b',
  ].join('|'),
  'i',
);

export interface StalePhrase {
  phrases: string[];
  sentence: string;
}

/** Each text that holds phrases that go stale out of context, with the phrases. */
export function stalePhrases(texts: readonly string[]): StalePhrase[] {
  const found: StalePhrase[] = [];
  for (const sentence of texts) {
    const phrases = [...sentence.matchAll(new RegExp(STALE.source, 'gi'))].map((m) => m[0]);
    if (phrases.length > 0) found.push({ phrases, sentence });
  }
  return found;
}
