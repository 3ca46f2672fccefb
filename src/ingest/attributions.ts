import type { Attribution } from './article.js';
import type { Sentence } from './sentences.js';

const VERBS = 'reports|reported|writes|wrote|charges|charged|notes|noted';
const NAME_WORD = "(?:[\\p{Lu}][\\p{L}\\p{N}.&'’-]*|of|for|and|on|the)";
const NAME = `(?:The\\s+)?[\\p{Lu}][\\p{L}\\p{N}.&'’-]*(?:\\s+${NAME_WORD})*`;

/** "Reuters reports", "The Diplomat writes", "HRW charges in a new report" */
const NAME_THEN_VERB = new RegExp(`(?:^|[,;(—–]\\s*|\\s)(${NAME})\\s+(?:${VERBS})\\b`, 'gu');
/** "according to Human Rights Watch" */
const ACCORDING_TO = new RegExp(`\\b[Aa]ccording to (?:a (?:new )?report (?:by|from) )?(?:the )?(${NAME})`, 'gu');
/** ", writes, which notes": the name (usually a link) was lost in the scrape. */
const LOST_NAME = /,\s+(?:writes|reports|wrote|reported),/u;

const NOT_NAMES =
  /^(The|A|An|This|That|These|Those|He|She|It|They|We|I|You|His|Her|Its|Their|Our|Last|Earlier|Officials?|Police|Critics|Analysts|Experts|Residents|Some|Many|Most)$/;
const TRAILING = /\s+(?:of|for|and|on|the)$/u;

/** "Human Rights Watch" -> "hrw", so a later "HRW" counts as the same source. */
const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && w === 'The'))
    .map((w) => w[0])
    .join('')
    .toLowerCase();

function cleanName(raw: string): string | undefined {
  let name = raw.trim().replace(/[.'’-]+$/u, '');
  while (TRAILING.test(name)) name = name.replace(TRAILING, '');
  const words = name.split(/\s+/);
  if (words.every((w) => NOT_NAMES.test(w))) return undefined;
  if (words.length === 1 && /^(The|A|An)$/.test(words[0] ?? '')) return undefined;
  return name;
}

/**
 * Sources the text names but does not link: news agencies, reports and
 * outlets introduced with "X reports", "according to X", "X writes". Each name
 * once, with the first sentence that cites it; a sentence whose name was lost
 * ("..., writes, which ...") is listed with an empty name.
 */
export function findAttributions(sentences: readonly Sentence[]): Attribution[] {
  const found = new Map<string, Attribution>();
  const add = (name: string, sentence: string) => {
    const key = name.toLowerCase().replace(/^the\s+/, '');
    if (found.has(key) || found.has(initialsOf(name)) || [...found.values()].some((a) => initialsOf(a.name) === key))
      return;
    found.set(key, { name, sentence });
  };
  for (const { text } of sentences) {
    for (const re of [NAME_THEN_VERB, ACCORDING_TO]) {
      for (const match of text.matchAll(re)) {
        const name = cleanName(match[1] ?? '');
        if (name) add(name, text);
      }
    }
    if (LOST_NAME.test(text)) add('', text);
  }
  return [...found.values()];
}
