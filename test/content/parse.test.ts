import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatContentError, parseBriefFile } from '../../src/content/parse.js';
import { briefFile } from '../helpers/briefs.js';

const errorsOf = (text: string, file = 'content/x.md') => {
  const result = parseBriefFile(file, text);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map(formatContentError);
};

describe('parseBriefFile', () => {
  it('reads a good file into a brief, with the file name as default slug', () => {
    const result = parseBriefFile('content/aral-sea-shrinks.md', briefFile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.brief).toMatchObject({
      slug: 'aral-sea-shrinks',
      title: 'Water levels fall in the Aral Sea',
      topics: ['aral-sea', 'water'],
      published: '2024-03-01',
      lang: 'en',
      facts: ['The northern part lost 2 metres between 2010 and 2020.'],
      sources: [{ title: 'Satellite survey', publisher: 'Example Agency', url: 'https://example.org/survey', date: '2024-02-20' }],
      body: 'Longer text.',
      draft: false,
    });
  });

  it('normalises topic keys and honours an explicit slug', () => {
    const result = parseBriefFile('content/x.md', briefFile({ topics: '[Aral Sea, WATER, water]', slug: 'aral' }));
    expect(result.ok && result.brief.topics).toEqual(['aral-sea', 'water']);
    expect(result.ok && result.brief.slug).toBe('aral');
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const result = parseBriefFile('content/x.md', '\uFEFF' + briefFile().replace(/\n/g, '\r\n'));
    expect(result.ok).toBe(true);
  });

  it('names the file, line, column and nested field path of a bad URL', () => {
    const text = briefFile({}, '  - title: Second\n    url: not a url');
    expect(errorsOf(text)).toEqual(['content/x.md:16:10 url of source 2: invalid URL: it should look like https://example.org/page']);
  });

  it('rejects impossible dates such as 2024-02-30', () => {
    expect(errorsOf(briefFile({ published: '2024-02-30' }))).toEqual([
      'content/x.md:4:12 published: must be a real date as YYYY-MM-DD',
    ]);
  });

  it('rejects non-http(s) URLs', () => {
    expect(errorsOf(briefFile({ url: 'javascript:alert(1)' }))[0]).toBe(
      'content/x.md:6:6 url: only http(s) URLs are allowed',
    );
    expect(errorsOf(briefFile({ url: 'ftp://example.org/x' }))[0]).toContain('only http(s) URLs');
  });

  it('reports missing fields and wrong types by name', () => {
    const errors = errorsOf(briefFile({ publisher: '42', topics: 'water' }).replace(/^summary:.*\n/m, ''));
    expect(errors).toContain('content/x.md:3:9 topics: must be a list like [a, b]; write topics: [water]');
    expect(errors).toContain('content/x.md:5:12 publisher: must be text: put it in quotes ("42")');
    expect(errors.some((e) => e.endsWith('summary: is required'))).toBe(true);
  });

  it('reports absurd lengths with the limit', () => {
    const long = 'x'.repeat(301);
    const errors = errorsOf(briefFile({}).replace('  - The northern', `  - ${long}\n  - The northern`));
    expect(errors).toEqual(['content/x.md:9:5 fact 1: at most 300 characters']);
  });

  it('reports broken YAML with its line', () => {
    const errors = errorsOf('---\ntitle: [unclosed\ntopics: x\n---\n');
    expect(errors[0]).toMatch(/^content\/x\.md:\d+:\d+ invalid YAML: /);
  });

  it('reports a file with no front matter, unknown fields and binary content', () => {
    expect(errorsOf('# Just a heading\n')).toEqual([
      'content/x.md:1:1 must start with YAML front matter between two "---" lines',
    ]);
    expect(errorsOf(briefFile({ colour: 'red' }))[0]).toBe(
      'content/x.md:8:1 colour: unknown field; the fields are title, slug, topics, published, updated, lang, translationOf, aliases, publisher, url, summary, facts, sources, draft',
    );
    expect(errorsOf('---\0\0\0')).toEqual(['content/x.md is not a text file (contains NUL bytes)']);
  });

  it('rejects an updated date earlier than published, and a file name that is no slug', () => {
    expect(errorsOf(briefFile({ updated: '2020-01-01' }))[0]).toContain('updated: must not be earlier than published');
    expect(errorsOf(briefFile(), 'content/Bad Name!.md')[0]).toContain('is not a valid slug');
  });
});

describe("parseBriefFile explains editors' common mistakes", () => {
  it('asks for quotes around a title with a colon in it', () => {
    expect(errorsOf(briefFile({ title: 'Kazakhstan: the camps next door' }))).toEqual([
      'content/x.md:2:1 title: put the title in quotes, because it contains a colon: title: "Kazakhstan: the camps next door"',
    ]);
  });

  it('asks for a list when topics are written as plain text, without a second wrong limit', () => {
    const long = 'water, aral sea, irrigation, cotton, kazakhstan, uzbekistan, drought, fishing';
    expect(errorsOf(briefFile({ topics: long }))).toEqual([
      `content/x.md:3:9 topics: must be a list like [a, b]; write topics: [${long}]`,
    ]);
  });

  it('asks for a list when facts are written on one line, without "at most 12 facts"', () => {
    const text = briefFile().replace(/facts:\n {2}- .*\n/, `facts: ${'One fact, and another fact. '.repeat(3)}\n`);
    expect(errorsOf(text)).toEqual([
      'content/x.md:8:8 facts: must be a list: put each fact on its own line under "facts:", starting with "  - "',
    ]);
  });

  it('says when the closing "---" is missing', () => {
    const text = briefFile().replace(/---\nLonger text\.\n$/, 'Longer text.\n');
    expect(errorsOf(text)).toEqual([
      'content/x.md:1:1 the front matter opened by "---" on line 1 is never closed: add a line "---" after the last field',
    ]);
  });

  it('suggests the field a misspelt one meant, and does not also call that field missing', () => {
    const text = briefFile().replace(/^summary:/m, 'sumary:');
    expect(errorsOf(text)).toEqual(['content/x.md:7:1 sumary: unknown field; did you mean summary?']);
    const source = briefFile().replace('    publisher: Example Agency', '    publisher: Example Agency\n    dte: 2024-02-20').replace('    date: 2024-02-20\n', '');
    expect(errorsOf(source)).toEqual(['content/x.md:13:5 dte of source 1: unknown field; did you mean date?']);
  });

  it('counts list positions from 1, keeping file:line:col', () => {
    const text = briefFile().replace(/(facts:\n {2}- .*\n)/, '$1  - ""\n');
    expect(errorsOf(text)).toEqual(['content/x.md:10:5 fact 2: must not be empty']);
    const topics = errorsOf(briefFile({ topics: '[water, "!!"]' }));
    expect(topics).toEqual(['content/x.md:3:17 topic 2: must contain a letter or digit']);
  });

  it('asks for https:// on a URL written without it', () => {
    expect(errorsOf(briefFile({ url: 'www.example.org/aral' }))).toEqual([
      'content/x.md:6:6 url: invalid URL: add https:// at the start (https://www.example.org/aral)',
    ]);
    const text = briefFile().replace('url: https://example.org/survey', 'url: example.org/survey');
    expect(errorsOf(text)).toEqual([
      'content/x.md:13:10 url of source 1: invalid URL: add https:// at the start (https://example.org/survey)',
    ]);
  });
});

describe('parseBriefFile on arbitrary input', () => {
  it('never throws and always names the file', () => {
    const yamlish = fc.stringMatching(/^[-a-z: \n[\]{}"'#>|&*!%@`0-9]{0,200}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), yamlish.map((y) => `---\n${y}\n---\n`)), (text) => {
        const result = parseBriefFile('content/x.md', text);
        if (!result.ok) for (const error of result.errors) expect(error.file).toBe('content/x.md');
      }),
      { numRuns: 500 },
    );
  });
});
