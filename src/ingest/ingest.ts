import { basename, extname } from 'node:path';
import type { Article, Attribution } from './article.js';
import { findAttributions } from './attributions.js';
import { isBoilerplate } from './boilerplate.js';
import { buildDraft, type Draft } from './draft.js';
import { IngestError } from './errors.js';
import { clip, pickFacts } from './facts.js';
import { extractHtml } from './html-extract.js';
import { isOpinionPiece } from './opinion.js';
import { PAGE_KIND_WORDS, pageKind } from './page-kind.js';
import { stalePhrases } from './stale.js';
import type { RawInput } from './read-input.js';
import { splitSentences, type Sentence } from './sentences.js';
import { isSlug, slugFrom } from './slug.js';
import { SUMMARY_MAX, leadSummary, summarize } from './summary.js';
import { extractText } from './text-extract.js';
import { suggestTopics } from './topics.js';
import { toKey } from '../core/normalize.js';
import { LIMITS } from '../content/schema.js';

export interface IngestOptions {
  slug?: string | undefined;
  topics?: string[] | undefined;
  /** The article's address, when the input does not carry it (text scrapes). */
  url?: string | undefined;
  today?: string | undefined;
}

export interface Ingested {
  article: Article;
  sentences: Sentence[];
  summary: string;
  facts: string[];
  draft: Draft;
}

const MIN_BODY_CHARS = 200;

/** The content schema keeps bodies under 100,000 characters; nothing past that reaches a brief. */
function firstParagraphs(paragraphs: string[], budget: number = LIMITS.body): string[] {
  const out: string[] = [];
  let used = 0;
  for (const p of paragraphs) {
    if (used + p.length > budget) break;
    out.push(p);
    used += p.length;
  }
  return out.length > 0 ? out : paragraphs.slice(0, 1).map((p) => p.slice(0, budget));
}

function extract(input: RawInput, url: string | undefined): Article {
  const article = input.kind === 'html' ? extractHtml(input.text, url) : extractText(input.text);
  if (url) article.url = url;
  return article;
}

/** Refuses a page with no story on it, saying what kind of page it looks like instead. */
function requireArticle(sentences: Sentence[], article: Article, name: string): void {
  const prose = sentences.filter((s) => s.text.length >= 40 && !isBoilerplate(s.text));
  const chars = prose.reduce((n, s) => n + s.text.length, 0);
  const kind = pageKind(article, chars);
  if (kind !== 'article') {
    throw new IngestError(`${name}: no article found; this looks like ${PAGE_KIND_WORDS[kind]}. Nothing was written`);
  }
  if (prose.length < 2 || chars < MIN_BODY_CHARS) {
    throw new IngestError(`${name}: no article found (no body text; is this a list of links or a front page?)`);
  }
}

const short = (s: string, max = 90): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** To-do lines about the text itself: an opinion piece, phrases that go stale out of context. */
function textWarnings(article: Article, sentences: Sentence[], summary: string, facts: string[]): string[] {
  const warnings: string[] = [];
  if (isOpinionPiece(article, sentences)) {
    warnings.push("this is an opinion piece: summarise it in the third person, as the writer's view");
  }
  const summarySentences = sentences.map((s) => s.text).filter((t) => summary.includes(t));
  for (const { phrases, sentence } of stalePhrases([...summarySentences, ...facts])) {
    const quoted = phrases.map((p) => `"${p}"`).join(', ');
    warnings.push(`stale out of context: ${quoted} in "${short(sentence)}"; give the date instead`);
  }
  return warnings;
}

function chooseSlug(options: IngestOptions, article: Article, name: string): string {
  if (options.slug !== undefined) {
    if (!isSlug(options.slug))
      throw new IngestError(`--slug "${options.slug}": use lowercase letters, digits and single hyphens`);
    return options.slug;
  }
  const fromName = slugFrom(basename(name, extname(name)));
  return slugFrom(article.title ?? '') || fromName || 'draft';
}

function chooseTopics(
  options: IngestOptions,
  sentences: Sentence[],
  article: Article,
): { keys: string[]; suggested: boolean } {
  if (options.topics && options.topics.length > 0) {
    const keys = [...new Set(options.topics.map(toKey).filter(Boolean))];
    const bad = keys.find((k) => k.length > LIMITS.topic);
    if (bad) throw new IngestError(`--topics: "${bad}" is longer than ${LIMITS.topic} characters`);
    if (keys.length > LIMITS.topics) throw new IngestError(`--topics: at most ${LIMITS.topics} topics`);
    if (keys.length > 0) return { keys, suggested: false };
  }
  const titleNames = article.title ? splitSentences([article.title]).flatMap((s) => s.names) : [];
  return { keys: suggestTopics(sentences, titleNames), suggested: true };
}

/** Attributions whose name is already the text of one of the article's links need no lookup. */
function unlinked(attributions: Attribution[], article: Article): Attribution[] {
  const linked = article.links.map((l) => l.title.toLowerCase());
  return attributions.filter((a) => !a.name || !linked.some((t) => t.includes(a.name.toLowerCase())));
}

/** The whole path from page to draft, in memory: nothing is written here. */
export function ingest(input: RawInput, options: IngestOptions = {}): Ingested {
  if (options.url !== undefined && !/^https?:\/\//i.test(options.url))
    throw new IngestError('--url must be an http(s) address');
  if (options.url !== undefined && !URL.canParse(options.url))
    throw new IngestError(`--url "${options.url}" is not a valid address`);
  const article = extract(input, options.url);
  article.paragraphs = firstParagraphs(article.paragraphs);
  const sentences = splitSentences(article.paragraphs);
  requireArticle(sentences, article, input.name);

  const summary = summarize(sentences) || leadSummary(sentences) || clip(sentences[0]?.text ?? '', SUMMARY_MAX);
  // A fact that only repeats a summary sentence tells the reader nothing new.
  const facts = pickFacts(sentences.filter((s) => !summary.includes(s.text)));
  const draft = buildDraft({
    article,
    slug: chooseSlug(options, article, input.name),
    summary,
    facts,
    attributions: unlinked(findAttributions(sentences), article),
    warnings: textWarnings(article, sentences, summary, facts),
    topics: chooseTopics(options, sentences, article),
    origin: input.name === 'standard input' ? 'standard input' : basename(input.name),
    today: options.today ?? new Date().toISOString().slice(0, 10),
  });
  return { article, sentences, summary, facts, draft };
}
