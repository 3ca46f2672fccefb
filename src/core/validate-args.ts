import type { Command } from './command.js';
import { translator, type Translate } from './i18n/index.js';

export type ValidateResult =
  { ok: true; args: Record<string, string | number | undefined> } | { ok: false; problem?: string };

const MAX_TEXT = 200;

/** Checks option values against the command's declaration; messages are for users. */
export function validateArgs(
  command: Command,
  raw: Record<string, string>,
  // Stryker disable next-line StringLiteral: a language the bot does not speak, '' included, reads as English
  t: Translate = translator('en'),
): ValidateResult {
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
        const problem =
          option.max === undefined
            ? t('args.atLeast', { name: option.name, min })
            : t('args.range', { name: option.name, min, max });
        return { ok: false, problem };
      }
      args[option.name] = n;
      continue;
    }
    const max = option.max ?? MAX_TEXT;
    if (value.length > max) return { ok: false, problem: t('args.tooLong', { name: option.name, count: max }) };
    if (option.choices) {
      const choice = value.toLowerCase();
      if (!option.choices.includes(choice))
        return { ok: false, problem: t('args.oneOf', { name: option.name, choices: option.choices.join(', ') }) };
      args[option.name] = choice;
      continue;
    }
    if (option.schema) {
      const parsed = option.schema.safeParse(value);
      if (!parsed.success)
        return {
          ok: false,
          problem: t('args.invalid', { name: option.name, problem: parsed.error.issues[0]!.message }),
        };
      args[option.name] = parsed.data;
      continue;
    }
    args[option.name] = value;
  }
  return { ok: true, args };
}
