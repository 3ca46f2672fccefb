import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeInput } from '../src/ingest/decode.js';
import { ERROR_CLASSES, checkDraft, type ErrorClass } from '../src/ingest/draft-checks.js';
import { meanScores, rouge, type RougeScores } from '../src/ingest/evaluate.js';
import { ingest } from '../src/ingest/ingest.js';
import { evaluatePages, totals } from '../src/ingest/page-set.js';
import { leadSummary } from '../src/ingest/summary.js';

/**
 * Scores the ingest summary against editors' descriptions of the fixture pages
 * (test/fixtures/ingest/references.json), beside the plain lead: the body's
 * first sentences within the same 600-character budget.
 */
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'ingest');
const references = JSON.parse(await readFile(join(dir, 'references.json'), 'utf8')) as Record<string, string>;

const fmt = (s: RougeScores) => [s.rouge1, s.rouge2, s.rougeL].map((v) => v.toFixed(3).padStart(6)).join(' ');
const lead: RougeScores[] = [];
const ours: RougeScores[] = [];
const errors = new Map<string, Map<ErrorClass, number>>();

console.log(
  `${'page'.padEnd(26)} ${'lead: R-1    R-2    R-L'.padStart(24)}   ${'ingest: R-1    R-2    R-L'.padStart(26)}`,
);
for (const [name, reference] of Object.entries(references)) {
  const bytes = await readFile(join(dir, name));
  const input = { ...decodeInput(bytes, name, { kind: name.endsWith('.html') ? 'html' : 'text' }), name };
  const result = ingest(input);
  const a = rouge(leadSummary(result.sentences), reference);
  const b = rouge(result.summary, reference);
  errors.set(name, checkDraft(result));
  lead.push(a);
  ours.push(b);
  console.log(`${name.padEnd(26)} ${fmt(a).padStart(24)}   ${fmt(b).padStart(26)}`);
}
console.log(
  `${`mean of ${ours.length}`.padEnd(26)} ${fmt(meanScores(lead)).padStart(24)}   ${fmt(meanScores(ours)).padStart(26)}`,
);

const classes = Object.keys(ERROR_CLASSES) as ErrorClass[];
const perPage = (name: string, found: ReadonlyMap<ErrorClass, number>, note = '') => {
  const list = classes.filter((c) => found.has(c)).map((c) => `${c} ${found.get(c)}`);
  console.log(`${name.padEnd(26)} ${list.length === 0 ? 'none' : list.join(', ')}${note}`);
};
const overSet = (pages: number, sum: ReturnType<typeof totals>) => {
  console.log(`\nover the ${pages} pages`);
  for (const c of classes) {
    const t = sum.get(c) ?? { errors: 0, pages: 0 };
    console.log(
      `${c.padEnd(22)} ${String(t.errors).padStart(3)} in ${t.pages} page${t.pages === 1 ? '' : 's'}  ${ERROR_CLASSES[c]}`,
    );
  }
};

// What editors would still repair, per page and over the set: first the pages written for the tests.
console.log(`\nerrors to repair, per page (${classes.join(', ')})`);
for (const [name, found] of errors) perPage(name, found);
overSet(errors.size, totals([...errors.values()].map((e) => ({ name: '', errors: e }))));

// Then real pages of several publishers, checked against what an editor found on each.
const pagesDir = join(import.meta.dirname, '..', 'test', 'fixtures', 'ingest-pages');
const reports = await evaluatePages(pagesDir);
console.log(`\nreal pages (test/fixtures/ingest-pages), errors per page`);
for (const r of reports)
  perPage(r.name, r.errors, r.refused ? `  [refused: ${r.refused.replace(/^[^:]*: /, '')}]` : '');
overSet(reports.length, totals(reports));
