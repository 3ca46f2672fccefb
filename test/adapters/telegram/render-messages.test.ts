import { describe, expect, it } from 'vitest';
import { renderBriefSingle, renderTelegram, telegramMessages } from '../../../src/adapters/telegram/render.js';
import type { Card, CardBlock } from '../../../src/core/card.js';
import { makeBrief } from '../../helpers/briefs.js';

const ref = (slug: string, title: string, date = '2024-01-01') => ({ slug, title, topic: 'water', date });
const NO_PREVIEW = { is_disabled: true };
const card = (fields: Partial<Card>): Card => ({ tone: 'info', private: false, blocks: [], buttons: [], ...fields });

describe('Telegram: whole messages of each reply kind', () => {
  it('a brief: title, byline and topics, then a blank line before the summary and each section', () => {
    const brief = makeBrief({ facts: ['One.', 'Two.'], updated: '2024-02-01', topics: ['water', 'aral-sea'] });
    expect(renderTelegram({ kind: 'brief', brief, related: [ref('other', 'Other story')] })).toEqual([
      {
        text: [
          '<b>A sample brief</b>',
          '<i>Example News · published 2024-01-15, updated 2024-02-01</i>',
          'Topics: water, aral-sea',
          '',
          'Something happened somewhere, and this is what it means.',
          '',
          '<b>Key facts</b>',
          '• One.',
          '• Two.',
          '',
          '<b>Sources</b>',
          '• <a href="https://example.org/report">Original report</a> (Example Wire, 2024-01-14)',
          '',
          '<a href="https://example.org/story">Read the original article</a> (Example News)',
          '',
          '<b>Related</b>',
          '• Other story <code>/brief other</code>',
        ].join('\n'),
        link_preview_options: { url: 'https://example.org/story', prefer_small_media: true },
        reply_markup: { inline_keyboard: [[{ text: 'Other story', callback_data: 'b:other' }]] },
      },
    ]);
  });

  it("labels an update in the reader's language", () => {
    const [message] = renderTelegram({ kind: 'brief', brief: makeBrief(), related: [], label: 'Updated', lang: 'ru' });
    expect(message!.text.split('\n')[0]).toBe('<b>[Обновлено] A sample brief</b>');
  });

  it('a list: numbered bold titles with their date and command, then the page and the next page command', () => {
    const items = [ref('a', 'Alpha'), ref('b', 'Beta', '2024-01-02')];
    expect(renderTelegram({ kind: 'list', title: 'Latest briefs', items, page: { number: 1, of: 2 } })).toEqual([
      {
        text: [
          '<b>Latest briefs</b>',
          '1. <b>Alpha</b> (2024-01-01) <code>/brief a</code>',
          '2. <b>Beta</b> (2024-01-02) <code>/brief b</code>',
          '',
          'Page 1 of 2. Next: <code>/latest 2</code>',
        ].join('\n'),
        link_preview_options: NO_PREVIEW,
        reply_markup: {
          inline_keyboard: [[{ text: '1. Alpha', callback_data: 'b:a' }], [{ text: '2. Beta', callback_data: 'b:b' }]],
        },
      },
    ]);
  });

  it('the last page of topics: bullets with counts, the page, the hint on its own paragraph, and no page buttons', () => {
    const items = [
      { topic: 'water', count: 3 },
      { topic: 'dams', count: 1 },
    ];
    expect(renderTelegram({ kind: 'topics', title: 'Topics', items, page: { number: 2, of: 2 } })).toEqual([
      {
        text: [
          '<b>Topics</b>',
          '• water (3)',
          '• dams (1)',
          '',
          'Page 2 of 2.',
          '',
          'Type <code>/brief &lt;topic&gt;</code> to read one.',
        ].join('\n'),
        link_preview_options: NO_PREVIEW,
      },
    ]);
  });

  it('a miss without suggestions: the query on one line, and where to look next right under it', () => {
    expect(renderTelegram({ kind: 'notFound', query: ' aral  \n\t sea ', suggestions: [] })).toEqual([
      {
        text: [
          '<b>No brief matches "aral sea".</b>',
          'Type <code>/topics</code> to see what there is, or <code>/search &lt;words&gt;</code> to look through every brief.',
        ].join('\n'),
        link_preview_options: NO_PREVIEW,
      },
    ]);
  });

  it('a miss with suggestions: a blank line, the heading, each suggestion with its command, and a button each', () => {
    expect(renderTelegram({ kind: 'notFound', query: 'aral', suggestions: [ref('aral-sea', 'The Aral Sea')] })).toEqual(
      [
        {
          text: [
            '<b>No brief matches "aral".</b>',
            '',
            '<b>Did you mean</b>',
            '• The Aral Sea <code>/brief aral-sea</code>',
          ].join('\n'),
          link_preview_options: NO_PREVIEW,
          reply_markup: { inline_keyboard: [[{ text: 'The Aral Sea', callback_data: 'b:aral-sea' }]] },
        },
      ],
    );
  });

  it('a text keeps its lines and one blank line between paragraphs, even a blank line holding spaces', () => {
    const text = 'Commands:\n/brief\n/topics\n\nType /help.\n  \nBye.';
    expect(renderTelegram({ kind: 'text', tone: 'info', text })).toEqual([
      { text: 'Commands:\n/brief\n/topics\n\nType /help.\n\nBye.', link_preview_options: NO_PREVIEW },
    ]);
  });

  it('a long text breaks between paragraphs, keeping a paragraph of several lines whole', () => {
    const first = 'a'.repeat(3000);
    const second = ['b'.repeat(600), 'c'.repeat(600)];
    const messages = renderTelegram({ kind: 'text', tone: 'info', text: `${first}\n\n${second.join('\n')}` });
    expect(messages.map((m) => m.text)).toEqual([first, second.join('\n')]);
  });
});

describe('Telegram: the mapping of any card', () => {
  const body = { type: 'text', text: 'Body.' } as const;

  it('reads a bare title as the first line of what follows, and sets a byline or topics apart from it', () => {
    expect(telegramMessages(card({ title: 'Title', blocks: [body] }))[0]!.text).toBe('<b>Title</b>\nBody.');
    expect(telegramMessages(card({ byline: 'By line', blocks: [body] }))[0]!.text).toBe('<i>By line</i>\n\nBody.');
    expect(telegramMessages(card({ title: 'Title', topics: ['water'], blocks: [body] }))[0]!.text).toBe(
      '<b>Title</b>\nTopics: water\n\nBody.',
    );
  });

  it('shows no bare heading for a list with no items', () => {
    const empty: CardBlock = { type: 'list', name: 'facts', heading: 'Key facts', items: [] };
    expect(telegramMessages(card({ title: 'Title', blocks: [body, empty] }))[0]!.text).toBe('<b>Title</b>\nBody.');
  });
});

describe('Telegram: the one-message form used inline', () => {
  it('shows the facts but not the sources', () => {
    const message = renderBriefSingle(makeBrief());
    expect(message.text).toBe(
      [
        '<b>A sample brief</b>',
        '<i>Example News · published 2024-01-15</i>',
        'Topics: sample',
        '',
        'Something happened somewhere, and this is what it means.',
        '',
        '<b>Key facts</b>',
        '• It happened on 15 January 2024.',
        '',
        '<a href="https://example.org/story">Read the original article</a> (Example News)',
      ].join('\n'),
    );
  });

  it('drops facts, not the article, to fit: the message still ends with the previewed article link', () => {
    const facts = Array.from({ length: 30 }, (_, i) => `Fact ${i + 1}: ${'word '.repeat(40).trim()}.`);
    const message = renderBriefSingle(makeBrief({ facts }));
    expect(message.text).toMatch(
      /Fact 1: [\s\S]*<a href="https:\/\/example.org\/story">Read the original article<\/a> \(Example News\)$/,
    );
    expect(message.link_preview_options).toEqual({ url: 'https://example.org/story', prefer_small_media: true });
  });

  it('shows no facts when even the brief without them is longer than a message', () => {
    // The summary leaves room for a short fact but not for the article line after it.
    const summary = 'x'.repeat(4000);
    const message = renderBriefSingle(makeBrief({ summary, facts: ['A.', 'B.'] }));
    expect(message.text).toBe(
      ['<b>A sample brief</b>', '<i>Example News · published 2024-01-15</i>', 'Topics: sample', '', summary].join('\n'),
    );
    expect(message.link_preview_options).toEqual(NO_PREVIEW);
  });
});
