import { normalize } from '../shared/normalize.js';

const ASCII = /^[\x00-\x7f]*$/;
const NON_WORD_ASCII = /[^a-z0-9]+/g;

/**
 * `normalize` with a shortcut for plain ASCII, which is most of what indexes see:
 * Unicode decomposition cannot change ASCII, so folding case and punctuation suffices.
 */
export function fastNormalize(text: string): string {
  if (!ASCII.test(text)) return normalize(text);
  return text.toLowerCase().replace(NON_WORD_ASCII, ' ').trim();
}

/** The words of a text as the indexes store them. */
export function tokenize(text: string): string[] {
  const normal = fastNormalize(text);
  return normal ? normal.split(' ') : [];
}
