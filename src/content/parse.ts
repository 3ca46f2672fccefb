import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { Brief } from './brief.js';
import { frontMatterProblem } from './limits.js';
import { LIMITS, frontMatterSchema, type FrontMatter } from './schema.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** One problem in one content file, positioned for an editor. */
export interface ContentError {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

export type ParseResult = { ok: true; brief: Brief } | { ok: false; errors: ContentError[] };

export function formatContentError(e: ContentError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  return e.path ? `${where} ${e.path}: ${e.message}` : `${where} ${e.message}`;
}

/** `['sources', 1, 'url']` -> `sources[1].url` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

const FENCE = /^---[ \t]*$/m;

function splitFrontMatter(text: string): { yaml: string; body: string; yamlLine: number } | undefined {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(src)) return undefined;
  const afterOpen = src.indexOf('\n') + 1;
  const rest = src.slice(afterOpen);
  const close = FENCE.exec(rest);
  if (!close) return undefined;
  const bodyStart = rest.indexOf('\n', close.index);
  return {
    yaml: rest.slice(0, close.index),
    body: bodyStart < 0 ? '' : rest.slice(bodyStart + 1).trim(),
    yamlLine: 2,
  };
}

function positionOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[], firstLine: number) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line + firstLine - 1, column: pos.col };
    }
  }
  return { line: firstLine, column: 1 };
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function fromIssues(
  file: string,
  issues: z.core.$ZodIssue[],
  data: unknown,
  doc: Document,
  lines: LineCounter,
  firstLine: number,
): ContentError[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const message =
      issue.code === 'invalid_type' && valueAt(data, path) == null
        ? 'is required'
        : issue.code === 'invalid_type'
          ? issue.message.replace(/^Invalid input: /, '')
        : issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
          : issue.message;
    return { file, ...positionOf(doc, lines, path, firstLine), path: formatPath(path), message };
  });
}

/** Parses and validates one content file; never throws on bad content. */
export function parseBriefFile(file: string, text: string): ParseResult {
  const fail = (message: string, line?: number): ParseResult => ({
    ok: false,
    errors: [{ file, ...(line === undefined ? {} : { line, column: 1 }), path: '', message }],
  });
  if (text.includes('\u0000')) return fail('is not a text file (contains NUL bytes)');
  const parts = splitFrontMatter(text);
  if (!parts) return fail('must start with YAML front matter between two "---" lines', 1);
  if (parts.body.length > LIMITS.body) return fail(`body: at most ${LIMITS.body} characters`);
  const tooMuch = frontMatterProblem(parts.yaml);
  if (tooMuch) return fail(tooMuch, parts.yamlLine - 1);

  // Most files take the fast reader; anything unusual, and every error, goes through `yaml`.
  const simple = parseSimpleYaml(parts.yaml);
  const quick = simple === undefined ? undefined : frontMatterSchema.safeParse(simple);
  if (quick?.success) return toBrief(file, quick.data, parts.body);

  const lines = new LineCounter();
  const doc = parseDocument(parts.yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          file,
          line: pos.line + parts.yamlLine - 1,
          column: pos.col,
          path: '',
          message: `invalid YAML: ${e.message.split('\n')[0]}`,
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    return fail(`invalid YAML: ${(error as Error).message}`, parts.yamlLine);
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: fromIssues(file, parsed.error.issues, data, doc, lines, parts.yamlLine) };

  return toBrief(file, parsed.data, parts.body);
}

function toBrief(file: string, fm: FrontMatter, body: string): ParseResult {
  const fail = (message: string): ParseResult => ({ ok: false, errors: [{ file, path: '', message }] });
  const baseName = file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
  const slug = fm.slug ?? baseName.toLowerCase();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > LIMITS.slug) {
    return fail(`slug: the file name "${baseName}" is not a valid slug; add a slug field (lowercase letters, digits, hyphens)`);
  }
  const brief: Brief = {
    title: fm.title,
    slug,
    published: fm.published,
    ...(fm.updated === undefined ? {} : { updated: fm.updated }),
    lang: fm.lang,
    publisher: fm.publisher,
    url: fm.url,
    summary: fm.summary,
    facts: fm.facts,
    draft: fm.draft,
    topics: [...new Set(fm.topics)],
    sources: fm.sources.map((s) => ({
      title: s.title,
      url: s.url,
      ...(s.publisher === undefined ? {} : { publisher: s.publisher }),
      ...(s.date === undefined ? {} : { date: s.date }),
    })),
    body,
    file,
  };
  return { ok: true, brief };
}
