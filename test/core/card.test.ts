import { describe, expect, it } from 'vitest';
import { toRef } from '../../src/content/brief.js';
import { translator } from '../../src/core/i18n/index.js';
import { byline, toCard } from '../../src/core/to-card.js';
import { makeBrief } from '../helpers/briefs.js';

describe('toCard', () => {
  it('lays out a brief once: byline, summary, facts, sources with their details, article, related', () => {
    const brief = makeBrief({ updated: '2024-02-01' });
    const related = toRef(makeBrief({ slug: 'other', title: 'Other story' }));
    const card = toCard({ kind: 'brief', brief, related: [related], label: 'New' });
    expect(card).toMatchObject({
      tone: 'info',
      private: false,
      title: 'A sample brief',
      label: 'New',
      byline: 'Example News · published 2024-01-15, updated 2024-02-01',
      date: '2024-02-01',
      accent: 'sample',
    });
    expect(card.blocks.map((b) => (b.type === 'list' ? b.name : b.type))).toEqual([
      'text',
      'facts',
      'sources',
      'article',
      'related',
    ]);
    const sources = card.blocks.find((b) => b.type === 'list' && b.name === 'sources');
    expect(sources).toMatchObject({
      items: [{ text: 'Original report', detail: 'Example Wire, 2024-01-14', url: 'https://example.org/report' }],
    });
    expect(card.buttons).toEqual([
      [{ label: 'Original report', url: 'https://example.org/report' }],
      [{ label: 'Other story', action: { command: 'brief', option: 'topic', value: 'other' } }],
    ]);
  });

  it('leaves out empty lists and a byline update on the day of publication', () => {
    const card = toCard({ kind: 'brief', brief: makeBrief({ sources: [], updated: '2024-01-15' }), related: [] });
    expect(card.blocks.some((b) => b.type === 'list' && (b.name === 'sources' || b.name === 'related'))).toBe(false);
    expect(byline(makeBrief({ updated: '2024-01-15' }), translator('en'))).toBe('Example News · published 2024-01-15');
  });

  it('pages topics with a line and with Previous and Next where they lead somewhere', () => {
    const first = toCard({
      kind: 'topics',
      title: 'Topics',
      items: [{ topic: 'a', count: 1 }],
      page: { number: 1, of: 2 },
    });
    expect(first.blocks).toContainEqual({ type: 'paging', number: 1, of: 2, command: 'topics' });
    expect(first.buttons).toEqual([[{ label: 'Next', action: { command: 'topics', option: 'page', value: '2' } }]]);
    const only = toCard({ kind: 'topics', title: 'Topics', items: [], page: { number: 1, of: 1 } });
    expect(only.blocks.some((b) => b.type === 'paging')).toBe(false);
  });

  it('keeps misses, usage and errors private, with the query on one line and cut at 80', () => {
    const miss = toCard({ kind: 'notFound', query: `a\n${'b'.repeat(100)}`, suggestions: [] });
    expect(miss).toMatchObject({ tone: 'usage', private: true, title: `No brief matches "a ${'b'.repeat(78)}…".` });
    expect(miss.blocks[0]?.type).toBe('hint');
    expect(toCard({ kind: 'text', tone: 'error', text: 'x' }).private).toBe(true);
    expect(toCard({ kind: 'text', tone: 'info', text: 'x' }).private).toBe(false);
  });
});
