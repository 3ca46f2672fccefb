import type { ItemSentence } from 'wink-nlp';
import { nlp } from './nlp.js';
import { joinQuotations } from './quotes.js';

/** Kinds of wink-nlp entity that make a sentence a checkable fact. */
const NUMERIC = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'QUANTITY', 'MEASURE']);
const DATED = new Set(['DATE', 'DURATION', 'TIME']);

export interface Sentence {
  text: string;
  /** Index of its paragraph in the article body. */
  paragraph: number;
  /** Carries a number, an amount or a percentage. */
  numeric: boolean;
  /** Carries a date, time or duration. */
  dated: boolean;
  /** Runs of proper nouns it mentions, for topic suggestions ("Human Rights Watch"). */
  names: string[];
}

/**
 * Splits each paragraph into sentences with wink-nlp (which keeps "U.S.",
 * "J.P. Morgan" and "3.5%" whole), then rejoins a fragment that starts in lower
 * case with the sentence before it: `"Is it safe?" she asked.` is one sentence,
 * and joins the sentences of a quotation that runs over more than one.
 */
export function splitSentences(paragraphs: readonly string[]): Sentence[] {
  const engine = nlp();
  const its = engine.its;
  const out: Sentence[] = [];
  const join = (prev: Sentence, next: Sentence) => {
    prev.text = `${prev.text} ${next.text}`;
    prev.numeric ||= next.numeric;
    prev.dated ||= next.dated;
    prev.names.push(...next.names);
  };
  paragraphs.forEach((paragraph, index) => {
    const doc = engine.readDoc(withoutDateline(paragraph));
    const found: Sentence[] = [];
    doc.sentences().each((s: ItemSentence) => {
      const text = s.out().trim();
      if (!text) return;
      const types = s.entities().out(its.type) as string[];
      const sentence: Sentence = {
        text,
        paragraph: index,
        numeric: types.some((t) => NUMERIC.has(t)) || /\d/.test(text),
        dated: types.some((t) => DATED.has(t)),
        names: properNames(s.tokens().out() as string[], s.tokens().out(its.pos) as string[]),
      };
      const prev = found.at(-1);
      if (prev && /^[\p{Ll}]/u.test(text)) join(prev, sentence);
      else found.push(sentence);
    });
    out.push(...joinQuotations(found, join));
  });
  return out;
}

/** "PORT CALDER — Ferry crews..." and "LONDON (Reuters) - ..." open with a place, not the news. */
const DATELINE =
  /^\p{Lu}[\p{Lu} .,'’-]{1,40}(?:,\s*[\p{L}\d .]{1,20})?(?:\s*\([\p{L} .&]{2,30}\))?\s*[—–-]{1,2}\s+(?=\p{Lu})/u;

export const withoutDateline = (paragraph: string): string => paragraph.replace(DATELINE, '');

const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'on']);

function properNames(tokens: string[], pos: string[]): string[] {
  const names: string[] = [];
  let run: string[] = [];
  let start = 0;
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has(run.at(-1) ?? '')) run.pop();
    // A lone capitalised word opening the sentence is as likely a plain word as a name.
    if (run.length > 1 || (run.length === 1 && start > 0)) names.push(run.join(' '));
    run = [];
  };
  tokens.forEach((token, i) => {
    const isName = pos[i] === 'PROPN' && /^\p{Lu}/u.test(token);
    if (isName) {
      if (run.length === 0) start = i;
      run.push(token);
    } else if (run.length > 0 && CONNECTORS.has(token)) run.push(token);
    else flush();
  });
  flush();
  return names;
}
