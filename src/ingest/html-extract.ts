import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from './article.js';
import { isBoilerplate } from './boilerplate.js';
import { removePageChrome } from './html-clean.js';
import { assertShallow, assertShallowMarkup } from './html-depth.js';
import { hostName, readMetadata } from './html-metadata.js';
import { linkCandidates } from './link-candidates.js';

/** The DOM members extraction uses; linkedom's elements provide them. */
interface DomElement {
  textContent: string | null;
  tagName?: string;
  parentElement: DomElement | null;
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

/**
 * An HTML page: metadata from the whole page, then the story through Readability
 * on linkedom, with page chrome removed first and captions, promos and link lists
 * left out of the paragraphs.
 */
export function extractHtml(html: string, pageUrl?: string): Article {
  assertShallowMarkup(html);
  const { document } = parseHTML(html);
  assertShallow(document.documentElement as never);
  const metadata = readMetadata(document as never, pageUrl);
  const ownHosts = siteHosts(document as never, metadata.url);
  removePageChrome(document as never);

  const parsed = new Readability<DomElement>(document as never, {
    serializer: (node) => node as unknown as DomElement,
    charThreshold: 200,
  }).parse();

  const article: Article = { paragraphs: [], links: [] };
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
    if (block.closest('figure, figcaption, table, nav, aside')) continue;
    const text = squash(block.textContent);
    if (text.length < 2 || isBoilerplate(text) || linkDensity(block, text) > 0.5) continue;
    kept.push(block);
    article.paragraphs.push(text);
  }

  const anchors = kept.flatMap((block) =>
    [...block.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href') ?? '',
      text: squash(a.textContent),
    })),
  );
  article.links = linkCandidates(anchors, article.url, ownHosts);
  return article;
}
