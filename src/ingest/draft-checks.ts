import type { Ingested } from './ingest.js';

/**
 * The mistakes editors have to repair in a draft, found mechanically, so that
 * `npm run ingest:eval` can count them per page and over the set of fixture pages.
 */
export const ERROR_CLASSES = {
  'no-date': 'no publication date found',
  'publisher-is-host': 'publisher is a host name, not the site name',
  caption: 'a photo caption or credit in the summary or facts',
  'unbalanced-quotes': 'a quotation split or left with unbalanced quote marks',
  'fact-repeats-summary': 'a fact repeats a summary sentence',
  'fact-without-figure': 'a fact without a number or a date',
  'fact-cut-off': 'a fact cut off with "…"',
  'stale-phrase': 'a sentence that goes stale out of context ("later on Friday")',
  'first-person': 'first person in the summary (an opinion piece?)',
  'bare-link-title': 'a source titled with a bare link text',
} as const;

export type ErrorClass = keyof typeof ERROR_CLASSES;

const CAPTION =
  /\b(?:photo(?:graph)?|picture|image|credit|illustration)\s*(?:by|:)|\b(?:getty images|ap photo|afp via|reuters\/|shutterstock|epa-efe)\b/i;
const FIGURE =
  /\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b/i;
const STALE =
  /\b(?:yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening|week|month|year)|last (?:night|week|month)|next (?:week|month)|(?:later|earlier) (?:on|this|today)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;
const FIRST_PERSON = /(?:^|[\s"“])(?:I|I'm|I've|my|we|we're|our|us)\b/;

function unbalanced(text: string): boolean {
  const curlyOpen = (text.match(/“/g) ?? []).length;
  const curlyClose = (text.match(/”/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  return curlyOpen !== curlyClose || straight % 2 === 1;
}

/** Each error class the draft shows, with how many times. */
export function checkDraft(result: Ingested): Map<ErrorClass, number> {
  const found = new Map<ErrorClass, number>();
  const add = (kind: ErrorClass, n = 1) => n > 0 && found.set(kind, (found.get(kind) ?? 0) + n);
  const { article, summary, facts } = result;
  const texts = [summary, ...facts];
  if (!article.published) add('no-date');
  if (!article.publisher || /^(?:www\.)?[\w-]+(?:\.[\w-]+)+$/i.test(article.publisher)) add('publisher-is-host');
  add('caption', texts.filter((t) => CAPTION.test(t)).length);
  add('unbalanced-quotes', texts.filter(unbalanced).length);
  add('fact-repeats-summary', facts.filter((f) => summary.includes(f.replace(/…$/, ''))).length);
  add('fact-without-figure', facts.filter((f) => !FIGURE.test(f) && !/^FILL IN/.test(f)).length);
  add('fact-cut-off', facts.filter((f) => /(?:…|\.\.\.)$/.test(f)).length);
  const staleFlagged = result.draft.todo.some((t) => /stale|out of context/i.test(t));
  if (!staleFlagged) add('stale-phrase', texts.filter((t) => STALE.test(t)).length);
  const opinionFlagged = result.draft.todo.some((t) => /opinion/i.test(t));
  if (!opinionFlagged && FIRST_PERSON.test(summary.replace(/“[^”]*”|"[^"]*"/g, ''))) add('first-person');
  add(
    'bare-link-title',
    article.links.filter((l) => l.title.split(/\s+/).length <= 2 && /^[a-z]/.test(l.title)).length,
  );
  return found;
}
