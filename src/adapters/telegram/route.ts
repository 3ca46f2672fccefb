import { parseLine } from '../../core/parse-line.js';

/** What to do with a text message: answer a command, nudge towards commands, or stay quiet. */
export type Route = { kind: 'ignore' } | { kind: 'hint' } | { kind: 'command'; name: string; rest: string };

/**
 * `/brief x`, `/BRIEF x` and `/brief@OurBot x` are ours; `/brief@OtherBot` is not. In groups
 * an unknown command without `@us` is most likely another bot's, so it is ignored; plain chat
 * is ignored there too. Telegram opens private chats with /start, which we answer with help.
 * The line is parsed here once; the core binds `rest` to the command's options.
 */
export function routeText(
  text: string,
  chatType: 'private' | 'group' | 'supergroup' | 'channel',
  username: string,
  known: (name: string) => boolean,
): Route {
  const parsed = parseLine(text);
  const isPrivate = chatType === 'private';
  if (!parsed) return isPrivate ? { kind: 'hint' } : { kind: 'ignore' };
  const addressed = parsed.addressedTo !== undefined;
  if (addressed && parsed.addressedTo!.toLowerCase() !== username.toLowerCase()) return { kind: 'ignore' };
  if (parsed.command === 'start' && (isPrivate || addressed)) return { kind: 'command', name: 'help', rest: '' };
  if (!known(parsed.command) && !isPrivate && !addressed) return { kind: 'ignore' };
  return { kind: 'command', name: parsed.command, rest: parsed.rest };
}
