import { ldPublisher, type LdObject } from './json-ld.js';
import type { MetaDocument } from './meta-dom.js';

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

const metaContent = (doc: MetaDocument, key: string): string | undefined =>
  clean(
    doc.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ??
      doc.querySelector(`meta[name="${key}"]`)?.getAttribute('content'),
  );

/** `www.hrw.org` -> `hrw.org` */
export const hostName = (url: string): string => new URL(url).hostname.replace(/^www\d*\./, '');

export const isHostName = (name: string): boolean => /^(?:www\.)?[\w-]+(?:\.[\w-]+)+$/i.test(name);

/** "the Guardian" -> "The Guardian", "Le Monde.fr" -> "Le Monde", "Salon.com" -> "Salon". */
export function tidySiteName(name: string): string {
  let t = name.trim();
  if (/\p{Lu}/u.test(t)) t = t.replace(/\.(?:com|net|org|fr|de|es|it|co\.uk|com\.au|ie|ca|in)$/i, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * Whether a name could be the site at `host`: "The New York Times" for
 * nytimes.com, "BBC News" for bbc.com. The host's main label must be spelt by
 * the name's words in order, each contributing a prefix or nothing.
 */
export function nameFitsHost(name: string, host: string): boolean {
  const labels = host.toLowerCase().split('.');
  const label = labels.length > 2 && /^(co|com|org|net)$/.test(labels.at(-2) ?? '') ? labels.at(-3) : labels.at(-2);
  const words = name
    .toLowerCase()
    .replace(/\.[a-z.]+$/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!label || label.length < 2 || words.length === 0) return false;
  const spell = (rest: string, w: number): boolean => {
    if (rest === '') return true;
    if (w >= words.length) return false;
    const word = words[w] ?? '';
    for (let n = Math.min(word.length, rest.length); n >= 1; n--) {
      if (rest.startsWith(word.slice(0, n)) && spell(rest.slice(n), w + 1)) return true;
    }
    return spell(rest, w + 1);
  };
  return spell(label, 0);
}

/** "Story - The New York Times" -> "The New York Times", when the tail names the site at `host`. */
function titleSuffix(doc: MetaDocument, host: string | undefined): string | undefined {
  const title = clean(doc.querySelector('title')?.textContent);
  const tail = title?.split(/\s+[|–—-]\s+/).at(-1);
  if (!title || !tail || tail === title || !host) return undefined;
  return nameFitsHost(tail, host) ? tail : undefined;
}

/** `<span itemprop="publisher"><meta itemprop="name" content="X">` and the like. */
function microdataPublisher(doc: MetaDocument): string | undefined {
  for (const el of doc.querySelectorAll(
    '[itemprop~="publisher"] [itemprop="name"], [itemprop~="sourceOrganization"] [itemprop="name"]',
  )) {
    const name = clean(el.getAttribute('content') ?? el.textContent);
    if (name && name.length <= 80) return name.replace(/\s+(?:Company|Inc\.?|Ltd\.?|LLC)$/i, '');
  }
  return undefined;
}

/**
 * The publisher's name as the site gives it: og:site_name, JSON-LD
 * publisher.name, application-name (unless it is only the story's title),
 * microdata, the site's name at the end of the title; the host name last.
 */
export function siteName(
  doc: MetaDocument,
  ld: LdObject | undefined,
  url: string | undefined,
  storyTitle: string | undefined,
): string | undefined {
  const host = url ? hostName(url) : undefined;
  const application = metaContent(doc, 'application-name');
  const candidates = [
    metaContent(doc, 'og:site_name'),
    ldPublisher(ld),
    application && storyTitle && application.toLowerCase().includes(storyTitle.toLowerCase()) ? undefined : application,
    microdataPublisher(doc),
    titleSuffix(doc, host),
  ];
  const found = candidates.map((c) => c && tidySiteName(c)).find((c) => c && c.length <= 80 && !isHostName(c));
  return found ?? host;
}
