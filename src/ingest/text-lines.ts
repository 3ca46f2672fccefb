/** Splits scraped text into trimmed lines, joining lines a scraper wrapped mid-sentence. */
export function textLines(text: string): string[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*[•·▪●◦*–-]\s+/, '')
        .replace(/ {2,}/g, ' ')
        .trim(),
    );
  const lines: string[] = [];
  for (const line of raw) {
    const prev = lines.at(-1);
    if (prev && line && /[a-z,;]$/.test(prev) && /^[a-z]/.test(line)) {
      lines[lines.length - 1] = `${prev} ${line}`;
    } else {
      lines.push(line);
    }
  }
  return lines;
}

/** Ends like a sentence: full stop, question or exclamation mark, maybe inside quotes. */
export const endsLikeSentence = (line: string): boolean => /[.!?…]["'”’)]*$/.test(line);
