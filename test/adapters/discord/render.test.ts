import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/content/brief.js';
import { topicColour } from '../../../src/adapters/discord/colour.js';
import { render } from '../../../src/adapters/discord/render.js';
import { briefArb, replyArb } from './arbitraries.js';
import { expectWithinDiscordLimits } from './limits-check.js';

const brief = (over: Partial<Brief> = {}): Brief => ({
  slug: 'kazakh-connection',
  title: 'The Kazakh connection',
  topics: ['xinjiang', 'kazakhstan'],
  published: '2018-09-11',
  updated: '2018-10-02',
  lang: 'en',
  publisher: 'Transitions Online',
  url: 'https://www.tol.org/article',
  summary: 'Two sentences of summary.',
  facts: ['One fact, 2018.', 'Another fact.'],
  sources: [
    { title: 'Eradicating Ideological Viruses', publisher: 'HRW', url: 'https://hrw.org/x', date: '2018-09-09' },
  ],
  body: '',
  draft: false,
  file: 'x.md',
  ...over,
});

const allText = (message: ReturnType<typeof render>): string => JSON.stringify(message.embeds);

describe('render', () => {
  it('shows a brief as a public embed: summary, facts, sources, topics, footer, timestamp', () => {
    const out = render({ kind: 'brief', brief: brief(), related: [] });
    expect(out.ephemeral).toBe(false);
    const embed = out.embeds[0]!;
    expect(embed.title).toBe('The Kazakh connection');
    expect(embed.url).toBe('https://www.tol.org/article');
    expect(embed.description).toBe('Two sentences of summary.');
    expect(embed.fields?.map((f) => f.name)).toEqual(['Key facts', 'Sources', 'Topics']);
    expect(embed.fields?.[0]?.value).toBe('• One fact, 2018.\n• Another fact.');
    expect(embed.fields?.[2]?.value).toBe('xinjiang, kazakhstan');
    expect(embed.footer?.text).toBe('Transitions Online · published 2018-09-11, updated 2018-10-02');
    expect(embed.timestamp).toBe('2018-10-02T00:00:00.000Z');
    expect(out.components[0]?.components).toEqual([
      { type: 2, style: 5, label: 'Eradicating Ideological Viruses', url: 'https://hrw.org/x' },
    ]);
  });

  it('uses the published date as timestamp when the brief was never updated', () => {
    const { updated: _, ...never } = brief();
    expect(render({ kind: 'brief', brief: never, related: [] }).embeds[0]?.timestamp).toBe('2018-09-11T00:00:00.000Z');
  });

  it('gives a topic the same colour every time and different topics different colours', () => {
    const a = render({ kind: 'brief', brief: brief(), related: [] }).embeds[0]?.color;
    const b = render({ kind: 'brief', brief: brief({ slug: 'other', title: 'Other' }), related: [] }).embeds[0]?.color;
    const c = render({ kind: 'brief', brief: brief({ topics: ['ukraine'] }), related: [] }).embeds[0]?.color;
    expect(a).toBe(topicColour('xinjiang'));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('shows the New / Updated label', () => {
    expect(render({ kind: 'brief', brief: brief(), related: [], label: 'Updated' }).embeds[0]?.author?.name).toBe(
      'Updated brief',
    );
    expect(render({ kind: 'brief', brief: brief(), related: [], label: 'New' }).embeds[0]?.author?.name).toBe(
      'New brief',
    );
  });

  it('makes Markdown and mentions in content inert', () => {
    const out = render({
      kind: 'brief',
      brief: brief({
        title: '**Bold** @everyone',
        summary: 'Ping <@&123> and @here, _see_ [x](https://e.vil)',
        facts: ['# big'],
      }),
      related: [],
    });
    const text = allText(out);
    expect(text).not.toMatch(/@everyone|@here|<@&123>/);
    expect(out.embeds[0]?.title).toBe('\\*\\*Bold\\*\\* @\u200beveryone');
    expect(out.embeds[0]?.description).toContain('\\_see\\_');
    expect(out.embeds[0]?.description).toContain('\\[x](');
    expect(out.embeds[0]?.fields?.[0]?.value).toBe('• \\# big');
  });

  it('puts at most five sources as link buttons and lists the rest with their URLs', () => {
    const sources = Array.from({ length: 7 }, (_, i) => ({ title: `Source ${i}`, url: `https://s.example/${i}` }));
    const out = render({ kind: 'brief', brief: brief({ sources }), related: [] });
    expect(out.components[0]?.components).toHaveLength(5);
    const field = out.embeds[0]?.fields?.find((f) => f.name === 'Sources')?.value ?? '';
    expect(field).toContain('Source 6');
    expect(field).toContain('<https://s.example/6>');
    expect(field).not.toContain('<https://s.example/0>');
  });

  it('offers related briefs as buttons that open them', () => {
    const out = render({
      kind: 'brief',
      brief: brief(),
      related: [{ slug: 'camps', title: 'The camps', topic: 'xinjiang', date: '2019-01-01' }],
    });
    expect(out.components[1]?.components).toEqual([
      { type: 2, style: 2, label: 'The camps', custom_id: 'brief:topic=camps' },
    ]);
  });

  it('answers notFound privately with suggestions as buttons', () => {
    const out = render({
      kind: 'notFound',
      query: 'xinjang',
      suggestions: [
        { slug: 'kazakh-connection', title: 'The Kazakh connection', topic: 'xinjiang', date: '2018-09-11' },
      ],
    });
    expect(out.ephemeral).toBe(true);
    expect(out.embeds[0]?.title).toBe('No brief matches "xinjang".');
    expect(out.components[0]?.components[0]).toMatchObject({ custom_id: 'brief:topic=kazakh-connection' });
  });

  it('keeps errors and usage private and information public', () => {
    expect(render({ kind: 'text', text: 'Oops', tone: 'error' }).ephemeral).toBe(true);
    expect(render({ kind: 'text', text: 'Usage: /brief <topic>', tone: 'usage' }).ephemeral).toBe(true);
    expect(render({ kind: 'text', text: 'Commands: ...', tone: 'info' }).ephemeral).toBe(false);
  });

  it('pages topics with Previous and Next buttons', () => {
    const out = render({
      kind: 'topics',
      title: 'Topics',
      items: [{ topic: 'xinjiang', count: 2 }],
      page: { number: 2, of: 3 },
    });
    expect(out.components[0]?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'topics:page=1',
      'topics:page=3',
    ]);
    expect(out.embeds[0]?.footer?.text).toContain('Page 2 of 3');
  });

  it('skips a button whose custom_id would exceed 100 characters rather than failing', () => {
    const long = 'a'.repeat(100);
    const out = render({
      kind: 'notFound',
      query: 'q',
      suggestions: [{ slug: long, title: 'Long', topic: 't', date: '2020-01-01' }],
    });
    expect(out.components).toEqual([]);
  });

  it('fits a brief at the schema maximum into every limit', () => {
    const big = brief({
      title: 'T'.repeat(200),
      summary: 'S'.repeat(1200),
      facts: Array.from({ length: 12 }, () => 'F'.repeat(300)),
      sources: Array.from({ length: 20 }, (_, i) => ({
        title: 'R'.repeat(300),
        publisher: 'P'.repeat(120),
        url: `https://x.example/${i}`,
      })),
      topics: Array.from({ length: 12 }, (_, i) => `topic-${i}`.padEnd(50, 'z')),
    });
    const out = render({ kind: 'brief', brief: big, related: [] });
    expectWithinDiscordLimits(out);
    expect(out.embeds[0]?.description).toBe('S'.repeat(1200));
  });

  it('property: every reply renders within every Discord limit', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        expectWithinDiscordLimits(render(reply));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('property: no brief content can mention anyone', () => {
    fc.assert(
      fc.property(briefArb, (b) => {
        const text = allText(render({ kind: 'brief', brief: b, related: [] }));
        expect(text).not.toMatch(/@(everyone|here)|<@[!&]?\d/i);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
