import fc from 'fast-check';
import type { Brief, BriefRef } from '../../../src/content/brief.js';
import type { Reply } from '../../../src/core/types.js';

const hostilePieces = [
  '<script>alert(1)</script>',
  '<b>',
  '</a>',
  '&amp;',
  '&',
  '"',
  "'",
  '<a href="javascript:x">',
  '\u202e',
  '\u200b',
  '\u2066',
  '👩‍👩‍👧',
  '🇰🇿',
  '\ud83d',
  '\n\n',
  '@everyone',
  '*_~`[]()',
];

/** Any text, weighted towards what breaks HTML: markup, entities, RTL and zero-width marks. */
export const hostileText = (maxLength = 60): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...hostilePieces)), {
      maxLength: Math.max(1, Math.ceil(maxLength / 6)),
    })
    .map((parts) => parts.join('').slice(0, maxLength));

const nonEmpty = (maxLength: number) => hostileText(maxLength).map((s) => (s.trim() === '' ? `x${s}` : s));

const url = fc
  .tuple(fc.webUrl(), hostileText(40))
  .map(([base, tail]) => `${base}?q=${encodeURIComponent(tail.replace(/[\ud800-\udfff]/g, ''))}&a="b"&c=<d>`);

const date = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const slug = fc.stringMatching(/^[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,5}$/);

/** Briefs within the content schema's limits (title 200, summary 1200, 12 facts of 300, 20 sources). */
export const briefArb: fc.Arbitrary<Brief> = fc
  .record({
    slug,
    title: nonEmpty(200),
    topics: fc.array(fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12})?$/), { minLength: 1, maxLength: 12 }),
    published: date,
    updated: fc.option(date, { nil: undefined }),
    lang: fc.constant('en'),
    publisher: nonEmpty(120),
    url,
    summary: nonEmpty(1200),
    facts: fc.array(nonEmpty(300), { minLength: 1, maxLength: 12 }),
    sources: fc.array(
      fc.record({
        title: nonEmpty(300),
        publisher: fc.option(nonEmpty(120), { nil: undefined }),
        url,
        date: fc.option(date, { nil: undefined }),
      }),
      { maxLength: 20 },
    ),
    body: fc.constant(''),
    draft: fc.constant(false),
    file: fc.constant('x.md'),
  })
  .map((b) => {
    const { updated, ...rest } = b;
    const sources = b.sources.map(({ publisher, date: d, ...s }) => ({
      ...s,
      ...(publisher === undefined ? {} : { publisher }),
      ...(d === undefined ? {} : { date: d }),
    }));
    return { ...rest, sources, ...(updated === undefined ? {} : { updated }) };
  });

export const refArb: fc.Arbitrary<BriefRef> = fc.record({
  slug: fc.oneof(slug, fc.stringMatching(/^[a-z]{30,100}$/)),
  title: nonEmpty(200),
  topic: slug,
  date,
});

export const replyArb: fc.Arbitrary<Reply> = fc.oneof(
  fc
    .record({
      kind: fc.constant('brief' as const),
      brief: briefArb,
      related: fc.array(refArb, { maxLength: 5 }),
      label: fc.constantFrom<'New' | 'Updated' | undefined>('New', 'Updated', undefined),
    })
    .map(({ label, ...r }) => (label ? { ...r, label } : r)),
  fc
    .record({
      kind: fc.constant('list' as const),
      title: hostileText(300),
      items: fc.array(refArb, { maxLength: 40 }),
      page: fc.option(fc.record({ number: fc.integer({ min: 1, max: 9 }), of: fc.integer({ min: 1, max: 9 }) }), {
        nil: undefined,
      }),
    })
    .map(({ page, ...r }) => (page ? { ...r, page } : r)),
  fc.record({
    kind: fc.constant('topics' as const),
    title: hostileText(50),
    items: fc.array(fc.record({ topic: hostileText(50), count: fc.nat(1000) }), { maxLength: 300 }),
  }),
  fc.record({
    kind: fc.constant('notFound' as const),
    query: hostileText(10_000),
    suggestions: fc.array(refArb, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.oneof(
      hostileText(200),
      hostileText(12_000),
      fc.string({ unit: 'binary', minLength: 5000, maxLength: 12_000 }),
    ),
    tone: fc.constantFrom('info' as const, 'usage' as const, 'error' as const),
  }),
);
