import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/content/brief.js';
import { Library } from '../../src/content/library.js';

function brief(slug: string, topics: string[], published: string, title = slug.replace(/-/g, ' ')): Brief {
  return {
    slug,
    title,
    topics,
    published,
    lang: 'en',
    publisher: 'Test Desk',
    url: `https://example.org/${slug}`,
    summary: `Summary of ${title}.`,
    facts: [`A fact about ${topics.join(' and ')}.`],
    sources: [],
    body: '',
    draft: false,
    file: `${slug}.md`,
  };
}

const corpus = (): Brief[] => [
  brief('kazakh-connection', ['xinjiang', 'kazakhstan', 're-education-camps'], '2018-09-11'),
  brief('un-rights-chief', ['china', 'xinjiang'], '2018-09-12'),
  brief('sauytbay-trial', ['kazakhstan', 'xinjiang'], '2018-08-01'),
  brief('older-xinjiang', ['xinjiang'], '2017-01-01'),
];

describe('Library lookups', () => {
  it('prefers a brief whose first topic is the key, then the newest', () => {
    const library = new Library(corpus());
    const result = library.lookup('Xinjiang');
    expect(result.kind === 'found' && result.brief.slug).toBe('kazakh-connection');
    expect(library.briefsOfTopic('xinjiang').map((b) => b.slug)).toEqual([
      'kazakh-connection',
      'older-xinjiang',
      'un-rights-chief',
      'sauytbay-trial',
    ]);
  });

  it('finds multi-word topic keys typed with spaces or hyphens', () => {
    const library = new Library(corpus());
    for (const q of ['re-education-camps', 're education camps']) {
      const result = library.lookup(q);
      expect(result.kind === 'found' && [result.brief.slug, result.via]).toEqual(['kazakh-connection', 'topic']);
    }
  });

  it('reaches the topic through a typo and through a prefix', () => {
    const library = new Library(corpus());
    for (const q of ['xinjang', 'xinj']) {
      const result = library.lookup(q);
      expect(result.kind === 'found' && result.brief.slug).toBe('kazakh-connection');
    }
  });

  it('keeps rankings and the newest list right through updates and removals', () => {
    const library = new Library(corpus());
    library.upsert(brief('newest-xinjiang', ['xinjiang'], '2020-01-01'));
    expect(library.briefsOfTopic('xinjiang')[0]?.slug).toBe('newest-xinjiang');
    expect(library.latest(1)[0]?.slug).toBe('newest-xinjiang');
    library.upsert({ ...brief('newest-xinjiang', ['china'], '2020-01-01') });
    expect(library.briefsOfTopic('xinjiang').map((b) => b.slug)).not.toContain('newest-xinjiang');
    expect(library.briefsOfTopic('china').map((b) => b.slug)).toEqual(['newest-xinjiang', 'un-rights-chief']);
    library.remove('kazakh-connection');
    expect(library.briefsOfTopic('xinjiang')[0]?.slug).toBe('older-xinjiang');
    expect(library.hasTopic('re-education-camps')).toBe(false);
    expect(library.briefsOfTopic('re-education-camps')).toEqual([]);
    expect(library.latest(10).map((b) => b.slug)).toEqual([
      'newest-xinjiang',
      'un-rights-chief',
      'sauytbay-trial',
      'older-xinjiang',
    ]);
  });

  it('serves a brief moved to another file without announcing a change', () => {
    const library = new Library(corpus());
    const moved = { ...brief('older-xinjiang', ['xinjiang'], '2017-01-01'), file: 'archive/older-xinjiang.md' };
    expect(library.upsert(moved)).toBeUndefined();
    expect(library.briefsOfTopic('xinjiang').find((b) => b.slug === 'older-xinjiang')?.file).toBe(
      'archive/older-xinjiang.md',
    );
    expect(library.latest(10).filter((b) => b.slug === 'older-xinjiang')).toHaveLength(1);
  });

  it('searches full text before and after the background build', async () => {
    const library = new Library(corpus());
    expect(library.searchText('rights chief', 5).map((r) => r.slug)).toEqual(['un-rights-chief']);
    await library.textReady();
    library.upsert(brief('bachelet', ['un'], '2018-09-10', 'Bachelet asks for access'));
    expect(library.searchText('bachelet', 5).map((r) => r.slug)).toEqual(['bachelet']);
  });

  it('completes prefixes of titles, slugs and topics', () => {
    const library = new Library(corpus());
    expect(library.complete('sauyt', 5).map((r) => r.slug)).toEqual(['sauytbay-trial']);
    expect(library.complete('kaz', 5).map((r) => r.slug)).toContain('kazakh-connection');
    expect(library.complete('', 2)).toHaveLength(2);
  });

  it('answers from indexes still being built, including changes made meanwhile', async () => {
    const library = new Library(corpus());
    library.upsert(brief('zharkent-court', ['kazakhstan'], '2018-08-02', 'Zharkent court ruling'));
    library.remove('older-xinjiang');
    expect(library.complete('zhark', 5).map((r) => r.slug)).toEqual(['zharkent-court']);
    expect(library.complete('older', 5)).toEqual([]);
    const typo = library.lookup('zharkant');
    expect(typo.kind === 'found' && typo.brief.slug).toBe('zharkent-court');
    await library.textReady();
    expect(library.searchText('ruling', 5).map((r) => r.slug)).toEqual(['zharkent-court']);
    expect(library.searchText('older', 5)).toEqual([]);
  });

  it('suggests near misses', () => {
    const library = new Library(corpus());
    const result = library.lookup('kazakhztn');
    expect(result.kind).toBe('found');
    const miss = library.lookup('qqqqqqq');
    expect(miss).toEqual({ kind: 'miss', suggestions: [] });
    expect(library.suggest('sauytbya trail', 3).map((r) => r.slug)).toContain('sauytbay-trial');
  });
});
