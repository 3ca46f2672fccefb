import type { LinkCandidate } from './article.js';
import { GENERIC_TEXT, isBareLinkText } from './link-titles.js';
import { hostName } from './site-name.js';

/** Links that share or follow rather than cite. */
const NOT_A_SOURCE =
  /^(twitter\.com|x\.com)\/(intent|share|home)|^facebook\.com\/(sharer|share|dialog)|^linkedin\.com\/(share|sharearticle)|^(api\.)?whatsapp\.com|^t\.me\/share|^reddit\.com\/submit|^pinterest\.com\/pin\/create|^(twitter|x|facebook|instagram|linkedin|youtube|tiktok)\.com\/?[^/]*\/?$/i;

/** The address without its fragment and tracking parameters. */
function withoutTracking(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  for (const key of [...copy.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_|cmpid$)/i.test(key)) copy.searchParams.delete(key);
  }
  return copy;
}

/** One key per page: also ignores `www.` and a trailing slash. */
export const canonicalKey = (url: URL): string =>
  `${hostName(url.href)}${url.pathname.replace(/\/+$/, '')}${url.search}`.toLowerCase();

const sameSite = (host: string, pageHost: string): boolean =>
  host === pageHost || host.endsWith(`.${pageHost}`) || pageHost.endsWith(`.${host}`);

/** The address's key for comparing links, or undefined when it is not an http(s) address. */
export function linkKey(href: string, pageUrl: string | undefined): string | undefined {
  try {
    const url = new URL(href.trim(), pageUrl ?? 'https://invalid.invalid/');
    return /^https?:$/.test(url.protocol) ? canonicalKey(withoutTracking(url)) : undefined;
  } catch {
    return undefined;
  }
}

/** The last word of the path, "new-zealand-beached-whales" -> "new zealand beached whales". */
function pathTitle(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '')
    .replace(/\.\w{2,5}$/, '')
    .replace(/[-_+]+/g, ' ')
    .trim();
  return (last || hostName(url.href)).slice(0, 300);
}

function titleFor(text: string, url: URL, pageTitle: string | undefined): { title: string; bare: boolean } {
  if (!isBareLinkText(text)) return { title: text.slice(0, 300), bare: false };
  if (pageTitle) return { title: pageTitle, bare: false };
  const quoted = text.length >= 3 && !GENERIC_TEXT.test(text) ? text : pathTitle(url);
  return { title: quoted.slice(0, 300), bare: true };
}

/**
 * The article's outbound links as source candidates: absolute http(s) links to
 * other sites only (relative links and the page's own host are its navigation),
 * share buttons dropped, each page once, in the order the text cites them. A
 * bare link text ("killed") gives way to the title the page gives the same
 * address elsewhere (`titles`, by `linkKey`), else the candidate is marked bare.
 */
export function linkCandidates(
  anchors: { href: string; text: string }[],
  pageUrl: string | undefined,
  ownHosts: ReadonlySet<string>,
  titles: ReadonlyMap<string, string> = new Map(),
): LinkCandidate[] {
  const seen = new Set<string>();
  const out: LinkCandidate[] = [];
  for (const { href, text } of anchors) {
    if (!/^(https?:)?\/\//i.test(href.trim())) continue;
    let url: URL;
    try {
      url = withoutTracking(new URL(href.trim(), pageUrl ?? 'https://invalid.invalid/'));
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol) || url.href.length > 2000) continue;
    const host = hostName(url.href);
    if (!host.includes('.') || [...ownHosts].some((own) => sameSite(host, own))) continue;
    if (NOT_A_SOURCE.test(`${host}${url.pathname}`)) continue;
    const key = canonicalKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    const { title, bare } = titleFor(text, url, titles.get(key));
    out.push({ title, url: url.href, publisher: host, ...(bare ? { bareTitle: true } : {}) });
  }
  return out;
}
