import { describe, expect, it } from 'vitest';
import { Aliases } from '../../src/content/aliases.js';
import { renderText } from '../../src/core/render-text.js';
import { makeBrief } from '../helpers/briefs.js';
import { testBot } from '../helpers/test-bot.js';

const t = await testBot({ contentDir: 'content' });
await t.library.textReady();

const ARABIC = 'شينجيانغ معسكرات';
const HEBREW = 'שינג׳יאנג מחנות';
const BIDI = '\u202Egnaijnix\u202C';

describe('mixed-script and right-to-left queries are text like any other', () => {
  it('a Latin word with a Cyrillic letter in it still finds the topic', async () => {
    // `К` and `а` below are Cyrillic: a keyboard left in the other layout.
    for (const query of ['Кazakhstan', 'kаzakhstan', 'СИНЬЦЗЯН']) {
      const reply = await t.send(`/brief ${query}`);
      expect({ query, kind: reply?.kind }).toEqual({ query, kind: 'brief' });
    }
  });

  it.each([ARABIC, HEBREW, `xinjiang ${ARABIC}`, 'xinjiang лагеря', 'синьцзян camps', BIDI, 'ي'.repeat(200)])(
    '%s gets an answer, never an error: /brief, /search, /subscribe and autocomplete',
    async (query) => {
      const brief = await t.send(`/brief ${query}`);
      expect(brief?.kind === 'brief' || brief?.kind === 'notFound' || brief?.kind === 'text').toBe(true);
      expect(brief).not.toMatchObject({ code: 'internal' });
      const shown = renderText(brief!);
      if (brief?.kind === 'notFound') expect(shown).toMatch(/^No brief matches "/);
      const search = await t.send(`/search ${query}`);
      expect(search?.kind === 'list' || search?.kind === 'notFound').toBe(true);
      const subscribe = await t.send(`/subscribe ${query}`);
      expect(subscribe).not.toMatchObject({ code: 'internal' });
      expect(() => t.library.complete(query, 25)).not.toThrow();
    },
  );

  it('a right-to-left query that is close to nothing is a miss that quotes it, cut to a line', async () => {
    const reply = await t.send(`/brief ${HEBREW}`);
    expect(reply).toMatchObject({ kind: 'notFound', query: HEBREW });
    expect(renderText(reply!).split('\n')[0]).toBe(`No brief matches "${HEBREW}".`);
  });
});

describe('near misses of an alias', () => {
  const aliases = new Aliases();
  aliases.add(makeBrief({ slug: 'a', topics: ['xinjiang'], aliases: ['синьцзян', 'восточный-туркестан'] }));
  aliases.add(makeBrief({ slug: 'b', topics: ['kazakhstan'], aliases: ['казахстан'] }));

  it('are found within one typo in four letters, in either script, and not beyond', () => {
    expect(aliases.find('синцзян', true)).toEqual([{ slug: 'a', topic: 0 }]);
    expect(aliases.find('sintszian', true)).toEqual([{ slug: 'a', topic: 0 }]);
    expect(aliases.find('казакстан', true)).toEqual([{ slug: 'b', topic: 0 }]);
    expect(aliases.find('восточный туркистан', true)).toEqual([{ slug: 'a', topic: 0 }]);
    expect(aliases.find('казакстан', false)).toEqual([]);
    expect(aliases.find('кзкстн', true)).toEqual([]);
    expect(aliases.find('кит', true)).toEqual([]);
  });

  it('forget a brief that is removed', () => {
    aliases.remove(makeBrief({ slug: 'b', topics: ['kazakhstan'], aliases: ['казахстан'] }));
    expect(aliases.find('казахстан', true)).toEqual([]);
    expect(aliases.find('казакстан', true)).toEqual([]);
  });
});
