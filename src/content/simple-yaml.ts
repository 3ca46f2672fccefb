/**
 * A fast reader for the plain shape front matter nearly always has: top-level keys with
 * plain, quoted, flow-list or folded (`>`) values, and block lists of scalars or of flat
 * maps. It gives exactly what the `yaml` package gives for that shape, and `undefined` for
 * anything else (comments, anchors, tags, numbers, nulls, multi-line plain text, odd
 * indentation...), in which case the caller parses with `yaml` as before. Errors are
 * always reported by the `yaml` path, so their positions and wording do not change.
 */
export type Plain = string | boolean | Plain[] | { [key: string]: Plain };

class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;
const UNSAFE_CHARS = /[\x00-\x09\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`.+~]/;
const DATE_LIKE = /^\d{4}-\d{2}(?:-\d{2})?$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;

export function parseSimpleYaml(text: string): Record<string, Plain> | undefined {
  // Trailing spaces mean different things in plain and block text: leave them to yaml.
  if (UNSAFE_CHARS.test(text) || / \n| $/.test(text)) return undefined;
  try {
    return new Reader(text.split('\n')).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** A plain (unquoted) scalar, when YAML's core schema surely reads it as this string or boolean. */
function plain(value: string, inFlow: boolean): string | boolean {
  if (value === '' || INDICATOR_START.test(value)) bail();
  if (value.includes(': ') || value.endsWith(':') || value.includes(' #')) bail();
  if (inFlow && /[:[\]{},]/.test(value)) bail();
  if (TRUE.test(value)) return true;
  if (FALSE.test(value)) return false;
  if (/^(?:null|Null|NULL)$/.test(value)) bail();
  // A lone number-like word may be an int or float in the core schema; with a space it is text.
  if (/^\d[\w.+:-]*$/.test(value) && !DATE_LIKE.test(value)) bail();
  return value;
}

/** A scalar on one line: double-quoted (JSON's escapes only), single-quoted, or plain. */
function scalar(value: string): string | boolean {
  if (value.startsWith('"')) {
    if (value.length < 2 || !value.endsWith('"') || value.includes('\\u')) bail();
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      bail();
    }
    return typeof parsed === 'string' ? parsed : bail();
  }
  if (value.startsWith("'")) {
    const inner = value.slice(1, -1);
    if (value.length < 2 || !value.endsWith("'") || !/^(?:[^']|'')*$/.test(inner)) bail();
    return inner.replace(/''/g, "'");
  }
  return plain(value, false);
}

class Reader {
  private at = 0;

  constructor(private readonly lines: readonly string[]) {}

  document(): Record<string, Plain> {
    const out: Record<string, Plain> = {};
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line === '') {
        this.at++;
        continue;
      }
      const match = KEY_LINE.exec(line) ?? bail();
      const key = match[1]!;
      if (key === '__proto__' || Object.hasOwn(out, key)) bail();
      this.at++;
      out[key] = this.value(match[2]);
    }
    if (Object.keys(out).length === 0) bail();
    return out;
  }

  private value(rest: string | undefined): Plain {
    if (rest === undefined) return this.blockList();
    if (rest === '>') return this.folded();
    if (rest.startsWith('[')) return this.flowList(rest);
    return scalar(rest);
  }

  private flowList(rest: string): Plain[] {
    if (!rest.endsWith(']')) bail();
    const inner = rest.slice(1, -1).trim();
    if (inner === '') return [];
    return inner.split(',').map((item) => plain(item.trim(), true));
  }

  /** `>` with clip chomping: lines at one indentation joined by spaces, one final newline. */
  private folded(): string {
    const first = this.lines[this.at];
    const indent = first ? indentOf(first) : 0;
    if (indent === 0) bail();
    const parts: string[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line === '' || indentOf(line) < indent) break;
      if (indentOf(line) > indent) bail();
      parts.push(line.slice(indent));
      this.at++;
    }
    return `${parts.join(' ')}\n`;
  }

  /** `- item` lines at one indentation; items are scalars or flat `key: scalar` maps. */
  private blockList(): Plain[] {
    const first = this.lines[this.at] ?? bail();
    const indent = indentOf(first);
    const items: Plain[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (indentOf(line) !== indent || !line.startsWith('- ', indent)) break;
      this.at++;
      const rest = line.slice(indent + 2).trimStart();
      if (line[indent + 2] === ' ') bail();
      const pair = KEY_LINE.exec(rest);
      items.push(pair ? this.flatMap(pair, indent + 2) : scalar(rest));
    }
    if (items.length === 0) bail();
    return items;
  }

  private flatMap(first: RegExpExecArray, indent: number): Record<string, Plain> {
    const out: Record<string, Plain> = {};
    let pair: RegExpExecArray | null = first;
    while (pair) {
      const key = pair[1]!;
      if (key === '__proto__' || Object.hasOwn(out, key) || pair[2] === undefined || pair[2] === '>') bail();
      if (pair[2]!.startsWith('[')) bail();
      out[key] = scalar(pair[2]!);
      const next: string | undefined = this.lines[this.at];
      if (next === undefined || indentOf(next) !== indent) break;
      pair = KEY_LINE.exec(next.slice(indent)) ?? bail();
      this.at++;
    }
    return out;
  }
}
