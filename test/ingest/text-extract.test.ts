import { describe, expect, it } from 'vitest';
import { extractText, publisherFromFooter } from '../../src/ingest/text-extract.js';

const BODY = [
  'The harbour board approved the new wharf on Tuesday after a long debate about its cost.',
  'Work will begin in the spring and should take about two years to finish, the board said.',
];

describe('extractText', () => {
  it('reads title, standfirst and date in that order', () => {
    const a = extractText(
      ['Wharf approved', 'The board backs a new wharf at last.', '2 June 2025', '', ...BODY].join('\n'),
    );
    expect(a).toMatchObject({
      title: 'Wharf approved',
      standfirst: 'The board backs a new wharf at last.',
      published: '2025-06-02',
    });
    expect(a.paragraphs).toEqual(BODY);
  });

  it('reads a date straight after the title, and then the body', () => {
    const a = extractText(['Wharf approved', 'June 2, 2025', ...BODY].join('\n\n'));
    expect(a.title).toBe('Wharf approved');
    expect(a.standfirst).toBeUndefined();
    expect(a.published).toBe('2025-06-02');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('passes over a masthead that names the publisher', () => {
    const a = extractText(
      ['Harbour Weekly', 'Wharf approved', '2 June 2025', ...BODY, '© 2025 Harbour Weekly'].join('\n'),
    );
    expect(a.publisher).toBe('Harbour Weekly');
    expect(a.title).toBe('Wharf approved');
  });

  it('finds no title when the text starts with the story', () => {
    const a = extractText(BODY.join('\n\n'));
    expect(a.title).toBeUndefined();
    expect(a.paragraphs).toEqual(BODY);
  });

  it('joins lines a scraper wrapped in mid-sentence', () => {
    const a = extractText(
      [
        'Wharf approved',
        '',
        'The harbour board approved the new wharf on Tuesday after a',
        'long debate about its cost.',
      ].join('\n'),
    );
    expect(a.paragraphs).toEqual([BODY[0]]);
  });

  it('stops at what closes the article, and drops chrome inside it', () => {
    const a = extractText(
      [
        'Wharf approved',
        BODY[0],
        'The new wharf, seen from the water. Photo by Ana Silva',
        'Sign up for our newsletter',
        BODY[1],
        'Share this article',
        'A promo paragraph about a podcast series that is long enough to look like a real paragraph of prose.',
      ].join('\n'),
    );
    expect(a.paragraphs).toEqual(BODY);
  });

  it('keeps a sentence that only starts like a related-stories heading', () => {
    const line = 'Related charges against two contractors were dropped in 2021, the court heard on Monday.';
    expect(extractText(['Wharf approved', BODY[0], line].join('\n')).paragraphs).toEqual([BODY[0], line]);
  });

  it('takes a bare URL line near the top or bottom as the address', () => {
    const a = extractText(['https://harbourweekly.example/wharf', 'Wharf approved', ...BODY].join('\n'));
    expect(a.url).toBe('https://harbourweekly.example/wharf');
  });
});

describe('publisherFromFooter', () => {
  it.each([
    ['© Transit Weekly 2018. All rights reserved.', 'Transit Weekly'],
    ['© 2025 The Harbour Ledger. All rights reserved.', 'The Harbour Ledger'],
    ['Copyright 2020-2024 Northfield Post', 'Northfield Post'],
    ['(c) 2023 by Coast Media Ltd', 'Coast Media Ltd'],
  ])('%s -> %s', (line, name) => {
    expect(publisherFromFooter(line)).toBe(name);
  });

  it('finds no name in a bare year', () => {
    expect(publisherFromFooter('© 2024')).toBeUndefined();
  });
});
