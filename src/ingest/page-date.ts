import { parseDate } from './dates.js';
import { ldString, type LdObject } from './json-ld.js';
import type { MetaDocument, MetaElement } from './meta-dom.js';

const META_KEYS = [
  'article:published_time',
  'article:publicationdate',
  'datePublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date',
  'DC.date.issued',
  'sailthru.date',
  'parsely-pub-date',
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "/2015/03/18/" or the Guardian's "/2019/jan/03/" in an article's address. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const path = new URL(url).pathname;
  const numeric = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  if (numeric) return parseDate(`${numeric[1]}-${numeric[2]?.padStart(2, '0')}-${numeric[3]?.padStart(2, '0')}`);
  const named = /\/((?:19|20)\d{2})\/([a-z]{3})\/(\d{1,2})(?:\/|$)/i.exec(path);
  const month = named ? MONTHS.indexOf((named[2] ?? '').toLowerCase()) + 1 : 0;
  if (named && month > 0)
    return parseDate(`${named[1]}-${String(month).padStart(2, '0')}-${named[3]?.padStart(2, '0')}`);
  return undefined;
}

/** A date in the masthead, navigation, footer or a promo is today's or a teaser's, not the story's. */
function inStory(el: MetaElement): boolean {
  if (el.closest('nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"]')) return false;
  return !el.closest('header') || Boolean(el.closest('article, main'));
}

/** Bylines and datelines: "Published 3:46 PM, March 11, 2015", `<span class="datestamp">`. */
const BYLINE =
  '[class*="date"], [class*="byline"], [class*="published"], [class*="timestamp"], [itemprop="datePublished"], [id*="date"]';

const attrs = (el: MetaElement): (string | null)[] => [
  el.getAttribute('datetime'),
  el.getAttribute('content'),
  el.getAttribute('title'),
  el.textContent && el.textContent.length <= 200 ? el.textContent : null,
];

/**
 * The story's publication date: meta tags, JSON-LD, `<time>`, then a byline
 * or dateline in the text, then the date in its address. YYYY-MM-DD or undefined.
 */
export function pageDate(doc: MetaDocument, ld: LdObject | undefined, url: string | undefined): string | undefined {
  const meta = META_KEYS.flatMap((key) => [
    doc.querySelector(`meta[property="${key}"]`)?.getAttribute('content'),
    doc.querySelector(`meta[name="${key}"]`)?.getAttribute('content'),
    doc.querySelector(`meta[itemprop="${key}"]`)?.getAttribute('content'),
  ]);
  const times = [...doc.querySelectorAll('time')].filter(inStory);
  const bylines = [...doc.querySelectorAll(BYLINE)].filter(inStory);
  // Microdata of the story itself, not of a video embedded in it.
  const storyItem = doc.querySelector('[itemtype*="Article"] [itemprop="datePublished"]');
  const candidates = [
    storyItem?.getAttribute('content'),
    storyItem?.getAttribute('datetime'),
    ...meta,
    ldString(ld?.['datePublished']),
    doc.querySelector('time[pubdate]')?.getAttribute('datetime'),
    ...times.flatMap(attrs),
    ...bylines.flatMap(attrs),
  ];
  for (const candidate of candidates) {
    const date = candidate ? parseDate(candidate.replace(/\s+/g, ' ')) : undefined;
    if (date) return date;
  }
  return dateFromUrl(url);
}
