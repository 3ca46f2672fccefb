import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/content/brief.js';
import { isLinkButton, pagingText } from '../../src/core/card.js';
import { oneLineSummary, sourceItem, toCard } from '../../src/core/to-card.js';
import { makeBrief } from '../helpers/briefs.js';

const ref = (i: number) => ({
  slug: `s${i}`,
  title: `Brief ${i}`,
  topic: 'water',
  date: `2024-01-${String(i).padStart(2, '0')}`,
});
const source = (i: number, url = `https://example.org/${i}`): Source => ({
  title: `Source ${i}`,
  publisher: 'Wire',
  url,
});

describe('toCard: briefs', () => {
  it('offers the first five sources with web links as buttons, and lists every source', () => {
    const sources = [source(1, 'ftp://example.org/1'), ...[2, 3, 4, 5, 6, 7].map((i) => source(i))];
    const card = toCard({ kind: 'brief', brief: makeBrief({ sources }), related: [] });
    expect(card.buttons[0]!.map((b) => b.label)).toEqual(['Source 2', 'Source 3', 'Source 4', 'Source 5']);
    const listed = card.blocks.find((b) => b.type === 'list' && b.name === 'sources');
    expect(listed?.type === 'list' && listed.items).toHaveLength(7);
  });

  it('shows a source with its publisher and date, either, or neither', () => {
    expect(sourceItem({ title: 'T', publisher: 'P', date: '2024-01-02', url: 'https://e.org' })).toEqual({
      text: 'T',
      detail: 'P, 2024-01-02',
      url: 'https://e.org',
    });
    expect(sourceItem({ title: 'T', url: 'https://e.org', publisher: '', date: '2024-01-02' })).toMatchObject({
      detail: '2024-01-02',
    });
    expect(sourceItem({ title: 'T', url: 'https://e.org' } as Source)).toEqual({ text: 'T', url: 'https://e.org' });
  });

  it('writes the label short and long, and colours by the first topic or else the slug', () => {
    const updated = toCard({ kind: 'brief', brief: makeBrief(), related: [], label: 'Updated' });
    expect(updated).toMatchObject({ label: 'Updated', labelText: 'Updated', labelLong: 'Updated brief' });
    const fresh = toCard({ kind: 'brief', brief: makeBrief(), related: [], label: 'New' });
    expect(fresh).toMatchObject({ labelText: 'New', labelLong: 'New brief' });
    expect(toCard({ kind: 'brief', brief: makeBrief(), related: [] })).not.toHaveProperty('labelText');
    expect(toCard({ kind: 'brief', brief: makeBrief({ topics: [] }), related: [] }).accent).toBe('sample-brief');
  });

  it('turns link previews off only when the subscription said so', () => {
    expect(toCard({ kind: 'brief', brief: makeBrief(), related: [], linkPreviews: false }).linkPreviews).toBe(false);
    expect(toCard({ kind: 'brief', brief: makeBrief(), related: [], linkPreviews: true })).not.toHaveProperty(
      'linkPreviews',
    );
  });

  it('labels a short form too, short and long', () => {
    const updated = toCard({ kind: 'brief', brief: makeBrief(), related: [], format: 'headline', label: 'Updated' });
    expect(updated).toMatchObject({ label: 'Updated', labelText: 'Updated', labelLong: 'Updated brief' });
    const fresh = toCard({ kind: 'brief', brief: makeBrief(), related: [], format: 'compact', label: 'New' });
    expect(fresh).toMatchObject({ label: 'New', labelText: 'New', labelLong: 'New brief' });
  });

  it('compact: the first sentence, the article and a button for the full brief; headline: the article only', () => {
    const brief = makeBrief({ summary: 'First sentence. Second one.' });
    const compact = toCard({ kind: 'brief', brief, related: [], format: 'compact', label: 'New' });
    expect(compact.blocks).toEqual([
      { type: 'text', text: 'First sentence.' },
      { type: 'article', url: brief.url, publisher: brief.publisher },
    ]);
    expect(compact.label).toBe('New');
    expect(compact.buttons).toEqual([
      [{ label: 'Full brief', action: { command: 'brief', option: 'topic', value: brief.slug } }],
    ]);
    const headline = toCard({ kind: 'brief', brief, related: [], format: 'headline' });
    expect(headline.blocks.map((b) => b.type)).toEqual(['article']);
    expect(headline.buttons).toEqual([]);
    expect(headline).not.toHaveProperty('label');
  });
});

describe('oneLineSummary', () => {
  it('takes the first sentence, on one line', () => {
    expect(oneLineSummary('Dams  rise.\nRivers fall.')).toBe('Dams rise.');
    expect(oneLineSummary('What now? Nobody knows.')).toBe('What now?');
    expect(oneLineSummary('No full stop here')).toBe('No full stop here');
    expect(oneLineSummary('Version 2.5 ships. Then more.')).toBe('Version 2.5 ships.');
    expect(oneLineSummary('  No full stop, spaces around\n')).toBe('No full stop, spaces around');
  });

  it('keeps 200 characters whole and cuts 201 to 199 and an ellipsis', () => {
    expect(oneLineSummary('x'.repeat(200))).toBe('x'.repeat(200));
    expect(oneLineSummary('x'.repeat(201))).toBe(`${'x'.repeat(199)}…`);
  });
});

describe('toCard: lists, topics, misses', () => {
  it('numbers list items, offers the first ten as buttons in rows of five, and pages /latest', () => {
    const items = Array.from({ length: 12 }, (_, i) => ref(i + 1));
    const card = toCard({ kind: 'list', title: 'Latest', items, page: { number: 1, of: 2 } });
    expect(card.buttons.map((row) => row.length)).toEqual([5, 5]);
    expect(card.buttons[1]![4]!.label).toBe('10. Brief 10');
    expect(card.blocks[0]).toMatchObject({ type: 'list', numbered: true });
    expect(card.blocks[1]).toEqual({ type: 'paging', number: 1, of: 2, command: 'latest' });
  });

  it('offers Previous on the last page, both in the middle', () => {
    const topics = (number: number) =>
      toCard({ kind: 'topics', title: 'Topics', items: [], page: { number, of: 3 } }).buttons[0]!.map((b) =>
        isLinkButton(b) ? b.url : `${b.label} ${b.action.value}`,
      );
    expect(topics(2)).toEqual(['Previous 1', 'Next 3']);
    expect(topics(3)).toEqual(['Previous 2']);
  });

  it('keeps a query of exactly 80 characters whole', () => {
    const miss = toCard({ kind: 'notFound', query: 'q'.repeat(80), suggestions: [] });
    expect(miss.title).toBe(`No brief matches "${'q'.repeat(80)}".`);
  });

  it('offers suggestions as a list and as buttons', () => {
    const miss = toCard({ kind: 'notFound', query: 'x', suggestions: [ref(1)] });
    expect(miss.blocks).toEqual([
      {
        type: 'list',
        name: 'suggestions',
        heading: 'Did you mean',
        items: [{ text: 'Brief 1', action: { command: 'brief', option: 'topic', value: 's1' } }],
        offeredAsButtons: true,
      },
    ]);
    expect(miss.buttons).toEqual([[{ label: 'Brief 1', action: { command: 'brief', option: 'topic', value: 's1' } }]]);
  });
});

describe('pagingText', () => {
  it('names the next page only before the last', () => {
    expect(pagingText({ number: 1, of: 2, command: 'topics' })).toEqual({ page: 'Page 1 of 2', next: '/topics 2' });
    expect(pagingText({ number: 2, of: 2, command: 'topics' })).toEqual({ page: 'Page 2 of 2' });
  });
});
