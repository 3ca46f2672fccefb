const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Folds case, accents, punctuation and spacing so that `XINJIANG!` and `xinjiang` meet. */
export function normalize(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NON_WORD, ' ').trim();
}

/** A URL- and command-friendly key: `Re-education Camps` -> `re-education-camps`. */
export function toKey(text: string): string {
  return normalize(text).replace(/ /g, '-');
}
