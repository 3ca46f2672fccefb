import fc from 'fast-check';
import type { Brief, BriefRef } from '../../../src/content/brief.js';
import type { Reply } from '../../../src/core/types.js';

const HOSTILE = [
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '**bold** __under__ *it* ~~gone~~ ||spoiler||',
  '```js\nalert(1)\n```',
  '# Heading',
  '- bullet',
  '1. numbered',
  '[masked](https://evil.example)',
  '<script>alert(1)</script>',
  '\\',
  '😀👩‍👩‍👧‍👦',
  'e\u0301\u200b\u202e',
];

/** Short and very long text, Markdown, mentions, odd Unicode, lone surrogates included. */
export const hostileText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(maxLength, 80), unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(maxLength, 1200), unit: 'binary' }) },
    {
      weight: 2,
      arbitrary: fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 20 }).map((a) => a.join(' ')),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...HOSTILE)
        .map((s) => s.repeat(Math.ceil(maxLength / s.length)).slice(0, maxLength) || s),
    },
  );

const slug = fc.string({ minLength: 1, maxLength: 100, unit: fc.constantFrom(...'abcdefxyz0129-') });
const date = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const url = fc.oneof(
  fc.webUrl(),
  fc.nat(3000).map((n) => `https://example.org/${'a'.repeat(n)}`),
  fc.constant('javascript:alert(1)'),
);

export const briefArb: fc.Arbitrary<Brief> = fc
  .record({
    slug,
    title: hostileText(400),
    topics: fc.array(hostileText(60), { minLength: 1, maxLength: 15 }),
    published: date,
    updated: fc.option(date, { nil: undefined }),
    lang: fc.constant('en'),
    publisher: hostileText(200),
    url,
    summary: hostileText(6000),
    facts: fc.array(hostileText(1500), { minLength: 1, maxLength: 40 }),
    sources: fc.array(
      fc.record({
        title: hostileText(400),
        publisher: fc.option(hostileText(150), { nil: undefined }),
        url,
        date: fc.option(date, { nil: undefined }),
      }),
      { maxLength: 25 },
    ),
    body: fc.constant(''),
    draft: fc.constant(false),
    file: fc.constant('x.md'),
  })
  .map((b) => {
    const out = { ...b } as Brief;
    if (b.updated === undefined) delete out.updated;
    for (const s of out.sources) {
      if (s.publisher === undefined) delete s.publisher;
      if (s.date === undefined) delete s.date;
    }
    return out;
  });

export const refArb: fc.Arbitrary<BriefRef> = fc.record({
  slug,
  title: hostileText(400),
  topic: hostileText(60),
  date,
});

export const replyArb: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({
    kind: fc.constant('brief' as const),
    brief: briefArb,
    related: fc.array(refArb, { maxLength: 8 }),
    label: fc.constantFrom('New' as const, 'Updated' as const),
  }),
  fc.record({ kind: fc.constant('brief' as const), brief: briefArb, related: fc.array(refArb, { maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('list' as const),
    title: hostileText(400),
    items: fc.array(refArb, { maxLength: 60 }),
    page: fc.record({ number: fc.integer({ min: 1, max: 50 }), of: fc.integer({ min: 1, max: 50 }) }),
  }),
  fc.record({
    kind: fc.constant('topics' as const),
    title: hostileText(400),
    items: fc.array(fc.record({ topic: hostileText(300), count: fc.nat() }), { maxLength: 200 }),
    page: fc.record({ number: fc.integer({ min: 1, max: 50 }), of: fc.integer({ min: 1, max: 50 }) }),
  }),
  fc.record({
    kind: fc.constant('notFound' as const),
    query: hostileText(10_000),
    suggestions: fc.array(refArb, { maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    text: hostileText(10_000),
    tone: fc.constantFrom('info' as const, 'usage' as const, 'error' as const),
  }),
);
