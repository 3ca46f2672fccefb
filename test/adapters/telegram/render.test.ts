import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/content/brief.js';
import type { Reply } from '../../../src/core/types.js';
import { ButtonSlugs } from '../../../src/adapters/telegram/callback-data.js';
import { Library } from '../../../src/content/library.js';
import { makeBrief } from '../../helpers/briefs.js';
import { renderBriefSingle, renderTelegram, type TelegramMessage } from '../../../src/adapters/telegram/render.js';
import { parseTelegramHtml } from '../../fakes/telegram-api.js';
import { briefArb, replyArb } from './arbitraries.js';

/** What Telegram would show: the parsed text, or a failed assertion naming the parse error. */
function shown(message: TelegramMessage): string {
  const parsed = parseTelegramHtml(message.text);
  if (!parsed.ok) throw new Error(`${parsed.error}\n${message.text.slice(0, 500)}`);
  return parsed.text;
}

const brief: Brief = {
  slug: 'kazakh-camps',
  title: 'The Kazakh connection to China\'s "political education" camps',
  topics: ['xinjiang', 'kazakhstan'],
  published: '2018-09-11',
  updated: '2018-09-12',
  lang: 'en',
  publisher: 'Transitions Online',
  url: 'https://www.tol.org/client/article/27943?a=1&b=2',
  summary: 'Ethnic Kazakhs are among the Muslims swept into detention. Astana protested quietly.',
  facts: ['Kazakhstan has a border of roughly 1,000 km with Xinjiang.', 'Han Chinese are about 40% of <Xinjiang>.'],
  sources: [
    {
      title: 'Eradicating "Ideological Viruses"',
      publisher: 'Human Rights Watch',
      url: 'https://www.hrw.org/r?x=1&y=2',
      date: '2018-09-09',
    },
    { title: 'No publisher here', url: 'https://example.org/a' },
  ],
  body: '',
  draft: false,
  file: 'kazakh.md',
};

describe('renderTelegram', () => {
  it('renders a brief: bold title, dates, summary, facts as bullets, sources as links, the article link', () => {
    const [message, ...more] = renderTelegram({ kind: 'brief', brief, related: [] });
    expect(more).toHaveLength(0);
    expect(message!.text).toContain('<b>The Kazakh connection to China\'s "political education" camps</b>');
    expect(message!.text).toContain('<i>Transitions Online · published 2018-09-11, updated 2018-09-12</i>');
    expect(message!.text).toContain('• Han Chinese are about 40% of &lt;Xinjiang&gt;.');
    expect(message!.text).toContain(
      '• <a href="https://www.hrw.org/r?x=1&amp;y=2">Eradicating "Ideological Viruses"</a> (Human Rights Watch, 2018-09-09)',
    );
    expect(message!.text).toContain('• <a href="https://example.org/a">No publisher here</a>\n');
    expect(message!.text).toContain(
      '<a href="https://www.tol.org/client/article/27943?a=1&amp;b=2">Read the original article</a>',
    );
    expect(message!.link_preview_options).toEqual({ url: brief.url, prefer_small_media: true });
    expect(shown(message!)).toContain('Key facts\n• Kazakhstan has a border');
  });

  it('shows a New or Updated label before the title', () => {
    const [message] = renderTelegram({ kind: 'brief', brief, related: [], label: 'Updated' });
    expect(message!.text.startsWith('<b>[Updated] The Kazakh connection')).toBe(true);
  });

  it('escapes markup in attributes too, so a quote cannot end the href', () => {
    const hostile = { ...brief, url: 'https://evil.example/"><script>x</script>', title: '<script>alert(1)</script>' };
    const [message] = renderTelegram({ kind: 'brief', brief: hostile, related: [] });
    expect(message!.text).toContain('href="https://evil.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(message!.text).toContain('<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>');
    expect(shown(message!)).toContain('<script>alert(1)</script>');
  });

  it('splits a long brief between bullets, keeps every fact whole and previews only the article', () => {
    const facts = Array.from({ length: 40 }, (_, i) => `Fact ${i}: ${'word '.repeat(55).trim()}.`);
    const messages = renderTelegram({ kind: 'brief', brief: { ...brief, facts }, related: [] });
    expect(messages.length).toBeGreaterThan(1);
    const texts = messages.map(shown);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    for (const fact of facts) expect(texts.filter((t) => t.includes(`• ${fact}`))).toHaveLength(1);
    const previews = messages.filter((m) => 'url' in m.link_preview_options);
    expect(previews).toHaveLength(1);
    expect(shown(previews[0]!)).toContain('Read the original article');
  });

  it('cuts a single overlong line at a space and re-opens the tag it cut through', () => {
    const title = 'word '.repeat(1500).trim();
    const messages = renderTelegram({ kind: 'brief', brief: { ...brief, title }, related: [] });
    expect(messages[0]!.text.startsWith('<b>word')).toBe(true);
    expect(messages[0]!.text.endsWith('</b>')).toBe(true);
    expect(messages[1]!.text.startsWith('<b>')).toBe(true);
    for (const m of messages) expect(shown(m).length).toBeLessThanOrEqual(4096);
  });

  it('offers notFound suggestions as buttons whose data leads back to the brief', () => {
    const long = 'a'.repeat(90);
    const reply: Reply = {
      kind: 'notFound',
      query: 'xinjaing <b>',
      suggestions: [
        { slug: 'kazakh-camps', title: 'Kazakh camps', topic: 'xinjiang', date: '2018-09-11' },
        { slug: long, title: 'A very long slug', topic: 'x', date: '2020-01-01' },
      ],
    };
    const [message] = renderTelegram(reply);
    expect(message!.text).toContain('No brief matches "xinjaing &lt;b&gt;".');
    const rows = message!.reply_markup!.inline_keyboard;
    expect(rows.map((r) => r[0]!.text)).toEqual(['Kazakh camps', 'A very long slug']);
    const buttons = new ButtonSlugs(new Library([makeBrief({ slug: 'kazakh-camps' }), makeBrief({ slug: long })]));
    const slugs = rows.map((r) => buttons.slugOf(r[0]!.callback_data));
    expect(slugs).toEqual(['kazakh-camps', long]);
    for (const row of rows) expect(Buffer.byteLength(row[0]!.callback_data)).toBeLessThanOrEqual(64);
  });

  it('answers with something even when a reply has nothing visible in it', () => {
    const [message, ...more] = renderTelegram({ kind: 'list', title: '', items: [] });
    expect(more).toHaveLength(0);
    expect(shown(message!)).toBe('Nothing to show.');
  });

  it('never shows link previews for lists, topics and texts', () => {
    const replies: Reply[] = [
      { kind: 'list', title: 'Latest briefs', items: [{ slug: 's', title: 'T', topic: 't', date: '2020-01-01' }] },
      { kind: 'topics', title: 'Topics', items: [{ topic: 'xinjiang', count: 3 }], page: { number: 1, of: 2 } },
      { kind: 'text', text: 'See https://example.org', tone: 'info' },
    ];
    for (const reply of replies)
      for (const m of renderTelegram(reply)) expect(m.link_preview_options).toEqual({ is_disabled: true });
  });

  it('property: every message of any reply is valid HTML within 4096 characters and not empty', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const messages = renderTelegram(reply);
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) {
          const text = shown(message);
          expect(text.trim().length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(4096);
          for (const row of message.reply_markup?.inline_keyboard ?? [])
            for (const b of row) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: a brief loses nothing: title, summary and every fact are shown in full', () => {
    fc.assert(
      fc.property(briefArb, (b) => {
        const shownText = renderTelegram({ kind: 'brief', brief: b, related: [] }).map(shown).join('\n');
        const wellFormed = (s: string) =>
          s.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
            const code = c.charCodeAt(0);
            const pair =
              code < 0xdc00 ? /[\udc00-\udfff]/.test(all[i + 1] ?? '') : /[\ud800-\udbff]/.test(all[i - 1] ?? '');
            return pair ? c : '\ufffd';
          });
        expect(shownText).toContain(wellFormed(b.title).trim());
        expect(shownText).toContain(wellFormed(b.summary).trim());
        for (const fact of b.facts) expect(shownText).toContain(wellFormed(fact).trim());
      }),
      { numRuns: 200 },
    );
  });

  it('property: the single-message form used inline always fits in one message', () => {
    fc.assert(
      fc.property(briefArb, (b) => {
        const message = renderBriefSingle(b);
        expect(shown(message).length).toBeLessThanOrEqual(4096);
        expect(message.text).toContain('<b>');
      }),
      { numRuns: 200 },
    );
  });
});
