import { describe, expect, it } from 'vitest';
import { toCard } from '../../src/core/to-card.js';
import { makeBrief } from '../helpers/briefs.js';

const open = (slug: string) => ({ command: 'brief', option: 'topic', value: slug });
const ref = (slug: string, title: string, date = '2024-01-01') => ({ slug, title, topic: 'water', date });

describe('toCard: the whole layout of each reply kind', () => {
  it('a compact brief: public, coloured by its first topic, the first sentence, the article, one button', () => {
    const brief = makeBrief({ topics: ['water', 'dams'], summary: 'First. Second.' });
    expect(toCard({ kind: 'brief', brief, related: [], format: 'compact' })).toEqual({
      tone: 'info',
      private: false,
      title: 'A sample brief',
      lang: 'en',
      url: 'https://example.org/story',
      date: '2024-01-15',
      accent: 'water',
      blocks: [
        { type: 'text', text: 'First.' },
        { type: 'article', url: 'https://example.org/story', publisher: 'Example News' },
      ],
      buttons: [[{ label: 'Full brief', action: open('sample-brief') }]],
    });
  });

  it('a list: public, its items numbered with date and command, the first ones as buttons', () => {
    expect(toCard({ kind: 'list', title: 'Latest', items: [ref('a', 'Alpha')] })).toEqual({
      tone: 'info',
      private: false,
      title: 'Latest',
      blocks: [
        {
          type: 'list',
          name: 'items',
          items: [{ text: 'Alpha', detail: '2024-01-01', action: open('a') }],
          numbered: true,
        },
      ],
      buttons: [[{ label: '1. Alpha', action: open('a') }]],
    });
  });

  it('topics: public, each with its count, then how to read one', () => {
    expect(toCard({ kind: 'topics', title: 'Topics', items: [{ topic: 'water', count: 3 }] })).toEqual({
      tone: 'info',
      private: false,
      title: 'Topics',
      blocks: [
        { type: 'list', name: 'topics', items: [{ text: 'water', detail: '3' }] },
        { type: 'hint', parts: ['Type ', { command: '/brief <topic>' }, ' to read one.'] },
      ],
      buttons: [[]],
    });
  });

  it('a miss without suggestions says where else to look, its commands set apart', () => {
    expect(toCard({ kind: 'notFound', query: 'aral', suggestions: [] }).blocks).toEqual([
      {
        type: 'hint',
        parts: [
          'Type ',
          { command: '/topics' },
          ' to see what there is, or ',
          { command: '/search <words>' },
          ' to look through every brief.',
        ],
      },
    ]);
  });

  it("names the missing and the shown languages in the reader's language", () => {
    const brief = makeBrief({ lang: 'en' });
    const fallback = { wanted: 'ru', available: ['en', 'de'] };
    expect(toCard({ kind: 'brief', brief, related: [], lang: 'ru', fallback }).blocks[0]).toEqual({
      type: 'text',
      text: 'На языке «русский» пока нет: показано на языке «английский». Есть на языках: английский, немецкий.',
    });
  });
});
