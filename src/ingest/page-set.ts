import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeInput } from './decode.js';
import { checkDraft, checkRefusal, type ErrorClass, type PageTruth } from './draft-checks.js';
import { IngestError } from './errors.js';
import { ingest } from './ingest.js';

export interface PageReport {
  name: string;
  errors: Map<ErrorClass, number>;
  /** The one-sentence refusal, when the tool wrote nothing. */
  refused?: string;
}

/**
 * Runs ingest over a folder of saved pages (`<name>/page.html` with the
 * editor's `<name>/expected.json`) and counts each page's errors.
 */
export async function evaluatePages(dir: string): Promise<PageReport[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const reports: PageReport[] = [];
  for (const name of names) {
    const truth = JSON.parse(await readFile(join(dir, name, 'expected.json'), 'utf8')) as PageTruth;
    const bytes = await readFile(join(dir, name, 'page.html'));
    const input = { ...decodeInput(bytes, `${name}/page.html`, { kind: 'html' }), name: `${name}/page.html` };
    try {
      reports.push({ name, errors: checkDraft(ingest(input, { today: '2024-01-01' }), truth) });
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      reports.push({ name, errors: checkRefusal(truth), refused: err.message });
    }
  }
  return reports;
}

/** Per class: the number of errors over the set and the number of pages showing it. */
export function totals(reports: readonly PageReport[]): Map<ErrorClass, { errors: number; pages: number }> {
  const out = new Map<ErrorClass, { errors: number; pages: number }>();
  for (const { errors } of reports) {
    for (const [kind, n] of errors) {
      const t = out.get(kind) ?? { errors: 0, pages: 0 };
      out.set(kind, { errors: t.errors + n, pages: t.pages + 1 });
    }
  }
  return out;
}
