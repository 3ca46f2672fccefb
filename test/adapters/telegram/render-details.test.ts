import { describe, expect, it } from 'vitest';
import { renderBriefSingle, renderTelegram } from '../../../src/adapters/telegram/render.js';
import type { Reply } from '../../../src/core/types.js';
import { makeBrief } from '../../helpers/briefs.js';
import { parseTelegramHtml } from '../../fakes/telegram-api.js';

const facts = (n: number) => Array.from({ length: n }, (_, i) => `Fact ${i + 1}.`);
const ref = (slug: string, title: string) => ({ slug, title, topic: 'water', date: '2024-01-01' });

describe('Telegram: folding long lists', () => {
  it('keeps four facts open and folds a fifth and later into one quote after the first three', () => {
    const four = renderTelegram({ kind: 'brief', brief: makeBrief({ facts: facts(4) }), related: [] });
    expect(four[0]!.text).not.toContain('<blockquote');
    const five = renderTelegram({ kind: 'brief', brief: makeBrief({ facts: facts(5) }), related: [] })[0]!.text;
    expect(five).toContain('• Fact 3.\n<blockquote expandable>• Fact 4.\n• Fact 5.</blockquote>');
  });

  it('folds only facts and sources, never the related briefs', () => {
    const related = Array.from({ length: 6 }, (_, i) => ref(`r${i}`, `Related ${i}`));
    const text = renderTelegram({ kind: 'brief', brief: makeBrief({ facts: facts(1) }), related })[0]!.text;
    expect(text).not.toContain('<blockquote');
    expect(text).toContain('Related 5');
  });
});

describe('Telegram: buttons', () => {
  it('puts the buttons under the last message only', () => {
    const huge = Array.from({ length: 40 }, (_, i) => `Fact ${i}: ${'word '.repeat(55).trim()}.`);
    const messages = renderTelegram({
      kind: 'brief',
      brief: makeBrief({ facts: huge }),
      related: [ref('other', 'Other story')],
    });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    expect(messages.at(-1)!.reply_markup!.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['Other story'],
    ]);
  });

  it('cuts a button label to 60 characters with an ellipsis, and names a button without a title by its slug', () => {
    const reply: Reply = {
      kind: 'notFound',
      query: 'x',
      suggestions: [ref('exact', 'e'.repeat(60)), ref('long', 'l'.repeat(61)), ref('untitled', '')],
    };
    const labels = renderTelegram(reply)[0]!.reply_markup!.inline_keyboard.map((row) => row[0]!.text);
    expect(labels).toEqual(['e'.repeat(60), `${'l'.repeat(59)}…`, 'untitled']);
  });

  it('sends no keyboard when there is nothing to press', () => {
    expect(renderTelegram({ kind: 'text', text: 'Done.', tone: 'info' })[0]!.reply_markup).toBeUndefined();
  });
});

describe('Telegram: the one-message form used inline', () => {
  it('shows the whole brief when it fits, with the article previewed', () => {
    const message = renderBriefSingle(makeBrief({ facts: facts(3) }));
    expect(message.text).toContain('• Fact 3.');
    expect(message.link_preview_options).toEqual({ url: 'https://example.org/story', prefer_small_media: true });
  });

  it('drops facts from the end until the brief fits one message, and keeps it valid HTML', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Fact ${i + 1}: ${'word '.repeat(40).trim()}.`);
    const message = renderBriefSingle(makeBrief({ facts: long }));
    const parsed = parseTelegramHtml(message.text);
    expect(parsed.ok && parsed.text.length).toBeLessThanOrEqual(4096);
    expect(message.text).toContain('Fact 1: ');
    expect(message.text).not.toContain('Fact 30: ');
    const kept = [...message.text.matchAll(/Fact (\d+):/g)].map((m) => Number(m[1]));
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => i + 1));
  });
});
