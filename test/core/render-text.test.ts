import { describe, expect, it } from 'vitest';
import { toRef } from '../../src/content/brief.js';
import { renderText } from '../../src/core/render-text.js';
import { makeBrief } from '../helpers/briefs.js';

describe('renderText', () => {
  it('shows a brief with its facts, sources as full URLs, the article link and related briefs', () => {
    const brief = makeBrief({ updated: '2024-02-01' });
    const related = [toRef(makeBrief({ slug: 'other', title: 'Other story' }))];
    expect(renderText({ kind: 'brief', brief, related })).toBe(
      [
        'A sample brief',
        'Example News · published 2024-01-15, updated 2024-02-01',
        'Topics: sample',
        '',
        'Something happened somewhere, and this is what it means.',
        '',
        'Key facts:',
        '  • It happened on 15 January 2024.',
        '',
        'Sources:',
        '  • Original report (Example Wire, 2024-01-14)',
        '    https://example.org/report',
        '',
        'Original article: https://example.org/story',
        '',
        'Related:',
        '  • Other story - /brief other',
      ].join('\n'),
    );
  });

  it('marks subscription updates', () => {
    expect(renderText({ kind: 'brief', brief: makeBrief(), related: [], label: 'Updated' })).toMatch(
      /^\[Updated\] A sample brief\n/,
    );
  });

  it('shows misses with suggestions, or a way forward', () => {
    const suggestion = toRef(makeBrief());
    expect(renderText({ kind: 'notFound', query: 'smaple', suggestions: [suggestion] })).toBe(
      'No brief matches "smaple".\nDid you mean:\n  • A sample brief - /brief sample-brief',
    );
    expect(renderText({ kind: 'notFound', query: 'x'.repeat(200), suggestions: [] })).toContain(`"${'x'.repeat(80)}…"`);
  });

  it('shows lists and paged topics', () => {
    expect(renderText({ kind: 'list', title: 'Latest briefs', items: [toRef(makeBrief())] })).toBe(
      'Latest briefs\n1. A sample brief (2024-01-15) - /brief sample-brief',
    );
    const topics = renderText({
      kind: 'topics',
      title: 'Topics',
      items: [{ topic: 'water', count: 2 }],
      page: { number: 1, of: 3 },
    });
    expect(topics).toContain('  • water (2)');
    expect(topics).toContain('Page 1 of 3. Next: /topics 2');
  });
});
