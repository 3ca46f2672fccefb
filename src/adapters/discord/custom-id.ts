import { LIMITS } from './limits.js';

/** What a button asks for: run `command` with one option set, as if the user had typed it. */
export interface ButtonAction {
  command: string;
  option: string;
  value: string;
}

/** `brief:topic=xinjiang`; undefined when it would not fit Discord's 100-character custom_id. */
export function encodeAction(action: ButtonAction): string | undefined {
  const id = `${action.command}:${action.option}=${action.value}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

export function decodeAction(customId: string): ButtonAction | undefined {
  const match = /^([a-z][\w-]{0,31}):([a-z][\w-]{0,31})=(.*)$/s.exec(customId);
  if (!match) return undefined;
  return { command: match[1]!, option: match[2]!, value: match[3]! };
}
