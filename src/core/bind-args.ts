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
  const { args, remaining: head, options } = trailingChoices(command, rest.trim());
  let remaining = head;
  for (const [i, option] of options.entries()) {
    if (!remaining) break;
    const isLast = i === options.length - 1;
    // A string option followed only by optional numbers and channels takes the rest of the line...
    const takesRest =
      !isLast && option.type === 'string' && options.slice(i + 1).every((o) => o.type !== 'string' && !o.required);
    let value: string;
    if (takesRest) {
      // ...less a trailing number or channel meant for the option after it: `/search camps 2`, `/post camps @news`.
      const next = options[i + 1]!.type as keyof typeof TRAILING;
      const tail = TRAILING[next].exec(remaining);
      value = tail ? tail[1]! : remaining;
      remaining = tail ? tail[2]! : '';
    } else if (isLast) {
      value = remaining;
      remaining = '';
    } else {
      const space = remaining.indexOf(' ');
      value = space === -1 ? remaining : remaining.slice(0, space);
      remaining = space === -1 ? '' : remaining.slice(space + 1).trim();
    }
    args[option.name] = value;
  }
  if (remaining) return { ok: false, problem: 'too many words' };
  return { ok: true, args };
}

/**
 * Optional options with fixed choices may end the line in any order (`/subscribe aral sea compact off`):
 * trailing words that are one of their choices are taken first; the other options share the rest.
 */
function trailingChoices(command: Command, line: string) {
  const args: Record<string, string> = {};
  const open = command.options.filter((o) => o.choices && !o.required);
  const words = line.split(/\s+/);
  while (words.length > 1) {
    // A choice alone (`compact`) or named as Discord shows it (`publish:true`).
    const [name, value] = named(words[words.length - 1]!.toLowerCase());
    const option = open.find(
      (o) => !(o.name in args) && (name === undefined || o.name === name) && o.choices!.includes(value),
    );
    if (!option) break;
    args[option.name] = value;
    words.pop();
  }
  const taken = new Set(Object.keys(args));
  const remaining = taken.size > 0 ? words.join(' ') : line;
  return { args, remaining, options: command.options.filter((o) => !taken.has(o.name) && !(o.choices && !o.required)) };
}

/** `publish:true` -> ['publish', 'true']; `compact` -> [undefined, 'compact']; `:on` names no option. */
function named(word: string): [string | undefined, string] {
  const colon = word.indexOf(':');
  return colon === -1 ? [undefined, word] : [word.slice(0, colon), word.slice(colon + 1)];
}
