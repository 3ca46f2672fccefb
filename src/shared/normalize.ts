const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Russian й is its own letter, not и with a mark; ё folds to е as Russian readers expect. */
const SHORT_I = /([иИ])\u0306/g;

/** Folds case, accents, punctuation and spacing so that `XINJIANG!` and `xinjiang` (or `Ёлка` and `елка`) meet. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(SHORT_I, (_, i: string) => (i === 'и' ? 'й' : 'Й'))
    .replace(MARKS, '')
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim();
}

/** A URL- and command-friendly key: `Re-education Camps` -> `re-education-camps`. */
export function toKey(text: string): string {
  return normalize(text).replace(/ /g, '-');
}
