import { describe, expect, it } from 'vitest';
import { Library, type ChangeEvent } from '../../src/content/library.js';
import { makeBrief } from '../helpers/briefs.js';

const briefs = [
  makeBrief({ slug: 'kazakh-camps', title: 'The Kazakh connection to the camps', topics: ['xinjiang', 'kazakhstan'], published: '2018-09-11' }),
  makeBrief({ slug: 'hrw-report', title: 'Eradicating ideological viruses', topics: ['human-rights-watch', 'xinjiang'], published: '2018-09-12' }),
  makeBrief({ slug: 'older-xinjiang', title: 'An older Xinjiang story', topics: ['xinjiang'], published: '2017-01-01' }),
  makeBrief({ slug: 'sao-paulo-floods', title: 'Floods in São Paulo', topics: ['brazil', 'floods'], published: '2020-02-02' }),
];
const library = () => new Library(briefs);
const found = (lib: Library, q: string) => {
  const r = lib.lookup(q);
  return r.kind === 'found' ? r.brief.slug : undefined;
};

describe('Library.lookup', () => {
  it('finds by exact slug first', () => {
    expect(library().lookup('hrw-report')).toMatchObject({ kind: 'found', via: 'slug', brief: { slug: 'hrw-report' } });
  });

  it('prefers the brief whose main topic is the key, even over a newer one', () => {
    const r = library().lookup('xinjiang');
    expect(r).toMatchObject({ kind: 'found', via: 'topic', brief: { slug: 'kazakh-camps' } });
    expect(r.kind === 'found' && r.related.map((b) => b.slug)).toEqual(['older-xinjiang', 'hrw-report']);
  });

  it('among briefs with the same main topic, the newest wins', () => {
    const lib = library();
    lib.upsert(makeBrief({ slug: 'newest-xinjiang', title: 'Newest', topics: ['xinjiang'], published: '2019-05-05' }));
    expect(found(lib, 'xinjiang')).toBe('newest-xinjiang');
  });

  it('ignores case, accents, punctuation and spacing', () => {
    const lib = library();
    for (const q of ['Xinjiang', 'XINJIANG!', '  xinjiang  ', 'xīnjiāng']) expect(found(lib, q)).toBe('kazakh-camps');
    expect(found(lib, 'floods in sao paulo')).toBe('sao-paulo-floods');
  });

  it('finds by exact title', () => {
    expect(library().lookup('An older Xinjiang story')).toMatchObject({ via: 'title', brief: { slug: 'older-xinjiang' } });
  });

  it('tolerates typos and completes prefixes', () => {
    const lib = library();
    expect(found(lib, 'xinjang')).toBe('kazakh-camps');
    expect(found(lib, 'xinj')).toBe('kazakh-camps');
    expect(found(lib, 'kazakstan')).toBe('kazakh-camps');
    expect(found(lib, 'ideological')).toBe('hrw-report');
  });

  it('misses with up to 3 suggestions', () => {
    const lib = library();
    expect(lib.lookup('qqqqqq')).toEqual({ kind: 'miss', suggestions: [] });
    const r = lib.lookup('xinjangg floood');
    if (r.kind === 'miss') expect(r.suggestions.length).toBeLessThanOrEqual(3);
    expect(lib.lookup('')).toEqual({ kind: 'miss', suggestions: [] });
    const near = lib.suggest('kazak', 3);
    expect(near.map((s) => s.slug)).toContain('kazakh-camps');
  });
});

describe('Library changes', () => {
  it('emits added, updated and removed, and nothing for an unchanged brief', () => {
    const lib = library();
    const events: ChangeEvent['type'][] = [];
    lib.on('change', (e) => events.push(e.type));
    const fresh = makeBrief({ slug: 'new-one', title: 'Brand new', topics: ['fresh'] });
    lib.upsert(fresh);
    lib.upsert({ ...fresh });
    lib.upsert({ ...fresh, summary: 'A corrected summary of what happened.' });
    lib.remove('new-one');
    lib.remove('new-one');
    expect(events).toEqual(['added', 'updated', 'removed']);
  });

  it('keeps every index in step: old title and topic are gone after an update', () => {
    const lib = library();
    lib.upsert({ ...briefs[3]!, title: 'Rain in Recife', topics: ['rain'] });
    expect(lib.lookup('Floods in São Paulo')).not.toMatchObject({ via: 'title' });
    expect(lib.lookup('Rain in Recife')).toMatchObject({ via: 'title', brief: { slug: 'sao-paulo-floods' } });
    expect(found(lib, 'rain')).toBe('sao-paulo-floods');
    expect(lib.hasTopic('floods')).toBe(false);
    expect(lib.briefsOfTopic('floods')).toEqual([]);
    expect(lib.topics().map((t) => t.topic)).not.toContain('brazil');
    expect(lib.complete('rai', 5).map((r) => r.slug)).toEqual(['sao-paulo-floods']);
  });
});

describe('Library listings', () => {
  it('completes by prefix first, then fuzzy, within the limit', () => {
    const lib = library();
    expect(lib.complete('xin', 25).map((r) => r.slug)).toEqual(['kazakh-camps', 'older-xinjiang', 'hrw-report']);
    expect(lib.complete('xin', 2)).toHaveLength(2);
    expect(lib.complete('', 2).map((r) => r.slug)).toEqual(['sao-paulo-floods', 'hrw-report']);
    expect(lib.complete('eradicatng', 5).map((r) => r.slug)).toContain('hrw-report');
  });

  it('lists topics by count and latest by date', () => {
    const lib = library();
    expect(lib.topics()[0]).toEqual({ topic: 'xinjiang', count: 3 });
    expect(lib.latest(2).map((b) => b.slug)).toEqual(['sao-paulo-floods', 'hrw-report']);
  });

  it('searches full text, all words first', () => {
    const lib = new Library([
      makeBrief({ slug: 'a', title: 'Alpha', summary: 'Talks about water and energy prices.' }),
      makeBrief({ slug: 'b', title: 'Beta', summary: 'Talks about water only.' }),
    ]);
    expect(lib.searchText('water energy', 5).map((r) => r.slug)).toEqual(['a']);
    expect(lib.searchText('watter', 5).map((r) => r.slug).sort()).toEqual(['a', 'b']);
    expect(lib.searchText('!!!', 5)).toEqual([]);
  });
});
