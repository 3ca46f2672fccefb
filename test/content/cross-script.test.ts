import { describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { normalize } from '../../src/shared/normalize.js';
import { transliterate } from '../../src/shared/transliterate.js';

const store = new ContentStore({ dir: 'content', logger: silentLogger() });
await store.load();
await store.library.textReady();
const topicOf = (query: string) => {
  const result = store.library.lookup(query);
  return result.kind === 'found' ? result.brief.topics[0] : undefined;
};

describe('search across scripts', () => {
  it('folds Cyrillic case and ё, and keeps й', () => {
    expect(normalize('СИНЬЦЗЯН!')).toBe('синьцзян');
    expect(normalize('Ёлка')).toBe('елка');
    expect(normalize('Уйгуры')).toBe('уйгуры');
  });

  it('transliterates as Russian passports do', () => {
    expect(transliterate('синьцзян')).toBe('sintszyan');
    expect(transliterate('казахстан')).toBe('kazakhstan');
  });

  it.each([
    ['синьцзян', 'xinjiang'],
    ['Синьцзян', 'xinjiang'],
    ['sintszyan', 'xinjiang'],
    ['синцзян', 'xinjiang'],
    ['синьцзан', 'xinjiang'],
    ['синцзян', 'xinjiang'],
    ['казахстан', 'kazakhstan'],
    ['сауытбай', 'sauytbay'],
    ['уйгуры', 'uyghurs'],
  ])('%s reaches the topic %s', (query, topic) => {
    const result = store.library.lookup(query);
    expect(result.kind).toBe('found');
    if (result.kind === 'found') expect(result.brief.topics).toContain(topic);
    expect(topicOf(query)).toBeDefined();
  });

  it('finds a brief by its Russian title', () => {
    const result = store.library.lookup('Казахский след в китайских лагерях «политического воспитания»');
    expect(result).toMatchObject({ kind: 'found', brief: { slug: 'kazakh-connection-xinjiang-camps' } });
  });

  it('handles mixed-script and right-to-left queries like any other text', () => {
    expect(() => store.library.lookup('xinjiang синьцзян شينجيانغ')).not.toThrow();
    expect(store.library.lookup('שלום').kind).toBe('miss');
  });
});
