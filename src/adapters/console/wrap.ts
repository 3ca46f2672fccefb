/**
 * Wraps plain-text replies at the terminal's width. Words stay whole and URLs are never
 * split (a URL or word longer than the line stands on a line of its own, so that terminals
 * still recognise it as a link). Continuation lines keep the indentation of the text after a
 * bullet, so lists stay readable.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, Math.max(width, 1)))
    .join('\n');
}

const BULLET = /^(\s*(?:[•*-]\s+|\d+[.)]\s+)?)/;

function wrapLine(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  const lead = BULLET.exec(line)![1]!;
  // A narrow terminal cannot afford deep indentation: keep at most half the line for it.
  const hang = ' '.repeat(Math.min(visibleLength(lead), Math.floor(width / 2)));
  const words = line.slice(lead.length).split(/ +/).filter(Boolean);
  const out: string[] = [];
  let current = `${lead}${words[0] ?? ''}`;
  // Narrower than the bullet and its first word: the bullet stands alone, the word goes below it.
  if (lead.trim() !== '' && visibleLength(current) > width) {
    out.push(lead.trimEnd());
    current = `${hang}${words[0] ?? ''}`;
  }
  for (const word of words.slice(1)) {
    if (visibleLength(`${current} ${word}`) <= width) {
      current = `${current} ${word}`;
    } else {
      out.push(current);
      current = `${hang}${word}`;
    }
  }
  out.push(current);
  return out.join('\n');
}

/** Characters as the terminal counts them (astral symbols are one code point, not two units). */
const visibleLength = (s: string): number => [...s].length;
