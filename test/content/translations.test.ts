import { describe, expect, it } from 'vitest';
import { Library } from '../../src/content/library.js';
import { parseBriefFile } from '../../src/content/parse.js';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, makeBrief, tempDir, writeFiles } from '../helpers/briefs.js';

const original = makeBrief({ slug: 'camps', title: 'The camps', topics: ['xinjiang', 'kazakhstan'], aliases: ['синьцзян'] });
const russian = makeBrief({
  slug: 'camps-ru',
  title: 'Лагеря',
  topics: ['синьцзян', 'казахстан'],
  lang: 'ru',
  translationOf: 'camps',
  file: 'ru/camps.md',
});

describe('translations in the content store', () => {
  it('reads translationOf and lang, and names a translation after its original and language', () => {
    const parsed = parseBriefFile('ru/x.md', briefFile({ lang: 'ru', translationOf: 'aral' }));
    expect(parsed.ok && parsed.brief).toMatchObject({ slug: 'aral-ru', lang: 'ru', translationOf: 'aral' });
    const british = parseBriefFile('gb.md', briefFile({ lang: 'EN-gb' }));
    expect(british.ok && british.brief.lang).toBe('en-GB');
  });

  it.each(['xx-YY', '""', 'x'.repeat(200), 'en_US!'])('refuses lang %s, naming file and field', (lang) => {
    const parsed = parseBriefFile('bad.md', briefFile({ lang }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatchObject({ file: 'bad.md', path: expect.stringContaining('lang') });
  });

  it('keeps one brief per group: translations are reached through the original and never listed', () => {
    const library = new Library([russian, original]);
    expect(library.size).toBe(2);
    expect(library.latest(10).map((b) => b.slug)).toEqual(['camps']);
    expect(library.lookup('camps-ru')).toMatchObject({ kind: 'miss' });
    expect(library.versionsOf(original).map((b) => b.lang)).toEqual(['en', 'ru']);
    expect(library.groupProblems()).toEqual([]);
  });

  it('a new translation is not a change to announce; removing it leaves the original', () => {
    const library = new Library([original]);
    expect(library.upsert(russian)).toBeUndefined();
    expect(library.versionsOf(original)).toHaveLength(2);
    expect(library.remove('camps-ru')).toBeUndefined();
    expect(library.versionsOf(original)).toHaveLength(1);
    expect(library.lookup('Лагеря')).toMatchObject({ kind: 'miss' });
  });

  it('reports a translation pointing nowhere and two files of one language', () => {
    const orphan = makeBrief({ slug: 'lost-ru', lang: 'ru', translationOf: 'lost', file: 'lost.md' });
    const twin = { ...russian, slug: 'camps-ru-2', file: 'ru/twin.md' };
    const problems = new Library([original, russian, twin, orphan]).groupProblems();
    expect(problems).toEqual([
      { file: 'ru/twin.md', path: 'lang', message: expect.stringContaining('ru/camps.md') },
      { file: 'lost.md', path: 'translationOf', message: 'there is no brief with the slug "lost"' },
    ]);
  });
});

describe('content:check on translation groups', () => {
  it('refuses a dangling translationOf and a second file in one language', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'aral.md': briefFile(),
      'ru/aral.md': briefFile({ lang: 'ru', translationOf: 'aral' }),
      'ru/aral-again.md': briefFile({ lang: 'ru', translationOf: 'aral', slug: 'aral-again' }),
      'ru/nowhere.md': briefFile({ lang: 'ru', translationOf: 'nowhere' }),
    });
    const store = new ContentStore({ dir, logger: silentLogger() });
    const report = await store.load();
    expect(report.errors.map((e) => `${e.file.replace(/^.*\/(ru\/)/, '$1')} ${e.path}`).sort()).toEqual([
      'ru/aral.md lang',
      'ru/nowhere.md translationOf',
    ]);
  });
});
