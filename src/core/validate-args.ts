import type { Command } from './command.js';

export type ValidateResult =
  { ok: true; args: Record<string, string | number | undefined> } | { ok: false; problem?: string };

const MAX_TEXT = 200;

/** Checks option values against the command's declaration; messages are for users. */
export function validateArgs(command: Command, raw: Record<string, string>): ValidateResult {
  const args: Record<string, string | number | undefined> = {};
  for (const option of command.options) {
    const value = raw[option.name]?.trim();
    if (!value) {
      if (option.required) return { ok: false };
      continue;
    }
    if (option.type === 'integer') {
      const n = /^-?\d{1,9}$/.test(value) ? Number(value) : NaN;
      const min = option.min ?? -Infinity;
      const max = option.max ?? Infinity;
      if (!Number.isInteger(n) || n < min || n > max) {
        const range = option.max === undefined ? `at least ${min}` : `a whole number from ${min} to ${max}`;
        return { ok: false, problem: `${option.name} must be ${range}.` };
      }
      args[option.name] = n;
      continue;
    }
    const max = option.max ?? MAX_TEXT;
    if (value.length > max) return { ok: false, problem: `${option.name} is too long (at most ${max} characters).` };
    if (option.choices) {
      const choice = value.toLowerCase();
      if (!option.choices.includes(choice))
        return { ok: false, problem: `${option.name} must be one of: ${option.choices.join(', ')}.` };
      args[option.name] = choice;
      continue;
    }
    if (option.schema) {
      const parsed = option.schema.safeParse(value);
      if (!parsed.success)
        return { ok: false, problem: `${option.name}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
      args[option.name] = parsed.data;
      continue;
    }
    args[option.name] = value;
  }
  return { ok: true, args };
}
