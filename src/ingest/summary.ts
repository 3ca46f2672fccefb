import { isBoilerplate } from './boilerplate.js';
import { isCaptionText } from './captions.js';
import { quotesBalanced } from './quotes.js';
import type { Sentence } from './sentences.js';

export const SUMMARY_MAX = 600;
export const SUMMARY_MAX_SENTENCES = 4;
const MIN_SENTENCE = 40;
const MAX_SENTENCE = 400;

const joined = (sentences: readonly Sentence[]): string => sentences.map((s) => s.text).join(' ');

/** The plain lead: the body's first sentences in order, as many as fit the budget (at most 3). */
export function leadSummary(sentences: readonly Sentence[]): string {
  const picked: Sentence[] = [];
  for (const s of sentences) {
    if (picked.length === 3 || joined([...picked, s]).length > SUMMARY_MAX) break;
    picked.push(s);
  }
  return joined(picked);
}

/** A sentence that can stand in a summary: reporting, not chrome, a caption, a quotation or a question. */
export function isSummarySentence(s: Sentence): boolean {
  const t = s.text;
  if (t.length < MIN_SENTENCE || t.length > MAX_SENTENCE) return false;
  if (isBoilerplate(t) || isCaptionText(t) || !quotesBalanced(t)) return false;
  if (/^["“‘'«]/.test(t)) return false;
  if (/\?["”’']?$/.test(t)) return false;
  return true;
}

/**
 * Extractive summary: starts from the lead and keeps source order, but passes
 * over quotations, questions, fragments and chrome, which editors' summaries
 * never open with; 2-4 sentences, at most 600 characters.
 */
export function summarize(sentences: readonly Sentence[]): string {
  const picked: Sentence[] = [];
  for (const s of sentences) {
    if (picked.length === SUMMARY_MAX_SENTENCES) break;
    if (!isSummarySentence(s)) continue;
    if (joined([...picked, s]).length > SUMMARY_MAX) {
      if (picked.length >= 2) break;
      continue;
    }
    picked.push(s);
    if (picked.length >= 3) break;
  }
  return joined(picked);
}
