import type { Command } from './command.js';

const TRAILING = {
  integer: /^(.*\S)\s+(\d+)$/,
  // Telegram `@channelname` or numeric chat id, Discord `<#id>` mention or id
  channel: /^(.*\S)\s+(@\w+|<#\d+>|-?\d+)$/,
};

export type BindResult = { ok: true; args: Record<string, string> } | { ok: false; problem: string };

/**
 * Splits the text after a command into its options: each option takes one word,
 * the last string option takes the rest of the line.
 */
export function bindArgs(command: Command, rest: string): BindResult {
  const args: Record<string, string> = {};
  let remaining = rest.trim();
  const options = command.options;
  for (const [i, option] of options.entries()) {
    if (!remaining) break;
    const isLast = i === options.length - 1;
    const takesRest =
      isLast || (option.type === 'string' && options.slice(i + 1).every((o) => o.type !== 'string' && !o.required));
    let value: string;
    if (takesRest && option.type === 'string' && !isLast) {
      // A trailing integer or channel belongs to the option after: `/search camps 2`, `/post camps @news`.
      const next = options[i + 1]!;
      const tail = next.type === 'string' ? null : TRAILING[next.type].exec(remaining);
      value = tail ? tail[1]! : remaining;
      remaining = tail ? tail[2]! : '';
    } else if (takesRest) {
      value = remaining;
      remaining = '';
    } else {
      const space = remaining.indexOf(' ');
      value = space < 0 ? remaining : remaining.slice(0, space);
      remaining = space < 0 ? '' : remaining.slice(space + 1).trim();
    }
    args[option.name] = value;
  }
  if (remaining) return { ok: false, problem: 'too many words' };
  return { ok: true, args };
}
