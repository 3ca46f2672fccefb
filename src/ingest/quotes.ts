const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/**
 * Whether every quotation a text opens it also closes: “ ” and « » pair up,
 * straight double quotes come in twos. (Single quotes double as apostrophes,
 * so they prove nothing.)
 */
export function quotesBalanced(text: string): boolean {
  return (
    count(text, /“/g) === count(text, /”/g) && count(text, /«/g) === count(text, /»/g) && count(text, /"/g) % 2 === 0
  );
}

/**
 * Joins sentences that split a quotation: `"If you look ... less than 100.`
 * and `If you look ... tens of thousands," he said.` are one claim. Works
 * within one paragraph; a quotation still open at its end stays unbalanced.
 */
export function joinQuotations<T extends { text: string }>(sentences: T[], join: (a: T, b: T) => void): T[] {
  const out: T[] = [];
  for (const s of sentences) {
    const prev = out.at(-1);
    if (prev && !quotesBalanced(prev.text)) join(prev, s);
    else out.push(s);
  }
  return out;
}
