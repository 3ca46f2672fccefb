import { baseLanguage, canonicalLanguage } from '../shared/language.js';
import type { Brief, BriefRef } from './brief.js';

export interface PickedVersion {
  brief: Brief;
  /** Set when the reader's language has no version: the languages there are. */
  fallback?: { wanted: string; available: string[] };
}

/**
 * The version of a group in the reader's language: the exact tag, else the same base language
 * (`en-GB` reads `en`, `pt` reads `pt-BR`), else the original with a fallback note.
 */
export function pickVersion(versions: readonly Brief[], wanted: string | undefined): PickedVersion {
  const original = versions[0]!;
  const language = canonicalLanguage(wanted);
  if (!language) return { brief: original };
  const exact = versions.find((v) => v.lang === language);
  if (exact) return { brief: exact };
  const base = baseLanguage(language);
  const close = versions.find((v) => baseLanguage(v.lang) === base);
  if (close) return { brief: close };
  return { brief: original, fallback: { wanted: language, available: versions.map((v) => v.lang) } };
}

/** Where a brief's versions come from (the library). */
export interface VersionSource {
  get(slug: string): Brief | undefined;
  versionsOf(brief: Brief): Brief[];
}

/**
 * A reference to a brief named by the title of its version in the reader's language (picked as
 * `pickVersion` does); slug and date stay the original's, so opening it reaches the whole group.
 */
export function refIn(library: VersionSource, ref: BriefRef, language: string | undefined): BriefRef {
  if (!canonicalLanguage(language)) return ref;
  const brief = library.get(ref.slug);
  const title = brief ? pickVersion(library.versionsOf(brief), language).brief.title : ref.title;
  return title === ref.title ? ref : { ...ref, title };
}
