import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBriefFile } from '../../src/content/parse.js';
import { IngestError } from '../../src/ingest/errors.js';
import { ingest } from '../../src/ingest/ingest.js';

const SENTENCES = [
  'The harbour board approved the new wharf after a debate that lasted 6 hours on Tuesday.',
  'Work on the wharf will begin in the spring and should take about two years, the board said.',
  'Critics of the plan say the wharf will cost far more than the $40 million the board has set aside.',
  '“We have waited long enough for this wharf,” said the mayor, who has backed the plan since 2019.',
];

/** Fragments of markup, text and odd Unicode, glued in any order. */
const piece = fc.oneof(
  fc.constantFrom(
    '<p>',
    '</p>',
    '<div class="ad">',
    '</div>',
    '<article>',
    '<script>',
    '</script>',
    '<a href="https://src.example/x">',
    '<a href="javascript:alert(1)">',
    '</a>',
    '<figure><figcaption>Photo: A. Person</figcaption></figure>',
    '<meta property="article:published_time" content="2024-02-30">',
    '<time datetime="9999-99-99">',
    '<title>',
    '</title>',
    '<!--',
    '-->',
    '<![CDATA[',
    '@everyone ',
    '\u202e\u200b\u0000\u0007',
    '© 2024 Someone. All rights reserved.',
    '---\n',
    ' ',
    '\n\n',
  ),
  fc.string({ maxLength: 40 }),
);
const chunk = fc.tuple(
  fc.array(piece, { maxLength: 4 }),
  fc.constantFrom(...SENTENCES),
  fc.array(piece, { maxLength: 4 }),
);
/** Paragraphs of reporting with hostile fragments around and between them. */
const page = (kind: 'html' | 'text') =>
  fc
    .array(chunk, { maxLength: 10 })
    .map((chunks) =>
      chunks
        .map(([before, sentence, after]) =>
          kind === 'html'
            ? `${before.join('')}<p>${sentence}</p>${after.join('')}`
            : `${before.join('')}\n${sentence}\n${after.join('')}`,
        )
        .join('\n'),
    );

/** Drafts a page; returns whether a draft came out (which must validate) rather than a plain refusal. */
function attempt(text: string, kind: 'html' | 'text'): boolean {
  let result;
  try {
    result = ingest({ text, kind, name: 'page' }, { today: '2025-01-01' });
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return false;
  }
  const parsed = parseBriefFile(`${result.draft.slug}.md`, result.draft.text);
  expect(parsed.ok).toBe(true);
  return true;
}

describe('any input', () => {
  it('as HTML: a draft that validates, or a plain IngestError', () => {
    let drafted = 0;
    fc.assert(
      fc.property(page('html'), (html) => {
        if (attempt(`<html><body>${html}</body></html>`, 'html')) drafted++;
      }),
      { numRuns: 150 },
    );
    // The generator must reach the drafting path, not only the refusals.
    expect(drafted).toBeGreaterThan(5);
  });

  it('as scraped text: a draft that validates, or a plain IngestError', () => {
    let drafted = 0;
    fc.assert(
      fc.property(page('text'), (text) => {
        if (attempt(text, 'text')) drafted++;
      }),
      { numRuns: 150 },
    );
    expect(drafted).toBeGreaterThan(5);
  });
});
