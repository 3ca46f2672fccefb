import i18next, { type TFunction } from 'i18next';
import { baseLanguage, canonicalLanguage } from '../../shared/language.js';
import en from './locales/en.js';
import ru from './locales/ru.js';
import { COMMANDS_RU, type CommandWords } from './commands-ru.js';

/** The catalogues shipped: add a language by adding its file here (docs/languages.md). */
export const CATALOGUES = { en, ru } as const;
export type UiLanguage = keyof typeof CATALOGUES;
export const UI_LANGUAGES = Object.keys(CATALOGUES) as UiLanguage[];

const instance = i18next.createInstance();
// Synchronous: the resources are in memory, so the bot's words are ready at import.
void instance.init({
  initAsync: false,
  lng: 'en',
  fallbackLng: 'en',
  resources: Object.fromEntries(
    Object.entries(CATALOGUES).map(([lng, catalogue]) => [lng, { translation: catalogue }]),
  ),
  interpolation: { escapeValue: false },
  returnObjects: true,
});

export type Translate = TFunction;

/** The first of the reader's languages the bot speaks, else English. */
export function uiLanguage(languages: readonly (string | undefined)[]): UiLanguage {
  for (const tag of languages) {
    const canonical = canonicalLanguage(tag);
    const base = canonical && (baseLanguage(canonical) as UiLanguage);
    if (base && base in CATALOGUES) return base;
  }
  return 'en';
}

/** The translation function of one language. */
export const translator = (language: string | undefined): Translate => instance.getFixedT(uiLanguage([language]));

/** Each catalogue language's names and descriptions of the commands, where they differ from the declarations. */
const COMMAND_WORDS: Partial<Record<UiLanguage, Record<string, CommandWords>>> = { ru: COMMANDS_RU };

/** A command's description and its options' in the reader's language, else as declared (English). */
export function commandWords(
  command: { name: string; description: string },
  language: string | undefined,
): { description: string; option: (option: { name: string; description: string }) => string } {
  const words = COMMAND_WORDS[uiLanguage([language])]?.[command.name];
  const optionWords = words?.options ?? {};
  return {
    description: words?.description ?? command.description,
    option: (option) => optionWords[option.name]?.description ?? option.description,
  };
}
