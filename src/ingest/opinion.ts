import type { Article } from './article.js';
import type { Sentence } from './sentences.js';

const OPINION_PATH = /\/(?:opinions?|comment|commentisfree|columns?|columnists?|editorials?|op-?ed|views?|blogs?)\//i;
const OPINION_SECTION = /\b(?:opinions?|comment|commentary|editorials?|columns?|op-?ed|views?)\b/i;
const WRITER_AS_I = /(?:^|[\s(—–-])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|mine|myself)\b/;
const WRITER_AS_WE = /(?:^|[\s(—–-])(?:[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Oo]ur|us|ourselves)\b/;
const QUOTED = /“[^”]*”|"[^"]*"|«[^»]*»/g;

/** Shares of the body's sentences in which the writer speaks as "I" and as "we", quotations left out. */
export function firstPersonShares(sentences: readonly Sentence[]): { singular: number; plural: number } {
  const own = sentences.map((s) => s.text.replace(QUOTED, ' '));
  const share = (re: RegExp) => {
    const n = own.filter((t) => re.test(t)).length;
    return n >= 4 ? n / own.length : 0;
  };
  return { singular: share(WRITER_AS_I), plural: share(WRITER_AS_WE) };
}

/**
 * Whether the page is an opinion piece: filed as one (address, section,
 * JSON-LD OpinionNewsArticle) or written in the first person. A news report
 * may quote "I" and "we", and its writer may say "me" once in an analysis,
 * but seldom speaks as "we" outside quotations.
 */
export function isOpinionPiece(article: Article, sentences: readonly Sentence[]): boolean {
  const hints = article.hints;
  if (hints?.ldTypes.some((t) => /Opinion|Review|Editorial/i.test(t))) return true;
  if (hints?.section && OPINION_SECTION.test(hints.section)) return true;
  if (article.url && URL.canParse(article.url) && OPINION_PATH.test(new URL(article.url).pathname)) return true;
  const { singular, plural } = firstPersonShares(sentences);
  return singular >= 0.15 || plural >= 0.06;
}
