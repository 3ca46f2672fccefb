import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/ingest/decode.js';
import { checkDraft, type PageTruth } from '../../src/ingest/draft-checks.js';
import { ingest } from '../../src/ingest/ingest.js';
import { evaluatePages, totals } from '../../src/ingest/page-set.js';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'ingest-pages');

async function page(name: string) {
  const bytes = await readFile(join(PAGES, name, 'page.html'));
  const truth = JSON.parse(await readFile(join(PAGES, name, 'expected.json'), 'utf8')) as PageTruth;
  return { result: ingest({ ...decodeInput(bytes, name, { kind: 'html' }), name }, { today: '2024-01-01' }), truth };
}

describe('drafts of twelve real news pages (test/fixtures/ingest-pages)', () => {
  it('show none of the errors editors repair, and the front page is refused', { timeout: 60_000 }, async () => {
    const reports = await evaluatePages(PAGES);
    expect(reports).toHaveLength(12);
    const found = Object.fromEntries([...totals(reports)].map(([kind, t]) => [kind, t.errors]));
    expect(found).toEqual({});
    const refused = reports.filter((r) => r.refused).map((r) => [r.name, r.refused]);
    expect(refused).toEqual([
      ['yahoo-news-front', expect.stringMatching(/no article found; this looks like a home page or section front/)],
    ]);
  });

  it('counts an error when the draft and the page disagree, so the check can fail', async () => {
    const { result, truth } = await page('washington-post');
    expect(checkDraft(result, truth).size).toBe(0);
    const errors = checkDraft(result, { ...truth, published: '2015-03-19', publisher: 'Daily Planet', opinion: true });
    expect([...errors.keys()].sort()).toEqual(['opinion-missed', 'wrong-date', 'wrong-publisher']);
    const split = { ...result, facts: [...result.facts, '"It was over in 5 minutes.', 'The 2 gunmen fled…'] };
    expect([...checkDraft(split, truth).keys()].sort()).toEqual(['fact-cut-off', 'unbalanced-quotes']);
  });

  it('finds the date in the address, the site name and the wire story on the Washington Post page', async () => {
    const { result } = await page('washington-post');
    expect(result.article).toMatchObject({ published: '2015-03-18', publisher: 'Washington Post' });
    expect(result.summary).toMatch(/^Gunmen opened fire on visitors at Tunisia’s most renowned museum/);
    expect(result.facts.length).toBeGreaterThanOrEqual(4);
  });

  it("keeps the Guardian's photo captions out and flags its bare link texts", async () => {
    const { result } = await page('guardian');
    for (const text of [result.summary, ...result.facts])
      expect(text).not.toMatch(/Buck Cullen with|Clockwise|parāoa whales/);
    expect(result.draft.todo.join('\n')).toMatch(/"scientists think".*only link text/);
  });
});
