import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COLOURS, topicColour } from '../../../src/adapters/discord/colour.js';
import { discordMessage } from '../../../src/adapters/discord/render.js';
import type { Card, CardButton } from '../../../src/core/card.js';

const card = (over: Partial<Card> = {}): Card => ({ tone: 'info', private: false, blocks: [], buttons: [], ...over });
const open = (value: string, label = value): CardButton => ({
  label,
  action: { command: 'brief', option: 'topic', value },
});
const labels = (c: Card) =>
  discordMessage(c).components.map((row) => row.components.map((b) => ('label' in b ? b.label : undefined)));

describe('Discord: a card as an embed', () => {
  it("takes the tone's colour, or the accent topic's", () => {
    expect(discordMessage(card({ tone: 'error' })).embeds[0]!.color).toBe(COLOURS.error);
    expect(discordMessage(card({ accent: 'water' })).embeds[0]!.color).toBe(topicColour('water'));
  });

  it('links the title only to a web address, and dates it only with a real date', () => {
    expect(discordMessage(card({ url: 'https://example.org/a', date: '2024-02-03' })).embeds[0]).toMatchObject({
      url: 'https://example.org/a',
      timestamp: '2024-02-03T00:00:00.000Z',
    });
    const odd = discordMessage(card({ url: 'javascript:alert(1)', date: 'sometime' })).embeds[0]!;
    expect(odd.url).toBeUndefined();
    expect(odd.timestamp).toBeUndefined();
    expect(discordMessage(card({ date: '2024-02-03T10:20:30Z' })).embeds[0]!.timestamp).toBe(
      '2024-02-03T10:20:30.000Z',
    );
  });

  it('writes the label in full as the author line, in the reader’s words when given', () => {
    expect(discordMessage(card({ label: 'New' })).embeds[0]!.author).toEqual({ name: 'New brief' });
    expect(discordMessage(card({ label: 'Updated' })).embeds[0]!.author).toEqual({ name: 'Updated brief' });
    expect(discordMessage(card({ label: 'New', labelLong: 'Новая сводка' })).embeds[0]!.author).toEqual({
      name: 'Новая сводка',
    });
    expect(discordMessage(card()).embeds[0]!.author).toBeUndefined();
  });

  it('joins byline, page and hint in the footer, and leaves the footer out when there is none', () => {
    const full = card({
      byline: 'Example News · published 2024-01-15',
      blocks: [
        { type: 'list', name: 'items', items: [{ text: 'One' }] },
        { type: 'paging', number: 2, of: 3, command: 'topics' },
        { type: 'hint', parts: ['Type ', { command: '/brief <topic>' }, '.'] },
      ],
    });
    expect(discordMessage(full).embeds[0]!.footer).toEqual({
      text: 'Example News · published 2024-01-15 · Page 2 of 3 · Type /brief <topic>.',
    });
    expect(discordMessage(card({ blocks: [{ type: 'text', text: 'Hi.' }] })).embeds[0]!.footer).toBeUndefined();
  });

  it('shows a hint alone as the description, and a blank description rather than none', () => {
    const hintOnly = card({ blocks: [{ type: 'hint', parts: ['Nothing here yet.'] }] });
    expect(discordMessage(hintOnly).embeds[0]).toMatchObject({ description: 'Nothing here yet.' });
    expect(discordMessage(hintOnly).embeds[0]!.footer).toBeUndefined();
    expect(discordMessage(card()).embeds[0]!.description).toBe('\u200b');
  });

  it('leaves out of the fields a list whose items are all buttons, and a source already a link button', () => {
    const brief = card({
      blocks: [
        { type: 'text', text: 'Summary.' },
        {
          type: 'list',
          name: 'sources',
          heading: 'Sources',
          items: [
            { text: 'Wire', url: 'https://w.example/1' },
            { text: 'Paper', url: 'https://p.example/2' },
          ],
        },
        { type: 'list', name: 'related', heading: 'Related', items: [{ text: 'Other' }], offeredAsButtons: true },
      ],
      buttons: [[{ label: 'Wire', url: 'https://w.example/1' }]],
    });
    expect(discordMessage(brief).embeds[0]!.fields).toEqual([
      { name: 'Sources', value: '• Wire\n• Paper\n  <https://p.example/2>' },
    ]);
  });
});

describe('Discord: buttons', () => {
  it('keeps at most five rows of five', () => {
    const row = (r: number) => Array.from({ length: 7 }, (_, i) => open(`s${r}-${i}`));
    const rows = labels(card({ buttons: Array.from({ length: 7 }, (_, r) => row(r)) }));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows[4]![4]).toBe('s4-4');
  });

  it('drops empty rows and buttons Discord would refuse: not a web link, a link over 512 characters', () => {
    const rows = labels(
      card({
        buttons: [
          [{ label: 'Bad', url: 'ftp://example.org/x' }],
          [
            { label: 'Long', url: `https://example.org/${'x'.repeat(493)}` },
            { label: 'Fits', url: `https://example.org/${'x'.repeat(492)}` },
          ],
        ],
      }),
    );
    expect(rows).toEqual([['Fits']]);
  });

  it('gives link buttons the link style and command buttons a custom id', () => {
    const [row] = discordMessage(
      card({ buttons: [[{ label: 'Read', url: 'https://example.org' }, open('aral')]] }),
    ).components;
    expect(row).toMatchObject({ type: ComponentType.ActionRow });
    expect(row!.components[0]).toEqual({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: 'Read',
      url: 'https://example.org',
    });
    expect(row!.components[1]).toMatchObject({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'aral',
    });
    expect(row!.components[1]).toHaveProperty('custom_id');
  });

  it('folds whitespace in labels, cuts them to 80 characters, and names an empty one "Open"', () => {
    const [row] = labels(
      card({ buttons: [[open('a', '  two\n  lines '), open('b', 'x'.repeat(81)), open('c', '   ')]] }),
    );
    expect(row![0]).toBe('two lines');
    expect(row![1]).toHaveLength(80);
    expect(row![1]!.endsWith('…')).toBe(true);
    expect(row![2]).toBe('Open');
  });

  it('breaks up mentions in labels', () => {
    const [row] = labels(card({ buttons: [[open('a', '@everyone look')]] }));
    expect(row![0]).not.toBe('@everyone look');
    expect(row![0]).toContain('everyone look');
  });
});
