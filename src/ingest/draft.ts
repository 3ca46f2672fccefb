import { Document, isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import { LIMITS } from '../content/schema.js';
import { parseBriefFile } from '../content/parse.js';
import type { Article, Attribution } from './article.js';
import { IngestError } from './errors.js';
import { PLACEHOLDER } from './placeholders.js';

export interface DraftInput {
  article: Article;
  slug: string;
  summary: string;
  facts: string[];
  attributions: Attribution[];
  topics: { keys: string[]; suggested: boolean };
  /** What the editor must know about the text (opinion piece, stale phrases). */
  warnings?: string[];
  /** Where the text came from, for the note at the top of the draft. */
  origin: string;
  today: string;
}

export interface Draft {
  slug: string;
  /** The whole file: YAML front matter between `---` lines. */
  text: string;
  /** What the editor must still do, one plain line each. */
  todo: string[];
}

const short = (s: string, max = 110): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
/** One line of printable text: the content schema refuses control characters. */
const oneLine = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Keeps a value within a schema limit, cutting at a word boundary. */
function fit(value: string, max: number): string {
  const v = oneLine(value);
  if (v.length <= max) return v;
  const cut = v.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function annotate(doc: Document, key: string, comment: string): void {
  const node = doc.get(key, true);
  if (isNode(node)) (node as Node).comment = ` ${comment}`;
}

/**
 * Builds the draft file: front matter the content store accepts, `draft: true`,
 * placeholders where the page gave nothing (each marked FILL IN), and a note
 * listing sources named without links. Refuses to return anything that does not
 * validate as a draft.
 */
export function buildDraft(input: DraftInput): Draft {
  const { article } = input;
  const todo: string[] = [];
  const sources = article.links
    .map((l) => ({
      title: fit(l.title, LIMITS.sourceTitle),
      publisher: fit(l.publisher, LIMITS.publisher),
      url: l.url,
    }))
    .filter((s) => s.title && s.publisher && s.url.length <= LIMITS.url)
    .slice(0, LIMITS.sources);

  const title = fit(article.title ?? '', LIMITS.title) || PLACEHOLDER.title;
  const publisher = fit(article.publisher ?? '', LIMITS.publisher) || PLACEHOLDER.publisher;
  const url = article.url && article.url.length <= LIMITS.url ? article.url : PLACEHOLDER.url;
  const published = article.published ?? PLACEHOLDER.published;
  const found = input.facts.map((f) => fit(f, LIMITS.fact)).filter(Boolean);
  const facts = found.length > 0 ? found.slice(0, LIMITS.facts) : [PLACEHOLDER.fact];
  const topics = input.topics.keys.length > 0 ? input.topics.keys : [PLACEHOLDER.topic];

  const front = {
    draft: true,
    title,
    topics,
    published,
    lang: article.lang ?? 'en',
    publisher,
    url,
    summary: fit(input.summary, LIMITS.summary),
    facts,
    sources,
  };
  const doc = new Document(front);
  const notes = [
    ` Draft made by npm run ingest from ${oneLine(input.origin)} on ${input.today}.`,
    ' The summary and facts are sentences copied from the article: reword them before publishing.',
    ' Delete the line "draft: true" to publish.',
  ];

  if (title === PLACEHOLDER.title) {
    annotate(doc, 'title', 'FILL IN');
    todo.push('title: no title found on the page');
  }
  if (input.topics.keys.length === 0) {
    annotate(doc, 'topics', 'FILL IN');
    todo.push('topics: none given and none found; add the keys readers will type (--topics a,b)');
  } else if (input.topics.suggested) {
    annotate(doc, 'topics', 'suggested from the names in the text: check them');
    todo.push(`topics: suggested from the text (${topics.join(', ')}); confirm or replace them`);
  }
  if (published === PLACEHOLDER.published) {
    annotate(doc, 'published', 'FILL IN: no date on the page');
    todo.push(`published: no date found on the page; ${PLACEHOLDER.published} is a placeholder`);
  }
  if (publisher === PLACEHOLDER.publisher) {
    annotate(doc, 'publisher', 'FILL IN');
    todo.push('publisher: not found on the page');
  }
  if (url === PLACEHOLDER.url) {
    annotate(doc, 'url', 'FILL IN: the original article');
    todo.push("url: the article's address is not in the input; replace the placeholder (or pass --url)");
  }
  if (facts[0] === PLACEHOLDER.fact) {
    annotate(doc, 'facts', 'FILL IN');
    todo.push('facts: no sentence with a number or date found; write at least one');
  }
  if (input.attributions.length > 0) {
    const named = input.attributions.filter((a) => a.name);
    const lost = input.attributions.filter((a) => !a.name);
    const lines = [' Named in the text without a link; add each to sources with its URL:'];
    for (const a of named) lines.push(`   - ${a.name}: "${short(oneLine(a.sentence))}"`);
    for (const a of lost) lines.push(`   - (name missing in the text): "${short(oneLine(a.sentence))}"`);
    const sourcesPair = isMap(doc.contents)
      ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'sources')
      : undefined;
    if (sourcesPair && isScalar(sourcesPair.key)) sourcesPair.key.commentBefore = lines.join('\n');
    if (named.length > 0)
      todo.push(`sources: add links for ${named.map((a) => a.name).join(', ')} (named in the text)`);
    for (const a of lost)
      todo.push(`sources: a sentence cites a source whose name is missing: "${short(oneLine(a.sentence), 90)}"`);
  }
  const bare = article.links.filter((l) => l.bareTitle && sources.some((s) => s.url === l.url));
  if (bare.length > 0) {
    todo.push(
      `sources: ${bare.map((l) => `"${short(l.title, 40)}"`).join(', ')} ${bare.length === 1 ? 'is' : 'are'} only link text; replace with the linked page's title`,
    );
  }
  todo.push(...(input.warnings ?? []));
  todo.push('summary and facts: copied from the article; reword them in your own words');
  todo.push('publish: delete the line "draft: true" when the brief is ready');

  doc.commentBefore = notes.join('\n');
  const topicsNode = doc.get('topics', true);
  if (isSeq(topicsNode)) topicsNode.flow = true;
  const sourcesNode = doc.get('sources', true);
  if (isSeq(sourcesNode) && sourcesNode.items.length === 0) sourcesNode.flow = true;
  const text = `---\n${doc.toString({ lineWidth: 100, minContentWidth: 40 })}---\n`;

  const file = `${input.slug}.md`;
  const check = parseBriefFile(file, text);
  if (!check.ok) {
    const first = check.errors[0];
    throw new IngestError(
      `the draft would not validate (${first ? `${first.path}: ${first.message}` : 'unknown problem'}); nothing was written`,
    );
  }
  return { slug: input.slug, text, todo };
}
