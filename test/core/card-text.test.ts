import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/card.js';
import { cardText } from '../../src/core/render-text.js';

const card = (over: Partial<Card>): Card => ({ tone: 'info', private: false, blocks: [], buttons: [], ...over });

describe('cardText: a card as plain text', () => {
  it('reads a bare title as the first line of what follows, and sets a fuller head apart with a blank line', () => {
    const blocks: Card['blocks'] = [{ type: 'text', text: 'Body.' }];
    expect(cardText(card({ title: 'Title', blocks }))).toBe('Title\nBody.');
    expect(cardText(card({ title: 'Title', topics: ['a', 'b'], blocks }))).toBe('Title\nTopics: a, b\n\nBody.');
    expect(cardText(card({ title: 'Title', byline: 'By line', blocks }))).toBe('Title\nBy line\n\nBody.');
    expect(cardText(card({ byline: 'By line', blocks }))).toBe('By line\n\nBody.');
    expect(cardText(card({ blocks }))).toBe('Body.');
  });

  it('separates every later block with a blank line', () => {
    const text = cardText(
      card({
        title: 'T',
        blocks: [
          { type: 'text', text: 'One.' },
          { type: 'hint', parts: ['Type ', { command: '/help' }, '.'] },
        ],
      }),
    );
    expect(text).toBe('T\nOne.\n\nType /help.');
  });

  it('writes the label, in the reader’s words when given', () => {
    expect(cardText(card({ title: 'T', label: 'New' }))).toBe('[New] T');
    expect(cardText(card({ title: 'T', label: 'New', labelText: 'Новое' }))).toBe('[Новое] T');
  });

  it('lists items with bullets or numbers, details in brackets, actions and links on their own line', () => {
    const text = cardText(
      card({
        blocks: [
          {
            type: 'list',
            name: 'items',
            numbered: true,
            items: [
              { text: 'First', detail: '2024-01-01', action: { command: 'brief', option: 'topic', value: 'first' } },
              { text: 'Second' },
            ],
          },
          { type: 'list', name: 'sources', heading: 'Sources', items: [{ text: 'Wire', url: 'https://w.example' }] },
        ],
      }),
    );
    expect(text).toBe(
      ['1. First (2024-01-01) - /brief first', '2. Second', '', 'Sources:', '  • Wire', '    https://w.example'].join(
        '\n',
      ),
    );
  });

  it('shows the article address and the page, with the next page only before the last', () => {
    expect(cardText(card({ blocks: [{ type: 'article', url: 'https://e.org/a', publisher: 'E' }] }))).toBe(
      'Original article: https://e.org/a',
    );
    expect(cardText(card({ blocks: [{ type: 'paging', number: 1, of: 2, command: 'topics' }] }))).toBe(
      'Page 1 of 2. Next: /topics 2',
    );
    expect(cardText(card({ blocks: [{ type: 'paging', number: 2, of: 2, command: 'topics' }] }))).toBe('Page 2 of 2.');
  });
});
