import { describe, expect, it } from 'vitest';
import { render as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderTelegram } from '../../src/adapters/telegram/render.js';
import { cardText } from '../../src/core/render-text.js';
import { toCard } from '../../src/core/to-card.js';
import type { Reply } from '../../src/core/types.js';
import { makeBrief } from '../helpers/briefs.js';

const brief = makeBrief({
  slug: 'aral-dams',
  title: 'New dams on the Syr Darya',
  topics: ['water', 'dams'],
  url: 'https://example.org/dams',
  summary: 'Two reservoirs are planned upstream. Farmers downstream fear for their water.',
  facts: ['The first dam holds 2 km³.', 'Work starts in 2025.'],
});
const delivery = (format: 'full' | 'compact' | 'headline', linkPreviews = true): Reply => ({
  kind: 'brief',
  brief,
  related: [],
  label: 'New',
  format,
  linkPreviews,
});

describe('brief formats for subscriptions', () => {
  it('compact on Telegram: title, first sentence, link to the original and a button for the full brief', () => {
    expect(renderTelegram(delivery('compact'))).toEqual([
      {
        text: [
          '<b>[New] New dams on the Syr Darya</b>',
          'Two reservoirs are planned upstream.',
          '',
          '<a href="https://example.org/dams">Read the original article</a> (Example News)',
        ].join('\n'),
        link_preview_options: { url: 'https://example.org/dams', prefer_small_media: true },
        reply_markup: { inline_keyboard: [[{ text: 'Full brief', callback_data: 'b:aral-dams' }]] },
      },
    ]);
  });

  it('headline on Telegram: title and link only, no preview when the subscription turned them off', () => {
    expect(renderTelegram(delivery('headline', false))).toEqual([
      {
        text: [
          '<b>[New] New dams on the Syr Darya</b>',
          '',
          '<a href="https://example.org/dams">Read the original article</a> (Example News)',
        ].join('\n'),
        link_preview_options: { is_disabled: true },
      },
    ]);
  });

  it('full on Telegram is the whole brief, and previews off turns the article preview off', () => {
    const [full] = renderTelegram(delivery('full'));
    expect(full!.text).toContain('The first dam holds 2 km³.');
    expect(full!.link_preview_options).toEqual({ url: 'https://example.org/dams', prefer_small_media: true });
    expect(renderTelegram(delivery('full', false))[0]!.link_preview_options).toEqual({ is_disabled: true });
  });

  it('compact on Discord: one embed linking the original, the first sentence, a button for the full brief', () => {
    const message = renderDiscord(delivery('compact'));
    expect(message).toEqual({
      embeds: [
        {
          color: expect.any(Number),
          title: 'New dams on the Syr Darya',
          url: 'https://example.org/dams',
          description: 'Two reservoirs are planned upstream.',
          author: { name: 'New brief' },
          timestamp: '2024-01-15T00:00:00.000Z',
        },
      ],
      components: [
        {
          type: 1,
          components: [{ type: 2, style: 2, label: 'Full brief', custom_id: 'brief:topic=aral-dams' }],
        },
      ],
      ephemeral: false,
    });
  });

  it('headline on Discord: the linked title and nothing else', () => {
    const message = renderDiscord(delivery('headline'));
    expect(message).toEqual({
      embeds: [
        {
          color: expect.any(Number),
          title: 'New dams on the Syr Darya',
          url: 'https://example.org/dams',
          description: '\u200b',
          author: { name: 'New brief' },
          timestamp: '2024-01-15T00:00:00.000Z',
        },
      ],
      components: [],
      ephemeral: false,
    });
  });

  it('keeps the one-line summary to one line, and the terminal shows the link', () => {
    const long = makeBrief({ summary: `${'word '.repeat(80)}\nsecond line` });
    const card = toCard({ kind: 'brief', brief: long, related: [], format: 'compact' });
    const text = card.blocks.find((b) => b.type === 'text');
    expect(text?.type === 'text' && text.text.length).toBeLessThanOrEqual(200);
    expect(text?.type === 'text' && text.text.includes('\n')).toBe(false);
    expect(cardText(toCard(delivery('headline')))).toContain('https://example.org/dams');
  });
});
