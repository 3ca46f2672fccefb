import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, LinkCandidate } from './article.js';
import { isBoilerplate } from './boilerplate.js';
import { IngestError } from './errors.js';
import { removePageChrome } from './html-clean.js';
import { hostName, readMetadata } from './html-metadata.js';
import { linkCandidates } from './link-candidates.js';

interface Node {
  textContent: string | null;
  tagName?: string;
  parentElement: Node | null;
  querySelectorAll(selector: string): Iterable<Node> & ArrayLike<Node>;
  getAttribute(name: string): string | null;
  closest(selector: string): Node | null;
}

const BLOCKS = 'p, li, blockquote, dd, pre';

/** Browsers stop nesting at 512 levels; deeper markup is broken, and Readability's recursion would overflow. */
export const MAX_DEPTH = 512;

interface TreeNode {
  children: ArrayLike<TreeNode>;
}

function depthOf(root: TreeNode): number {
  let max = 0;
  const stack: [TreeNode, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > max) max = depth;
    // linkedom builds `children` afresh on each access: read it once.
    for (const child of Array.from(node.children)) stack.push([child, depth + 1]);
  }
  return max;
}
const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Paragraph-level blocks that contain no other such block, so no text is read twice. */
function leafBlocks(root: Node): Node[] {
  return [...root.querySelectorAll(BLOCKS)].filter((el) => el.querySelectorAll(BLOCKS).length === 0);
}

/** Share of a block's text that sits inside links: promos and link lists are mostly links. */
function linkDensity(el: Node, text: string): number {
  const linked = [...el.querySelectorAll('a')].reduce((n, a) => n + squash(a.textContent).length, 0);
  return text.length === 0 ? 1 : linked / text.length;
}

/** The page's own hosts: its canonical URL's and those its navigation links to. */
function siteHosts(doc: Node, url: string | undefined): Set<string> {
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
  const { document } = parseHTML(html);
  if (document.documentElement && depthOf(document.documentElement as never) > MAX_DEPTH) {
    throw new IngestError(`the markup is nested more than ${MAX_DEPTH} levels deep; the HTML is broken`);
  }
  const metadata = readMetadata(document as never, pageUrl);
  const ownHosts = siteHosts(document as never, metadata.url);
  removePageChrome(document as never);

  const parsed = new Readability<Node>(document as never, {
    serializer: (node) => node as unknown as Node,
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

  const kept: Node[] = [];
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
  article.links = linkCandidates(anchors, article.url, ownHosts) satisfies LinkCandidate[];
  return article;
}
