import type { z } from 'zod';
import type { Library } from '../content/library.js';
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
  /** Validates the raw text of the option; its message is shown to the user. */
  schema?: z.ZodType<string | number>;
}

/** Services that commands may use beyond the content library; grows with features. */
export interface Services {
  [name: string]: unknown;
}

export interface CommandContext {
  invocation: Invocation;
  /** Validated option values (strings trimmed, integers parsed). */
  args: Record<string, string | number | undefined>;
  library: Library;
  commands: readonly Command[];
  services: Services;
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
  /** Where the command makes sense; defaults to everywhere. */
  contexts?: 'any' | 'groups';
  run(ctx: CommandContext): Promise<Reply> | Reply;
}

/** Whether an adapter must find out if the user is a moderator before running this command. */
export const needsModeratorCheck = (command: Command): boolean =>
  command.moderatorOnly === true || command.moderatorInGroups === true;

export const defineCommand = (command: Command): Command => command;

export function usageLine(command: Command): string {
  const parts = command.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return ['/' + command.name, ...parts].join(' ');
}
