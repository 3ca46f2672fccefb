/** A command line as typed on a text platform: `/brief@OurBot xinjiang camps`. */
export interface ParsedLine {
  command: string;
  /** Bot name after `@`, when the command was addressed to one. */
  addressedTo?: string;
  rest: string;
}

const COMMAND = /^\/([\p{L}\p{N}_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)/u;
// Control and invisible formatting characters that would only confuse matching or rendering.
const JUNK = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function cleanText(text: string): string {
  return text.replace(JUNK, '').replace(/\s+/g, ' ').trim();
}

/** Returns undefined when the text is not a command at all. Names are case-insensitive. */
export function parseLine(text: string): ParsedLine | undefined {
  const line = text.replace(JUNK, '').trimStart();
  const match = COMMAND.exec(line);
  if (!match) return undefined;
  const rest = cleanText(line.slice(match[0].length));
  return match[2] === undefined
    ? { command: match[1]!.toLowerCase(), rest }
    : { command: match[1]!.toLowerCase(), addressedTo: match[2], rest };
}
