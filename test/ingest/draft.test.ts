import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBriefFile } from '../../src/content/parse.js';
import type { Article } from '../../src/ingest/article.js';
import { buildDraft, type DraftInput } from '../../src/ingest/draft.js';
import { PLACEHOLDER } from '../../src/ingest/placeholders.js';

const base = (article: Partial<Article> = {}, extra: Partial<DraftInput> = {}): DraftInput => ({
  article: { paragraphs: ['x'], links: [], ...article },
  slug: 'a-draft',
  summary: 'The board approved the wharf. Work starts in spring.',
  facts: ['Work starts in 2026.'],
  attributions: [],
  topics: { keys: ['harbour'], suggested: false },
  origin: 'page.html',
  today: '2025-06-02',
  ...extra,
});

const parse = (text: string) => {
  const parsed = parseBriefFile('a-draft.md', text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return parsed.brief;
};

describe('buildDraft', () => {
  it('fills every unknown with a placeholder that validates, and says so', () => {
    const draft = buildDraft(base({}, { facts: [], topics: { keys: [], suggested: true } }));
    const brief = parse(draft.text);
    expect(brief).toMatchObject({
      draft: true,
      title: PLACEHOLDER.title,
      publisher: PLACEHOLDER.publisher,
      url: PLACEHOLDER.url,
      published: PLACEHOLDER.published,
      topics: [PLACEHOLDER.topic],
      facts: [PLACEHOLDER.fact],
    });
    expect(draft.todo.map((t) => t.split(':')[0])).toEqual([
      'title',
      'topics',
      'published',
      'publisher',
      'url',
      'facts',
      'summary and facts',
      'publish',
    ]);
    expect(draft.text.match(/# FILL IN/g)).toHaveLength(6);
  });

  it('lists sources named without links in a comment and in the to-do list', () => {
    const draft = buildDraft(
      base(
        { title: 'T', publisher: 'P', url: 'https://p.example/t', published: '2025-01-02' },
        {
          attributions: [
            { name: 'Harbour Wire', sentence: 'Bills rose, Harbour Wire reports.' },
            { name: '', sentence: 'It fell, writes, which adds more.' },
          ],
        },
      ),
    );
    expect(draft.text).toContain('#   - Harbour Wire: "Bills rose, Harbour Wire reports."');
    expect(draft.text).toContain('#   - (name missing in the text): "It fell, writes, which adds more."');
    expect(draft.todo).toContain('sources: add links for Harbour Wire (named in the text)');
    expect(parse(draft.text).sources).toEqual([]);
  });

  it('keeps YAML-hostile and oversized values valid', () => {
    const hostile = '---\nkey: value # not a comment\n"quoted" & *alias !tag @everyone <b>bold</b> \u0007bell';
    const draft = buildDraft(
      base(
        {
          title: hostile.repeat(40),
          publisher: hostile,
          url: 'https://p.example/a?b=c#d',
          published: '2025-01-02',
          links: [{ title: hostile, url: 'https://src.example/x', publisher: 'src.example' }],
        },
        { summary: hostile.repeat(100), facts: Array.from({ length: 20 }, () => hostile.repeat(10)) },
      ),
    );
    const brief = parse(draft.text);
    expect(brief.title.length).toBeLessThanOrEqual(200);
    expect(brief.summary.length).toBeLessThanOrEqual(1200);
    expect(brief.facts.length).toBeLessThanOrEqual(12);
    expect(brief.title.startsWith('--- key: value # not a comment "quoted" & *alias')).toBe(true);
    expect(brief.title).not.toContain('\u0007');
  });

  it('for any text the page could hold, the draft validates or nothing is returned', () => {
    const text = fc.string({ maxLength: 400 });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.array(text, { maxLength: 15 }),
        text,
        (title, publisher, summary, facts, linkTitle) => {
          const input = base(
            {
              title,
              publisher,
              published: '2024-02-29',
              links: [{ title: linkTitle, url: 'https://src.example/', publisher: 'src.example' }],
            },
            { summary: summary.trim() ? summary : 'A summary sentence.', facts },
          );
          let draft;
          try {
            draft = buildDraft(input);
          } catch (err) {
            // Only a summary left empty once control characters go may refuse; it must say so plainly.
            expect((err as Error).message).toMatch(/would not validate \(summary/);
            return;
          }
          parse(draft.text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
