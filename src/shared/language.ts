/** BCP 47 language tags as readers, editors and platforms give them. Never throws. */

const MAX_TAG = 35;
const namesInEnglish = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The canonical form of a language tag (`EN-gb` -> `en-GB`, `en_US` -> `en-US`), or undefined
 * when it is empty, malformed or names no language anyone knows (`xx-YY`).
 */
export function canonicalLanguage(tag: string | null | undefined): string | undefined {
  if (typeof tag !== 'string') return undefined;
  // POSIX locales (`ru_RU.UTF-8`, `C`) as LANG holds them.
  const cleaned = tag
    .trim()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-');
  if (!cleaned || cleaned.length > MAX_TAG) return undefined;
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(cleaned)[0] ?? '';
  } catch {
    return undefined;
  }
  const base = baseLanguage(canonical);
  if (!base || base === 'und' || namesInEnglish.of(base) === undefined) return undefined;
  return canonical;
}

/** `pt-BR` -> `pt`. */
export const baseLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** The language's name in that language where known (`ru` -> `русский`), else the tag. */
export function languageName(tag: string, inLanguage: string = tag): string {
  try {
    return new Intl.DisplayNames([inLanguage, 'en'], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
