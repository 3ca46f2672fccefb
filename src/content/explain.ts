import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/**
 * Turns schema and YAML problems into sentences an editor can act on: what is wrong and what
 * to type instead, in the words of the content format rather than YAML's or zod's.
 */

export type FieldPath = readonly (string | number)[];

const SINGULAR: Record<string, string> = { topics: 'topic', facts: 'fact', sources: 'source' };

/** `['sources', 1, 'url']` -> `url of source 2`: positions counted from 1, as people count. */
export function describePath(path: FieldPath): string {
  const parts: string[] = [];
  path.forEach((p, i) => {
    if (typeof p !== 'number') return parts.unshift(String(p));
    const list = String(path[i - 1] ?? 'item');
    parts[0] = `${SINGULAR[list] ?? list} ${p + 1}`;
  });
  return parts.join(' of ');
}

const LIST_HINTS: Record<string, (value: string) => string> = {
  topics: (v) => `must be a list like [a, b]; write topics: [${splitList(v).join(', ')}]`,
  facts: () => 'must be a list: put each fact on its own line under "facts:", starting with "  - "',
  sources: () => 'must be a list: put each source under "sources:", starting with "  - title:"',
};

const splitList = (value: string): string[] =>
  value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

const kindOf = (value: unknown): string =>
  Array.isArray(value) ? 'a list' : value === null ? 'empty' : typeof value === 'object' ? 'a group of fields' : typeof value;

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const key of path) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function wrongType(issue: z.core.$ZodIssueInvalidType, value: unknown, field: string): string {
  if (issue.expected === 'array') {
    const hint = LIST_HINTS[field];
    return hint && typeof value === 'string' ? hint(value) : `must be a list, not ${kindOf(value)}`;
  }
  if (issue.expected === 'string') {
    if (typeof value === 'number' || typeof value === 'boolean') return `must be text: put it in quotes ("${String(value)}")`;
    return `must be a single line of text, not ${kindOf(value)}`;
  }
  if (issue.expected === 'boolean') return 'must be true or false';
  if (issue.expected === 'object') return 'must be a group of fields such as title: and url:';
  return issue.message.replace(/^Invalid input: /, '');
}

/** A problem found in the data, before it is given a line and column. */
export interface Explained {
  path: FieldPath;
  message: string;
  /** Point at the key itself (an unknown field), not at its value. */
  atKey?: boolean;
}

/**
 * One sentence per real problem. A field of the wrong type gets one message, not a second
 * one about its length; an unknown field that is a misspelling of a required one is reported
 * once, as the misspelling.
 */
export function explainIssues(issues: readonly z.core.$ZodIssue[], data: unknown, known: KnownFields): Explained[] {
  const out: Explained[] = [];
  const pathKey = (p: FieldPath) => p.join('\u0000');
  const wrongTypePaths = new Set(
    issues.filter((i) => i.code === 'invalid_type').map((i) => pathKey(i.path.filter(isKey))),
  );
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = issue.path.filter(isKey);
    const fields = typeof parent.at(-1) === 'number' ? known.source : known.top;
    for (const key of issue.keys) {
      const suggestion = suggestField(key, fields);
      if (suggestion) misspelt.add(pathKey([...parent, suggestion]));
      const message = suggestion
        ? `unknown field; did you mean ${suggestion}?`
        : `unknown field; the fields are ${fields.join(', ')}`;
      out.push({ path: [...parent, key], message, atKey: true });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path.filter(isKey);
    const value = valueAt(data, path);
    if (issue.code !== 'invalid_type' && wrongTypePaths.has(pathKey(path))) continue;
    if (issue.code === 'invalid_type' && value == null) {
      if (!misspelt.has(pathKey(path))) out.push({ path, message: 'is required' });
      continue;
    }
    const field = String(path.filter((p) => typeof p === 'string').at(-1) ?? '');
    const message = issue.code === 'invalid_type' ? wrongType(issue, value, field) : issue.message;
    out.push({ path, message });
  }
  return out;
}

const isKey = (p: PropertyKey): p is string | number => typeof p !== 'symbol';

export interface KnownFields {
  top: readonly string[];
  source: readonly string[];
}

/** The known field a misspelt one most likely meant, if it is close enough to be a typo. */
export function suggestField(key: string, fields: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const best = closest(lower, fields);
  const budget = Math.max(1, Math.min(2, Math.floor(best.length / 4)));
  return distance(lower, best) <= budget ? best : undefined;
}

/**
 * A YAML syntax error explained from the line it is on. The most common one by far is a
 * colon followed by a space inside an unquoted value (`title: Kazakhstan: the camps`).
 */
export function explainYamlError(message: string, lineText: string): Explained | undefined {
  const field = /^\s*(?:- )?([A-Za-z_]\w*):\s+(.*)$/.exec(lineText);
  if (field && /:\s/.test(field[2]!) && !/^["'[{>|]/.test(field[2]!)) {
    const [, key, value] = field as unknown as [string, string, string];
    const quoted = `"${value.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return {
      path: [key],
      message: `put the ${key} in quotes, because it contains a colon: ${key}: ${quoted}`,
    };
  }
  if (/Map keys must be unique/.test(message) && field) {
    return { path: [field[1]!], message: 'appears twice; keep one' };
  }
  if (/Tabs are not allowed/i.test(message)) {
    return { path: [], message: 'indent with spaces, not tabs' };
  }
  return undefined;
}

/** Why a URL is refused, in words that say what to change; `undefined` when it is fine. */
export function urlProblem(value: string): string | undefined {
  if (URL.canParse(value)) {
    return /^https?:$/.test(new URL(value).protocol) ? undefined : 'only http(s) URLs are allowed';
  }
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:]|$)/i.test(value) && URL.canParse(`https://${value}`)) {
    return `invalid URL: add https:// at the start (https://${value})`;
  }
  return 'invalid URL: it should look like https://example.org/page';
}
