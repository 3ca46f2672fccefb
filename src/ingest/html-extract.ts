import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, PageHints } from './article.js';
import { isBoilerplate } from './boilerplate.js';
import { altWordSets, isCaptionText, repeatsAltText } from './captions.js';
import { removePageChrome } from './html-clean.js';
import { assertShallow, assertShallowMarkup } from './html-depth.js';
import { hostName, readMetadata } from './html-metadata.js';
import { linkCandidates, linkKey } from './link-candidates.js';
import { pageTitles } from './link-titles.js';

/** The DOM members extraction uses; linkedom's elements provide them. */
interface DomElement {
  textContent: string | null;
  tagName?: string;
  parentElement: DomElement | null;
  previousElementSibling?: DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
}

const BLOCKS = 'p, li, blockquote, dd, pre';
const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Paragraph-level blocks that contain no other such block, so no text is read twice. */
function leafBlocks(root: DomElement): DomElement[] {
  return [...root.querySelectorAll(BLOCKS)].filter((el) => el.querySelectorAll(BLOCKS).length === 0);
}

/** Share of a block's text that sits inside links: promos and link lists are mostly links. */
function linkDensity(el: DomElement, text: string): number {
  const linked = [...el.querySelectorAll('a')].reduce((n, a) => n + squash(a.textContent).length, 0);
  return text.length === 0 ? 1 : linked / text.length;
}

/** The page's own hosts: its canonical URL's and those its navigation links to. */
function siteHosts(doc: DomElement, url: string | undefined): Set<string> {
  const hosts = new Set<string>();
  if (url) hosts.add(hostName(url));
  const nav = 'nav a[href], header a[href], [role="navigation"] a[href], [role="banner"] a[href]';
  for (const a of doc.querySelectorAll(nav)) {
    const href = a.getAttribute('href') ?? '';
    if (/^https?:\/\//i.test(href) && URL.canParse(href)) hosts.add(hostName(href));
  }
  return hosts;
}

/** Browsers supply a missing `<body>`; the parser does not, and the story would be lost with it. */
function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const afterHead = /<\/head\s*>/i.exec(html);
  if (afterHead)
    return `${html.slice(0, afterHead.index + afterHead[0].length)}<body>${html.slice(afterHead.index + afterHead[0].length)}</body>`;
  return `<body>${html}</body>`;
}

/** A list or unpunctuated line right after a figure is that figure's caption in some sites' markup. */
function followsFigure(block: DomElement): boolean {
  const list = block.closest('ul, ol') ?? block;
  const previous = list.previousElementSibling;
  return Boolean(
    previous &&
    /^figure$/i.test(previous.tagName ?? '') &&
    (list !== block || !/[.!?]["”’]?$/.test(squash(block.textContent))),
  );
}

function pageHints(doc: DomElement, metadata: ReturnType<typeof readMetadata>): PageHints {
  const hints: PageHints = {
    ldTypes: metadata.ldTypes ?? [],
    headlineLinks: doc.querySelectorAll('h1 a[href], h2 a[href], h3 a[href], h4 a[href]').length,
    passwordField: doc.querySelectorAll('input[type="password"]').length > 0,
  };
  if (metadata.ogType) hints.ogType = metadata.ogType;
  if (metadata.section) hints.section = metadata.section;
  const heading =
    squash([...doc.querySelectorAll('title')][0]?.textContent ?? null) ||
    squash([...doc.querySelectorAll('h1')][0]?.textContent ?? null);
  if (heading) hints.heading = heading;
  return hints;
}

/**
 * An HTML page: metadata from the whole page, then the story through Readability
 * on linkedom, with page chrome removed first and captions, promos and link lists
 * left out of the paragraphs.
 */
export function extractHtml(html: string, pageUrl?: string): Article {
  assertShallowMarkup(html);
  const { document } = parseHTML(withBody(html));
  assertShallow(document.documentElement as never);
  const metadata = readMetadata(document as never, pageUrl);
  const ownHosts = siteHosts(document as never, metadata.url);
  const root = document as unknown as DomElement;
  const hints = pageHints(root, metadata);
  const titles = pageTitles(
    [...root.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href') ?? '',
      text: squash(a.textContent),
      title: a.getAttribute('title'),
    })),
    (href) => linkKey(href, metadata.url),
  );
  const alts = altWordSets([...root.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt') ?? ''));
  removePageChrome(document as never);

  const parsed = new Readability<DomElement>(document as never, {
    serializer: (node) => node as unknown as DomElement,
    charThreshold: 200,
  }).parse();

  const article: Article = { paragraphs: [], links: [], hints };
  const title = metadata.title ?? squash(parsed?.title ?? null);
  if (title) article.title = title;
  if (metadata.published) article.published = metadata.published;
  const publisher = metadata.publisher ?? squash(parsed?.siteName ?? null);
  if (publisher) article.publisher = publisher;
  if (metadata.url) article.url = metadata.url;
  const lang = metadata.lang ?? parsed?.lang ?? undefined;
  if (lang) article.lang = lang;
  if (metadata.description) article.standfirst = metadata.description;

  const content = parsed?.content;
  if (!content) return article;

  const kept: DomElement[] = [];
  for (const block of leafBlocks(content)) {
    if (block.closest('figure, figcaption, table, nav, aside') || followsFigure(block)) continue;
    const text = squash(block.textContent);
    if (text.length < 2 || isBoilerplate(text) || linkDensity(block, text) > 0.5) continue;
    if (isCaptionText(text) || repeatsAltText(text, alts)) continue;
    kept.push(block);
    article.paragraphs.push(text);
  }

  const anchors = kept.flatMap((block) =>
    [...block.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href') ?? '',
      text: squash(a.textContent),
    })),
  );
  article.links = linkCandidates(anchors, article.url, ownHosts, titles);
  return article;
}
