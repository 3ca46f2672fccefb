import type { Ingested } from './ingest.js';

/**
 * The mistakes editors have to repair in a draft, found mechanically, so that
 * `npm run ingest:eval` can count them per page and over the set of fixture
 * pages. The rules here are written apart from the ones that make the draft,
 * so that the count can disagree with them.
 */
export const ERROR_CLASSES = {
  'no-date': 'no publication date found',
  'wrong-date': 'a date other than the one the page gives',
  'publisher-is-host': 'publisher is a host name, not the site name',
  'wrong-publisher': 'a publisher other than the site the page names',
  caption: 'a photo caption or credit in the summary or facts',
  'unbalanced-quotes': 'a quotation split or left with unbalanced quote marks',
  'fact-repeats-summary': 'a fact repeats a summary sentence',
  'fact-without-figure': 'a fact without a number or a date',
  'fact-cut-off': 'a fact cut off with "…"',
  'stale-phrase': 'a sentence that goes stale out of context ("later on Friday"), not flagged',
  'first-person': 'first person in the summary, the piece not flagged as opinion',
  'opinion-missed': 'an opinion piece not flagged as one (or a news story flagged)',
  'bare-link-title': 'a source titled with a bare link text, not flagged',
  'not-an-article': 'a page that is not an article drafted anyway (or an article refused)',
} as const;

export type ErrorClass = keyof typeof ERROR_CLASSES;

/** What an editor reading the page by hand found on it (the fixture's expected.json). */
export interface PageTruth {
  publisher: string;
  /** YYYY-MM-DD, or null when the page carries no date. */
  published: string | null;
  opinion: boolean;
  article: boolean;
}

const CAPTION =
  /\b(?:photo(?:graph)?|picture|image|credit|illustration)\s*(?:by|:)|\b(?:getty images|ap photo|afp via|reuters\/|shutterstock|epa-efe)\b|^(?:clockwise from|pictured|in this (?:photo|image|file photo))/i;
const FIGURE =
  /\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|one|two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?|millions?|billions?|dozens?)\b/i;
const STALE =
  /\b(?:yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening|week|month|year)|last (?:night|week|month)|next (?:week|month)|(?:later|earlier|late|early) (?:on |this |today)|(?:on|late|early|last|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;
const FIRST_PERSON = /(?:^|[\s"“])(?:I|I'm|I’m|I've|my|we|we're|our|us)\b/;

function unbalanced(text: string): boolean {
  const n = (re: RegExp) => (text.match(re) ?? []).length;
  return n(/“/g) !== n(/”/g) || n(/«/g) !== n(/»/g) || n(/"/g) % 2 === 1;
}

/** "the Guardian", "The Guardian", "HeraldSun" and "Herald Sun" name the same site. */
export const sameName = (a: string, b: string): boolean => {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}]/gu, '');
  return key(a) === key(b);
};

/** Each error class the draft shows, with how many times; `truth` adds the checks against the page. */
export function checkDraft(result: Ingested, truth?: PageTruth): Map<ErrorClass, number> {
  const found = new Map<ErrorClass, number>();
  const add = (kind: ErrorClass, n = 1) => n > 0 && found.set(kind, (found.get(kind) ?? 0) + n);
  const { article, summary, facts } = result;
  const todo = result.draft.todo;
  const texts = [summary, ...facts];
  if (!article.published) add('no-date');
  else if (truth?.published && article.published !== truth.published) add('wrong-date');
  if (!article.publisher || /^(?:www\.)?[\w-]+(?:\.[\w-]+)+$/i.test(article.publisher)) add('publisher-is-host');
  else if (truth && !sameName(article.publisher, truth.publisher)) add('wrong-publisher');
  add('caption', texts.filter((t) => CAPTION.test(t)).length);
  add('unbalanced-quotes', texts.filter(unbalanced).length);
  add('fact-repeats-summary', facts.filter((f) => summary.includes(f.replace(/…$/, ''))).length);
  add('fact-without-figure', facts.filter((f) => !FIGURE.test(f) && !/^FILL IN/.test(f)).length);
  add('fact-cut-off', facts.filter((f) => /(?:…|\.\.\.)$/.test(f)).length);
  const staleLines = todo.filter((line) => /stale|out of context/i.test(line)).map((l) => l.toLowerCase());
  const stale = texts.flatMap((t) => [...t.matchAll(new RegExp(STALE.source, 'gi'))].map((m) => m[0].toLowerCase()));
  add('stale-phrase', stale.filter((phrase) => !staleLines.some((line) => line.includes(phrase))).length);
  const opinionFlagged = todo.some((t) => /opinion piece/i.test(t));
  if (!opinionFlagged && FIRST_PERSON.test(summary.replace(/“[^”]*”|"[^"]*"/g, ''))) add('first-person');
  if (truth && truth.opinion !== opinionFlagged) add('opinion-missed');
  if (truth && !truth.article) add('not-an-article');
  const bare = article.links.filter(
    (l) => l.title.replace(/^[“"]|[”"]$/g, '').split(/\s+/).length <= 2 && /^[“"]?[a-z]/.test(l.title),
  );
  add('bare-link-title', bare.filter((l) => !todo.some((t) => t.includes(`"${l.title.slice(0, 39)}`))).length);
  return found;
}

/** The errors of a page the tool refused: none, unless the page is an article after all. */
export function checkRefusal(truth: PageTruth | undefined): Map<ErrorClass, number> {
  return new Map(truth?.article ? [['not-an-article', 1]] : []);
}
