import { describe, expect, it } from 'vitest';
import { CATALOGUES, commandWords, translator, uiLanguage } from '../../src/core/i18n/index.js';

type Tree = { [key: string]: string | string[] | Tree };

/** Every key of a catalogue with its text, plural forms folded into one key. */
function flatten(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string' || Array.isArray(value)) {
      out.set(path, [...(out.get(path) ?? []), ...[value].flat()]);
    } else for (const [k, v] of flatten(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (texts: readonly string[]): string[] =>
  [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!)))].sort();

describe('message catalogues', () => {
  const reference = flatten(CATALOGUES.en as unknown as Tree);

  it.each(Object.keys(CATALOGUES))('%s has every key of en, no other, with the same placeholders', (lang) => {
    const catalogue = flatten(CATALOGUES[lang as keyof typeof CATALOGUES] as unknown as Tree);
    expect([...catalogue.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, texts] of reference) {
      expect({ key, placeholders: placeholders(catalogue.get(key)!) }).toEqual({
        key,
        placeholders: placeholders(texts),
      });
      expect({ key, parts: catalogue.get(key)!.length > 0 }).toEqual({ key, parts: true });
    }
  });

  it('splits a text around its commands into as many parts in every language as in English', () => {
    const sections = (catalogue: unknown) => Object.entries(catalogue as Record<string, Record<string, unknown>>);
    const english = new Map(
      sections(CATALOGUES.en).flatMap(([section, texts]) =>
        Object.entries(texts).flatMap(([key, value]) => (Array.isArray(value) ? [[`${section}.${key}`, value]] : [])),
      ),
    );
    expect(english.size).toBeGreaterThan(1);
    for (const [lang, catalogue] of Object.entries(CATALOGUES))
      for (const [section, texts] of sections(catalogue))
        for (const [key, value] of Object.entries(texts)) {
          const parts = english.get(`${section}.${key}`)?.length;
          if (parts !== undefined)
            expect({ lang, key, parts: (value as string[]).length }).toEqual({ lang, key, parts });
        }
  });

  it('ships every plural form Intl.PluralRules asks for, for every counted text', () => {
    const counted = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'object' && !Array.isArray(value)
          ? counted(value, `${prefix}${key}.`)
          : key.endsWith('_other')
            ? [`${prefix}${key.slice(0, -'_other'.length)}`]
            : [],
      );
    const keys = counted(CATALOGUES.en as unknown as Tree);
    expect(keys.length).toBeGreaterThan(5);
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const [section, name] = key.split('.') as [string, string];
        const texts = (catalogue as unknown as Record<string, Record<string, unknown>>)[section]!;
        for (const form of forms)
          expect({ lang, key: `${key}_${form}`, has: `${name}_${form}` in texts }).toMatchObject({ has: true });
      }
    }
  });

  it("uses Russian's three plural forms", () => {
    const t = translator('ru');
    expect([1, 3, 5, 11, 21, 22, 25].map((count) => t('card.briefCount', { count }))).toEqual([
      '1 справка',
      '3 справки',
      '5 справок',
      '11 справок',
      '21 справка',
      '22 справки',
      '25 справок',
    ]);
    expect(translator('en')('card.briefCount', { count: 1 })).toBe('1 brief');
  });

  it('falls back to English for languages without a catalogue and for bad codes', () => {
    expect(uiLanguage(['ru-RU'])).toBe('ru');
    expect(uiLanguage(['de'])).toBe('en');
    expect(uiLanguage(['xx-YY', '', 'x'.repeat(200), undefined])).toBe('en');
    expect(translator('x'.repeat(200))('card.keyFacts')).toBe('Key facts');
  });
});

describe("the words of a command in the reader's language", () => {
  const topic = { name: 'topic', description: 'A topic, a title or a slug' };
  const brief = { name: 'brief', description: 'One brief.' };

  it('gives the Russian description of a command and of its options, and English where there is none', () => {
    const ru = commandWords(brief, 'ru-RU');
    expect([ru.description, ru.option(topic)]).toEqual([
      'Справка по теме: кратко, главные факты и источники.',
      'Тема, название или slug, например синьцзян',
    ]);
    expect(ru.option({ name: 'extra', description: 'Not translated' })).toBe('Not translated');
    const own = commandWords({ name: 'tally', description: 'Counts.' }, 'ru');
    expect([own.description, own.option(topic)]).toEqual(['Counts.', 'A topic, a title or a slug']);
    const en = commandWords(brief, 'en');
    expect([en.description, en.option(topic)]).toEqual(['One brief.', 'A topic, a title or a slug']);
  });
});

describe('localized command menus', () => {
  it('gives every command and option a Russian name Discord accepts and a description', async () => {
    const { commandDefinitions } = await import('../../src/adapters/discord/commands.js');
    const { coreCommands } = await import('../../commands/index.js');
    const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
    for (const definition of commandDefinitions(coreCommands)) {
      const ru = definition.name_localizations?.ru ?? undefined;
      expect({ command: definition.name, ok: ru !== undefined && NAME.test(ru) && ru === ru.toLowerCase() }).toEqual({
        command: definition.name,
        ok: true,
      });
      expect(definition.description_localizations?.ru).toMatch(/\p{Script=Cyrillic}/u);
      for (const option of definition.options ?? []) {
        const name = option.name_localizations?.ru ?? '';
        expect({ option: option.name, ok: NAME.test(name) && name === name.toLowerCase() }).toEqual({
          option: option.name,
          ok: true,
        });
        expect(option.description_localizations?.ru?.length ?? 0).toBeGreaterThan(0);
      }
    }
  });
});
