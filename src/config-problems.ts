import type { z } from 'zod';
import type { ConfigProblem } from './config.js';

/** No briefbot setting is longer than this; a longer value is a paste gone wrong. */
export const MAX_VALUE_LENGTH = 4096;

/** The names among `variables` whose value is too long to be a setting. */
export function oversizedValues(source: NodeJS.ProcessEnv, variables: readonly string[]): string[] {
  return variables.filter((name) => (source[name]?.length ?? 0) > MAX_VALUE_LENGTH);
}

export function withoutKeys(source: NodeJS.ProcessEnv, keys: readonly string[]): NodeJS.ProcessEnv {
  const copy = { ...source };
  for (const key of keys) delete copy[key];
  return copy;
}

export function tooLongSentence(value: string): string {
  const n = value.length.toLocaleString('en-US');
  return `is ${n} characters long, more than any setting needs (at most ${MAX_VALUE_LENGTH.toLocaleString('en-US')}): check what was pasted into it`;
}

/** A zod issue as a sentence after the variable's name, without the value itself. */
export function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  const variable = String(issue.path[0] ?? 'environment');
  const message = issue.message.startsWith('Invalid input') ? 'has a value briefbot cannot read' : issue.message;
  return { variable, problem: message };
}

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** "B is required when A is set", once per missing variable. */
export function missingCompanions(
  source: NodeJS.ProcessEnv,
  companions: readonly (readonly [string, string, string?])[],
): ConfigProblem[] {
  const problems = new Map<string, ConfigProblem>();
  for (const [when, needed, why] of companions) {
    if (isSet(source[when]) && !isSet(source[needed]) && !problems.has(needed)) {
      const reason = why ? ` (${why})` : '';
      problems.set(needed, { variable: needed, problem: `is required when ${when} is set${reason}` });
    }
  }
  return [...problems.values()];
}
