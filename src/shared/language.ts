/** BCP 47 language tags as readers, editors and platforms give them. Never throws. */

const MAX_TAG = 35;
const namesInEnglish = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
/** Tags already worked out; cleared when full, since readers' platforms may send any tag. */
const canonicalOf = new Map<string, string | undefined>();
const MAX_REMEMBERED = 1_000;

/**
 * The canonical form of a language tag (`EN-gb` -> `en-GB`, `en_US` -> `en-US`), or undefined
 * when it is empty, malformed or names no language anyone knows (`xx-YY`).
 */
export function canonicalLanguage(tag: string | null | undefined): string | undefined {
  if (typeof tag !== 'string') return undefined;
  // Every brief names its language: the few distinct tags are worked out once, not per brief.
  if (canonicalOf.has(tag)) return canonicalOf.get(tag);
  const canonical = canonicalize(tag);
  if (canonicalOf.size >= MAX_REMEMBERED) canonicalOf.clear();
  canonicalOf.set(tag, canonical);
  return canonical;
}

function canonicalize(tag: string): string | undefined {
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
