import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import type { Brief } from './brief.js';
import { describePath, explainIssues, explainYamlError, type FieldPath } from './explain.js';
import { frontMatterProblem } from './limits.js';
import { KNOWN_FIELDS, LIMITS, frontMatterSchema, type FrontMatter } from './schema.js';
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

/** `['sources', 1, 'url']` -> `url of source 2` (positions counted from 1). */
export const formatPath = describePath;

const FENCE = /^---[ \t]*$/m;

type Split = { yaml: string; body: string; yamlLine: number } | 'no-front-matter' | 'no-closing-fence';

function splitFrontMatter(text: string): Split {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*(?:\n|$)/.test(src)) return 'no-front-matter';
  const afterOpen = src.indexOf('\n') + 1;
  if (afterOpen === 0) return 'no-closing-fence';
  const rest = src.slice(afterOpen);
  const close = FENCE.exec(rest);
  if (!close) return 'no-closing-fence';
  const bodyStart = rest.indexOf('\n', close.index);
  return {
    yaml: rest.slice(0, close.index),
    body: bodyStart < 0 ? '' : rest.slice(bodyStart + 1).trim(),
    yamlLine: 2,
  };
}

type Position = { line: number; column: number };

function positionOf(doc: Document, lines: LineCounter, path: FieldPath, firstLine: number): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return at(lines, node.range[0], firstLine);
  }
  return { line: firstLine, column: 1 };
}

/** Where the key of a field is written: an unknown field is pointed at by its name. */
function keyPositionOf(doc: Document, lines: LineCounter, path: FieldPath, firstLine: number): Position {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  const key = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1))?.key : undefined;
  return isScalar(key) && key.range ? at(lines, key.range[0], firstLine) : positionOf(doc, lines, path, firstLine);
}

function at(lines: LineCounter, offset: number, firstLine: number): Position {
  const pos = lines.linePos(offset);
  return { line: pos.line + firstLine - 1, column: pos.col };
}

function fromIssues(
  file: string,
  issues: z.core.$ZodIssue[],
  data: unknown,
  doc: Document,
  lines: LineCounter,
  firstLine: number,
): ContentError[] {
  return explainIssues(issues, data, KNOWN_FIELDS).map((e) => ({
    file,
    ...(e.atKey ? keyPositionOf : positionOf)(doc, lines, e.path, firstLine),
    path: formatPath(e.path),
    message: e.message,
  }));
}

function fromYamlErrors(file: string, doc: Document, lines: LineCounter, yaml: string, firstLine: number) {
  const sourceLines = yaml.split('\n');
  const seen = new Set<number>();
  const errors: ContentError[] = [];
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    if (seen.has(pos.line)) continue;
    seen.add(pos.line);
    const explained = explainYamlError(e.message, sourceLines[pos.line - 1] ?? '');
    errors.push({
      file,
      line: pos.line + firstLine - 1,
      column: explained ? 1 : pos.col,
      path: explained ? formatPath(explained.path) : '',
      message: explained?.message ?? `invalid YAML: ${e.message.split('\n')[0]}`,
    });
  }
  return errors;
}

/** Parses and validates one content file; never throws on bad content. */
export function parseBriefFile(file: string, text: string): ParseResult {
  const fail = (message: string, line?: number): ParseResult => ({
    ok: false,
    errors: [{ file, ...(line === undefined ? {} : { line, column: 1 }), path: '', message }],
  });
  if (text.includes('\u0000')) return fail('is not a text file (contains NUL bytes)');
  const parts = splitFrontMatter(text);
  if (parts === 'no-front-matter') return fail('must start with YAML front matter between two "---" lines', 1);
  if (parts === 'no-closing-fence') {
    return fail('the front matter opened by "---" on line 1 is never closed: add a line "---" after the last field', 1);
  }
  if (parts.body.length > LIMITS.body) return fail(`body: at most ${LIMITS.body} characters`);
  const tooMuch = frontMatterProblem(parts.yaml);
  if (tooMuch) return fail(tooMuch, parts.yamlLine - 1);

  // Most files take the fast reader; anything unusual, and every error, goes through `yaml`.
  const simple = parseSimpleYaml(parts.yaml);
  const quick = simple === undefined ? undefined : frontMatterSchema.safeParse(simple);
  if (quick?.success) return toBrief(file, quick.data, parts.body);

  const lines = new LineCounter();
  const doc = parseDocument(parts.yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, errors: fromYamlErrors(file, doc, lines, parts.yaml, parts.yamlLine) };
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
  // A translation beside its original (ru/x.md next to x.md) is x-ru unless it names its slug.
  const slug = fm.slug ?? (fm.translationOf ? `${fm.translationOf}-${fm.lang.toLowerCase()}` : baseName.toLowerCase());
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > LIMITS.slug) {
    return fail(`slug: the file name "${baseName}" is not a valid slug; add a slug field (lowercase letters, digits, hyphens)`);
  }
  const brief: Brief = {
    title: fm.title,
    slug,
    published: fm.published,
    ...(fm.updated === undefined ? {} : { updated: fm.updated }),
    lang: fm.lang,
    ...(fm.translationOf === undefined ? {} : { translationOf: fm.translationOf }),
    ...(fm.aliases.length === 0 ? {} : { aliases: [...new Set(fm.aliases)] }),
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
