import type { z } from 'zod';
import type { Library } from '../content/library.js';
import type { CommandServices } from './services.js';
import type { Invocation, Reply } from './types.js';

export interface CommandOption {
  name: string;
  description: string;
  /** `channel`: a channel to act on (Discord channel picker; `@name` on Telegram). */
  type: 'string' | 'integer' | 'channel';
  required: boolean;
  /** Offer matching briefs while the user types (Discord autocomplete). */
  autocomplete?: boolean;
  min?: number;
  max?: number;
  /** The only values a string option takes (lower case); on text platforms it may follow the line. */
  choices?: readonly string[];
  /** Validates the raw text of the option; its message is shown to the user. */
  schema?: z.ZodType<string | number>;
}

export interface CommandContext {
  invocation: Invocation;
  /** Validated option values (strings trimmed, integers parsed). */
  args: Record<string, string | number | undefined>;
  library: Library;
  commands: readonly Command[];
  services: CommandServices;
  /** The reader's language (the chat's choice, else the user's), canonical; absent when unknown. */
  language?: string;
}

export interface Command {
  name: string;
  description: string;
  options: CommandOption[];
  /** Real invocations shown in help; may use the store to pick examples. */
  examples: (library: Library) => string[];
  moderatorOnly?: boolean;
  /** Moderators only in groups and channels; anyone in a private chat. */
  moderatorInGroups?: boolean;
  /** Its answer depends on whether the caller is a moderator (help): the core asks first. */
  readsModerator?: boolean;
  /** Where the command makes sense; defaults to everywhere. */
  contexts?: 'any' | 'groups';
  run(ctx: CommandContext): Promise<Reply> | Reply;
}

/** Whether an adapter must find out if the user is a moderator before running this command. */
export function needsModeratorCheck(command: Command): boolean {
  return command.moderatorOnly === true || command.moderatorInGroups === true;
}

/** Whether this caller may run the command in this chat (what /help lists). */
export function usableBy(command: Command, invocation: Pick<Invocation, 'user' | 'chat'>): boolean {
  const { user, chat } = invocation;
  if (command.moderatorOnly && !user.isModerator) return false;
  if (command.moderatorInGroups && chat.kind !== 'private' && !user.isModerator) return false;
  return !(command.contexts === 'groups' && chat.kind === 'private');
}

export const defineCommand = (command: Command): Command => command;

export function usageLine(command: Command): string {
  const parts = command.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return ['/' + command.name, ...parts].join(' ');
}
