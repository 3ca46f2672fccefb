import { describe, expect, it } from 'vitest';
import { COLOURS, topicColour } from '../../../src/adapters/discord/colour.js';
import { discordMessage, render } from '../../../src/adapters/discord/render.js';
import type { Card, CardBlock } from '../../../src/core/card.js';
import { makeBrief } from '../../helpers/briefs.js';

const ref = (slug: string, title: string, date = '2024-01-01') => ({ slug, title, topic: 'water', date });
const card = (fields: Partial<Card>): Card => ({ tone: 'info', private: false, blocks: [], buttons: [], ...fields });
const BLANK = '\u200b';
const briefButton = (label: string, slug: string) => ({ type: 2, style: 2, label, custom_id: `brief:topic=${slug}` });

describe('Discord: whole messages of each reply kind', () => {
  it('a brief: summary, facts and sources as fields, topics inline, related only as buttons', () => {
    const brief = makeBrief({ facts: ['One.', 'Two.'], topics: ['water', 'aral-sea'] });
    expect(render({ kind: 'brief', brief, related: [ref('other', 'Other story')] })).toStrictEqual({
      embeds: [
        {
          color: topicColour('water'),
          title: 'A sample brief',
          description: 'Something happened somewhere, and this is what it means.',
          fields: [
            { name: 'Key facts', value: '• One.\n• Two.' },
            { name: 'Sources', value: '• Original report (Example Wire, 2024-01-14)' },
            { name: 'Topics', value: 'water, aral-sea', inline: true },
          ],
          footer: { text: 'Example News · published 2024-01-15' },
          url: 'https://example.org/story',
          timestamp: '2024-01-15T00:00:00.000Z',
        },
      ],
      components: [
        { type: 1, components: [{ type: 2, style: 5, label: 'Original report', url: 'https://example.org/report' }] },
        { type: 1, components: [briefButton('Other story', 'other')] },
      ],
      ephemeral: false,
    });
  });

  it('a brief without topics has no Topics field', () => {
    const fields = render({ kind: 'brief', brief: makeBrief({ topics: [] }), related: [] }).embeds[0]!.fields;
    expect(fields?.map((f) => f.name)).toEqual(['Key facts', 'Sources']);
  });

  it('a list: public, in the info colour, numbered in the description, the page in the footer, no timestamp', () => {
    const items = [ref('a', 'Alpha'), ref('b', 'Beta', '2024-01-02')];
    expect(render({ kind: 'list', title: 'Latest briefs', items, page: { number: 1, of: 2 } })).toStrictEqual({
      embeds: [
        {
          color: COLOURS.info,
          title: 'Latest briefs',
          description: '**1.** Alpha (2024-01-01)\n**2.** Beta (2024-01-02)',
          footer: { text: 'Page 1 of 2' },
        },
      ],
      components: [{ type: 1, components: [briefButton('1. Alpha', 'a'), briefButton('2. Beta', 'b')] }],
      ephemeral: false,
    });
  });

  it('the last page of topics: bullets in the description, the page and the hint in the footer, Previous', () => {
    const items = [
      { topic: 'water', count: 3 },
      { topic: 'dams', count: 1 },
    ];
    expect(render({ kind: 'topics', title: 'Topics', items, page: { number: 2, of: 2 } })).toStrictEqual({
      embeds: [
        {
          color: COLOURS.info,
          title: 'Topics',
          description: '• water (3)\n• dams (1)',
          footer: { text: 'Page 2 of 2 · Type /brief <topic> to read one.' },
        },
      ],
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Previous', custom_id: 'topics:page=1' }] }],
      ephemeral: false,
    });
  });

  it('no topics at all: an empty description, and the hint stays in the footer', () => {
    expect(render({ kind: 'topics', title: 'Topics', items: [] }).embeds).toStrictEqual([
      {
        color: COLOURS.info,
        title: 'Topics',
        description: BLANK,
        footer: { text: 'Type /brief <topic> to read one.' },
      },
    ]);
  });

  it('a miss: only the asker sees it; the hint is the description, or the suggestions under their heading', () => {
    expect(render({ kind: 'notFound', query: 'aral', suggestions: [] })).toStrictEqual({
      embeds: [
        {
          color: COLOURS.usage,
          title: 'No brief matches "aral".',
          description: 'Type /topics to see what there is, or /search <words> to look through every brief.',
        },
      ],
      components: [],
      ephemeral: true,
    });
    const suggested = render({ kind: 'notFound', query: 'aral', suggestions: [ref('aral-sea', 'The Aral Sea')] });
    expect(suggested.embeds[0]!.description).toBe('Did you mean:\n• The Aral Sea');
    expect(suggested.components).toEqual([{ type: 1, components: [briefButton('The Aral Sea', 'aral-sea')] }]);
  });

  it('fills the description with whole lines up to 4,094 characters, then an ellipsis line', () => {
    // Lines of 80: 50 of them take 4,049 characters with their breaks; a 51st would take 4,130.
    const items = Array.from({ length: 60 }, (_, i) => ({ text: String(i).padStart(78, '-') }));
    const list: CardBlock = { type: 'list', name: 'items', items };
    const description = discordMessage(card({ title: 'T', blocks: [list] })).embeds[0]!.description!;
    const lines = description.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe(`• ${String(49).padStart(78, '-')}`);
    expect(lines[50]).toBe('…');
  });
});

describe('Discord: the mapping of any card', () => {
  const body: CardBlock = { type: 'text', text: 'Body.' };

  it('names the field of a list without a heading with a blank, and adds none for a list without items', () => {
    const headless: CardBlock = { type: 'list', name: 'items', items: [{ text: 'Item' }] };
    const empty: CardBlock = { type: 'list', name: 'facts', heading: 'Key facts', items: [] };
    expect(discordMessage(card({ blocks: [body, headless, empty] })).embeds[0]!.fields).toStrictEqual([
      { name: BLANK, value: '• Item' },
    ]);
  });

  it('links the title and offers link buttons for http and https only', () => {
    const links = ['http://example.org/a', 'https://example.org/b', 'xhttps://example.org/c', 'ftp://example.org/d'];
    const message = discordMessage(
      card({
        title: 'T',
        url: 'http://example.org/t',
        blocks: [body],
        buttons: [links.map((url) => ({ label: url, url }))],
      }),
    );
    expect(message.embeds[0]!.url).toBe('http://example.org/t');
    expect(message.components[0]!.components.map((b) => ('url' in b ? b.url : undefined))).toEqual(links.slice(0, 2));
    const odd = discordMessage(card({ title: 'T', url: 'xhttps://example.org/t', blocks: [body] }));
    expect(odd.embeds[0]).not.toHaveProperty('url');
  });
});
