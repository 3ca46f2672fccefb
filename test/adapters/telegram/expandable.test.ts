import { describe, expect, it } from 'vitest';
import { renderTelegram } from '../../../src/adapters/telegram/render.js';
import { makeBrief } from '../../helpers/briefs.js';
import { parseTelegramHtml } from '../../fakes/telegram-api.js';

const facts = Array.from({ length: 12 }, (_, i) => `Fact ${i + 1}: ${'detail '.repeat(12).trim()}.`);
const sources = Array.from({ length: 6 }, (_, i) => ({
  title: `Source ${i + 1}`,
  publisher: 'Wire',
  url: `https://example.org/s${i + 1}`,
}));

describe('long briefs in one Telegram message', () => {
  it('puts a 12-fact brief in one message, the facts and sources beyond the first three in expandable quotes', () => {
    const messages = renderTelegram({ kind: 'brief', brief: makeBrief({ facts, sources }), related: [] });
    expect(messages).toHaveLength(1);
    const html = messages[0]!.text;
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(true);
    // every fact is there, the first three open
    for (const fact of facts) expect(parsed.ok && parsed.text).toContain(fact);
    const quotes = [...html.matchAll(/<blockquote expandable>([\s\S]*?)<\/blockquote>/g)].map((m) => m[1]!);
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toMatch(/^• Fact 4: /);
    expect(quotes[0]).toContain('• Fact 12: ');
    expect(quotes[0]).not.toContain('Fact 3:');
    expect(quotes[1]).toMatch(/^• <a href="https:\/\/example.org\/s4">Source 4<\/a>/);
    expect(html.indexOf('Fact 3:')).toBeLessThan(html.indexOf('<blockquote'));
  });

  it('keeps a short list open, and splits as before when even folded the brief needs two messages', () => {
    const short = renderTelegram({ kind: 'brief', brief: makeBrief({ facts: facts.slice(0, 4) }), related: [] });
    expect(short[0]!.text).not.toContain('<blockquote');
    const huge = Array.from({ length: 40 }, (_, i) => `Fact ${i}: ${'word '.repeat(55).trim()}.`);
    const split = renderTelegram({ kind: 'brief', brief: makeBrief({ facts: huge }), related: [] });
    expect(split.length).toBeGreaterThan(1);
    for (const message of split) {
      expect(message.text).not.toContain('<blockquote');
      expect(parseTelegramHtml(message.text).ok).toBe(true);
    }
  });

  it('the fake refuses what Telegram refuses in quotes and spans', () => {
    expect(parseTelegramHtml('<blockquote expandable>a</blockquote>').ok).toBe(true);
    expect(parseTelegramHtml('<blockquote>a</blockquote>').ok).toBe(true);
    expect(parseTelegramHtml('<blockquote collapsed>a</blockquote>')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('<blockquote expandable="yes">a</blockquote>')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('<blockquote>a<blockquote>b</blockquote></blockquote>')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('<b expandable>a</b>')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('<span class="tg-spoiler">a</span>').ok).toBe(true);
    expect(parseTelegramHtml('<span>a</span>')).toMatchObject({ ok: false });
    expect(parseTelegramHtml('<details>a</details>')).toMatchObject({ ok: false });
  });
});
