import type { Article } from './article.js';
import { isBoilerplate } from './boilerplate.js';
import { isDateLine, parseDate } from './dates.js';
import { endsLikeSentence, textLines } from './text-lines.js';

/** Chrome that closes an article in a scrape: what follows it is never the story. */
const END_OF_ARTICLE =
  /^(back|print)\s*\|\s*print|bookmark and share|©|^copyright\b|\bcopyright (©\s*)?\d{4}|all rights reserved|^share (this|on)\b|^(tags|filed under|topics)\s*:/i;
const CREDITS = /^(compiled|reporting|written|edited|editing|additional reporting) by\b/i;
/** Headings of the blocks that follow an article: only as short lines of their own. */
const AFTER_ARTICLE_HEADING =
  /^(related( articles| stories| coverage| content)?|more from\b.*|more on this( story)?|recommended( for you)?|you (may|might) also like|most (read|popular)|read next)\s*:?$/i;

const endsArticle = (line: string): boolean =>
  END_OF_ARTICLE.test(line) ||
  (CREDITS.test(line) && isBoilerplate(line)) ||
  (line.length <= 40 && AFTER_ARTICLE_HEADING.test(line));

const MAX_TITLE = 200;
const MAX_STANDFIRST = 400;

/** "© Transitions Online 2018. All rights reserved." -> "Transitions Online" */
export function publisherFromFooter(line: string): string | undefined {
  const copyright =
    /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(?:by\s+)?([^\d.,|©]{2,80}?)\s*(?:,?\s*\d{4})?\s*(?:[.,|]|all rights|$)/i.exec(
      line,
    );
  const name = copyright?.[1]?.trim();
  return name && /\p{Lu}/u.test(name) ? name : undefined;
}

function urlIn(lines: string[]): string | undefined {
  for (const line of [...lines.slice(0, 8), ...lines.slice(-8)]) {
    const m = /^(?:(?:source|url|link|original|canonical)\s*:\s*)?(https?:\/\/\S+)$/i.exec(line);
    if (m?.[1] && URL.canParse(m[1])) return m[1];
  }
  return undefined;
}

/** A line that reads as reporting: a sentence, or long enough to be a paragraph. */
const isProse = (line: string): boolean => (endsLikeSentence(line) && line.length >= 40) || line.length >= 120;

/**
 * Plain text scraped from a page: drops the page's chrome, finds the title,
 * standfirst and date above the body, and stops at the first line that closes
 * the article (share bar, credits, footer, related pieces).
 */
export function extractText(text: string): Article {
  const lines = textLines(text);
  const article: Article = { paragraphs: [], links: [] };

  for (const line of lines) {
    const publisher = /©|\(c\)|copyright/i.test(line) ? publisherFromFooter(line) : undefined;
    if (publisher) {
      article.publisher = publisher;
      break;
    }
  }
  const url = urlIn(lines.filter((l) => l !== ''));
  if (url) article.url = url;

  let i = 0;
  const header: string[] = [];
  // The header: short lines above the first paragraph of prose, with the date among them.
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '' || isBoilerplate(line)) continue;
    if (isDateLine(line)) {
      const date = parseDate(line);
      if (date && !article.published) article.published = date;
      continue;
    }
    const short = line.length <= MAX_TITLE && !(/\.["'”’]*$/.test(line) && line.length > 60);
    if (header.length === 0 && short) {
      header.push(line);
      continue;
    }
    if (header.length < 3 && !article.published && line.length <= MAX_STANDFIRST && nextDateFollows(lines, i + 1)) {
      header.push(line);
      continue;
    }
    break;
  }
  // A masthead line naming the publisher is not the title.
  const named = header.filter((l) => l.toLowerCase() !== article.publisher?.toLowerCase());
  const titleAt = Math.max(
    0,
    named.findIndex((l) => !/\.["'”’]*$/.test(l)),
  );
  const title = named[titleAt];
  const standfirst = named[titleAt + 1];
  if (title) article.title = title;
  if (standfirst) article.standfirst = standfirst;

  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (article.paragraphs.length > 0 && endsArticle(line)) break;
    if (isBoilerplate(line) || isDateLine(line) || !isProse(line)) continue;
    article.paragraphs.push(line);
  }
  return article;
}

function nextDateFollows(lines: string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (line === '' || isBoilerplate(line)) continue;
    return isDateLine(line);
  }
  return false;
}
