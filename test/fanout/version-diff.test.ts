import { describe, expect, it } from 'vitest';
import { Library } from '../../src/content/library.js';
import type { Brief } from '../../src/content/brief.js';
import { changesSince } from '../../src/fanout/version-diff.js';

const brief = (slug: string, summary = 'Something happened.'): Brief => ({
  slug,
  title: `Title of ${slug}`,
  topics: ['water'],
  published: '2024-01-15',
  lang: 'en',
  publisher: 'Example News',
  url: 'https://example.org/story',
  summary,
  facts: ['A fact.'],
  sources: [],
  body: '',
  draft: false,
  file: `${slug}.md`,
});

describe('changesSince', () => {
  it('finds new and changed briefs and leaves out unchanged and removed ones', () => {
    const library = new Library([brief('same'), brief('changed', 'New text.'), brief('fresh')]);
    const known = new Map([
      ['same', library.versionOf('same')!],
      ['changed', 'an-older-version'],
      ['removed', 'whatever'],
    ]);
    const changes = changesSince(known, library.all(), (slug) => library.versionOf(slug));
    expect(changes.map((c) => [c.brief.slug, c.label, c.version === library.versionOf(c.brief.slug)])).toEqual([
      ['changed', 'Updated', true],
      ['fresh', 'New', true],
    ]);
  });

  it('leaves out a brief that has no version (not yet in the library the versions come from)', () => {
    const library = new Library([brief('a')]);
    const known = new Map([['pending', 'an-older-version']]);
    const changes = changesSince(known, [brief('a'), brief('pending')], (s) => library.versionOf(s));
    expect(changes.map((c) => c.brief.slug)).toEqual(['a']);
  });

  it('announces everything as New to an empty store', () => {
    const library = new Library([brief('a'), brief('b')]);
    expect(changesSince(new Map(), library.all(), (s) => library.versionOf(s)).map((c) => c.label)).toEqual([
      'New',
      'New',
    ]);
  });
});
