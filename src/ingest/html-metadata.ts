import { jsonLd, ldArticle, ldString as str, ldTypes, type LdObject } from './json-ld.js';
import type { MetaDocument } from './meta-dom.js';
import { pageDate } from './page-date.js';
import { hostName, siteName } from './site-name.js';

export { hostName };
export type { MetaDocument };

export interface PageMetadata {
  title?: string;
  published?: string;
  publisher?: string;
  url?: string;
  lang?: string;
  description?: string;
  /** What the page says it is: og:type ("article", "website", "video.other"). */
  ogType?: string;
  /** Every JSON-LD @type on the page ("NewsArticle", "OpinionNewsArticle", "VideoObject"). */
  ldTypes?: string[];
  /** The section the page files the story under ("Opinion", "Africa"). */
  section?: string;
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

function absoluteHttp(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "Story title | Site Name" -> "Story title", when the tail is the site's name. */
function stripSiteSuffix(title: string, site: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1) ?? '';
  if (site && last.toLowerCase() === site.toLowerCase()) return parts.slice(0, -1).join(' - ');
  return parts[0] && parts[0].length >= 15 ? parts.slice(0, -1).join(' - ') : title;
}

/**
 * Title, date, publisher, canonical URL and language from meta tags, JSON-LD,
 * `<time>` and the title element; `pageUrl` resolves relative canonical links.
 */
export function readMetadata(doc: MetaDocument, pageUrl?: string): PageMetadata {
  const objects = jsonLd(doc);
  const ld: LdObject | undefined = ldArticle(objects);
  const out: PageMetadata = {};

  const url =
    absoluteHttp(clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')), pageUrl) ??
    absoluteHttp(meta(doc, 'og:url'), pageUrl) ??
    absoluteHttp(str(ld?.['url']), pageUrl) ??
    absoluteHttp(pageUrl);
  if (url) out.url = url;

  const rawTitle =
    meta(doc, 'og:title', 'twitter:title') ??
    str(ld?.['headline']) ??
    clean(doc.querySelector('h1')?.textContent) ??
    clean(doc.querySelector('title')?.textContent);

  const publisher = siteName(doc, ld, url, rawTitle);
  if (publisher) out.publisher = publisher;
  if (rawTitle) out.title = stripSiteSuffix(rawTitle, out.publisher);

  const published = pageDate(doc, ld, url);
  if (published) out.published = published;

  const lang = clean(doc.documentElement?.getAttribute('lang'))?.split(/[_\s]/)[0];
  if (lang && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang)) out.lang = lang;

  const description = meta(doc, 'og:description', 'description', 'twitter:description');
  if (description) out.description = description;

  const ogType = meta(doc, 'og:type');
  if (ogType) out.ogType = ogType.toLowerCase();
  out.ldTypes = objects.flatMap(ldTypes);
  const section = meta(doc, 'article:section') ?? str(ld?.['articleSection']);
  if (section) out.section = section;
  return out;
}
