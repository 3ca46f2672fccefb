import { parseDate } from './dates.js';

/** The few DOM members metadata reading needs; linkedom's documents provide them. */
export interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): Iterable<MetaElement>;
  documentElement: MetaElement | null;
}
interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  closest(selector: string): MetaElement | null;
}

export interface PageMetadata {
  title?: string;
  published?: string;
  publisher?: string;
  url?: string;
  lang?: string;
  description?: string;
}

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

function meta(doc: MetaDocument, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = clean(
      doc.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ??
        doc.querySelector(`meta[name="${key}"]`)?.getAttribute('content') ??
        doc.querySelector(`meta[itemprop="${key}"]`)?.getAttribute('content'),
    );
    if (value) return value;
  }
  return undefined;
}

/** Every object in the page's JSON-LD blocks, `@graph` members included; bad JSON is skipped. */
function jsonLd(doc: MetaDocument): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources still count.
    }
  }
  return out;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle/;

function ldArticle(doc: MetaDocument): Record<string, unknown> | undefined {
  const objects = jsonLd(doc);
  return (
    objects.find((o) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) ??
    objects.find((o) => typeof o['datePublished'] === 'string')
  );
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? clean(v) : undefined);

function ldPublisher(article: Record<string, unknown> | undefined): string | undefined {
  const p = article?.['publisher'];
  const first = Array.isArray(p) ? p[0] : p;
  if (typeof first === 'string') return clean(first);
  if (first && typeof first === 'object') return str((first as Record<string, unknown>)['name']);
  return undefined;
}

function absoluteHttp(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `www.hrw.org` -> `hrw.org` */
export const hostName = (url: string): string => new URL(url).hostname.replace(/^www\d*\./, '');

/** "Story title | Site Name" -> "Story title", when the tail is the site's name. */
function stripSiteSuffix(title: string, site: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1) ?? '';
  if (site && last.toLowerCase() === site.toLowerCase()) return parts.slice(0, -1).join(' - ');
  return parts[0] && parts[0].length >= 15 ? parts.slice(0, -1).join(' - ') : title;
}

/** A `<time>` in the masthead, navigation or footer is today's date or a teaser's, not the story's. */
function inStory(time: MetaElement): boolean {
  if (time.closest('nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"]')) return false;
  return !time.closest('header') || Boolean(time.closest('article, main'));
}

/**
 * Title, date, publisher, canonical URL and language from meta tags, JSON-LD,
 * `<time>` and the title element; `pageUrl` resolves relative canonical links.
 */
export function readMetadata(doc: MetaDocument, pageUrl?: string): PageMetadata {
  const ld = ldArticle(doc);
  const out: PageMetadata = {};

  const url =
    absoluteHttp(clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')), pageUrl) ??
    absoluteHttp(meta(doc, 'og:url'), pageUrl) ??
    absoluteHttp(str(ld?.['url']), pageUrl) ??
    absoluteHttp(pageUrl);
  if (url) out.url = url;

  const publisher =
    meta(doc, 'og:site_name', 'application-name') ?? ldPublisher(ld) ?? (url ? hostName(url) : undefined);
  if (publisher) out.publisher = publisher;

  const title =
    meta(doc, 'og:title', 'twitter:title') ??
    str(ld?.['headline']) ??
    clean(doc.querySelector('h1')?.textContent) ??
    clean(doc.querySelector('title')?.textContent);
  if (title) out.title = stripSiteSuffix(title, out.publisher);

  const times = [...doc.querySelectorAll('time')].filter(inStory);
  const dateCandidates = [
    meta(
      doc,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'DC.date.issued',
      'sailthru.date',
      'parsely-pub-date',
    ),
    str(ld?.['datePublished']),
    clean(doc.querySelector('time[pubdate]')?.getAttribute('datetime')),
    ...times.map((t) => clean(t.getAttribute('datetime'))),
    ...times.map((t) => clean(t.textContent)),
  ];
  for (const candidate of dateCandidates) {
    const date = candidate ? parseDate(candidate) : undefined;
    if (date) {
      out.published = date;
      break;
    }
  }

  const lang = clean(doc.documentElement?.getAttribute('lang'))?.split(/[_\s]/)[0];
  if (lang && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang)) out.lang = lang;

  const description = meta(doc, 'og:description', 'description', 'twitter:description');
  if (description) out.description = description;
  return out;
}
