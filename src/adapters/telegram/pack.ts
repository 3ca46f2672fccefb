import { cutPoint, plainText, splitNodes, visibleLength, type Line } from './html.js';

/** Telegram's limit on a message's text after entity parsing. */
export const MESSAGE_LIMIT = 4096;

/** Lines that read badly apart (a heading and its first bullet); split only when too long. */
export type Unit = Line[];

const isBlank = (line: Line): boolean => plainText(line).trim() === '';

/**
 * Packs units into messages of at most `limit` visible characters. Messages break between
 * units first, then between lines; only a single line longer than a message is cut, and
 * then at a space where possible, re-opening any tag it cut through.
 */
export function pack(units: readonly Unit[], limit = MESSAGE_LIMIT): Line[][] {
  const messages: Line[][] = [];
  let current: Line[] = [];
  let size = 0;

  /** The line break before the next line: none at the top of a message. */
  const gap = () => (current.length > 0 ? 1 : 0);
  const flush = () => {
    while (current.length > 0 && isBlank(current[current.length - 1]!)) current.pop();
    if (current.some((line) => !isBlank(line))) messages.push(current);
    current = [];
    size = 0;
  };
  const append = (line: Line, length: number) => {
    size += gap() + length;
    current.push(line);
  };
  const pushLine = (line: Line) => {
    if (current.length === 0 && isBlank(line)) return;
    const length = visibleLength(line);
    if (size + gap() + length <= limit) return append(line, length);
    flush();
    let rest = line;
    while (visibleLength(rest) > limit) {
      const [head, tail] = splitNodes(rest, cutPoint(plainText(rest), limit));
      current = [head];
      flush();
      rest = tail;
    }
    if (!isBlank(rest)) append(rest, visibleLength(rest));
  };

  for (const unit of units) {
    const length = unit.reduce((n, line) => n + visibleLength(line), 0) + unit.length - 1;
    if (size + gap() + length > limit && length <= limit) flush();
    for (const line of unit) pushLine(line);
  }
  flush();
  return messages;
}
