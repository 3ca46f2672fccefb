import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../src/content/term-index.js';

const typos = (w: string) => (w.length < 4 ? 0 : w.length < 8 ? 1 : 2);
const prefixLast = (_w: string, i: number, all: readonly string[]) => i === all.length - 1;

function sample(): TermIndex<'title' | 'topic'> {
  const index = new TermIndex<'title' | 'topic'>({ title: 1, topic: 3 });
  index.add('t:xinjiang', { topic: 'xinjiang' });
  index.add('b:kazakh', { title: 'The Kazakh connection to Xinjiang camps' });
  index.add('b:trial', { title: 'Kazakh court frees a camp witness' });
  index.add('b:un', { title: 'China rebuffs UN rights chief' });
  return index;
}

describe('TermIndex', () => {
  it('ranks exact matches with field boosts and short fields first', () => {
    const hits = sample().search('xinjiang');
    expect(hits.map((h) => h.id)).toEqual(['t:xinjiang', 'b:kazakh']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('finds words through typos within the budget, and not beyond it', () => {
    const index = sample();
    expect(index.search('xinjang', { fuzzy: typos })[0]?.id).toBe('t:xinjiang');
    expect(index.search('xnjng', { fuzzy: typos })).toEqual([]);
  });

  it('expands the last word as a prefix', () => {
    const index = sample();
    expect(index.search('xinj', { prefix: prefixLast })[0]?.id).toBe('t:xinjiang');
    expect(index.search('xinj')).toEqual([]);
  });

  it('needs every word with AND and any with OR', () => {
    const index = sample();
    expect(index.search('kazakh court').map((h) => h.id)).toEqual(['b:trial']);
    expect(new Set(index.search('kazakh court', { combineWith: 'OR' }).map((h) => h.id))).toEqual(
      new Set(['b:trial', 'b:kazakh']),
    );
  });

  it('replaces a document added again under the same id, and forgets removed ones', () => {
    const index = sample();
    index.add('b:un', { title: 'Bachelet urges access to Xinjiang' });
    expect(index.search('rebuffs')).toEqual([]);
    expect(index.search('bachelet').map((h) => h.id)).toEqual(['b:un']);
    expect(index.remove('b:un')).toBe(true);
    expect(index.remove('b:un')).toBe(false);
    expect(index.search('bachelet')).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('stays correct after sweeping many removed documents', () => {
    const index = new TermIndex<'title'>({ title: 1 });
    for (let i = 0; i < 3000; i++) index.add(`d${i}`, { title: `brief number${i % 10} common` });
    for (let i = 0; i < 2500; i++) index.remove(`d${i}`);
    expect(index.size).toBe(500);
    const hits = index.search('number3 common', { limit: 1000 });
    expect(hits).toHaveLength(50);
    expect(hits.every((h) => Number(h.id.slice(1)) >= 2500 && h.id.endsWith('3'))).toBe(true);
    expect(index.search('common', { limit: 10 })).toHaveLength(10);
  });

  it('returns at most the limit, best first, and nothing for an empty query', () => {
    const index = sample();
    expect(index.search('kazakh', { limit: 1 })).toHaveLength(1);
    expect(index.search('  !! ')).toEqual([]);
    expect(index.search('kazakh', { limit: 0 })).toEqual([]);
  });
});
