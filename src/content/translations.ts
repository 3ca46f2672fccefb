import type { Brief } from './brief.js';

export interface GroupProblem {
  file: string;
  path: string;
  message: string;
}

/**
 * Translations of briefs, kept apart from the originals so that lists, topics and
 * announcements see one brief per group; the original's slug and topics reach the group.
 */
export class Translations {
  private readonly bySlug = new Map<string, Brief>();
  private readonly byOriginal = new Map<string, Brief[]>();

  get size(): number {
    return this.bySlug.size;
  }

  has(slug: string): boolean {
    return this.bySlug.has(slug);
  }

  get(slug: string): Brief | undefined {
    return this.bySlug.get(slug);
  }

  clear(): void {
    this.bySlug.clear();
    this.byOriginal.clear();
  }

  set(brief: Brief): Brief | undefined {
    const previous = this.delete(brief.slug);
    const original = brief.translationOf!;
    this.bySlug.set(brief.slug, brief);
    const group = this.byOriginal.get(original) ?? [];
    // Sorted by file so that of two files in one language the same one always serves.
    group.push(brief);
    group.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    this.byOriginal.set(original, group);
    return previous;
  }

  delete(slug: string): Brief | undefined {
    const brief = this.bySlug.get(slug);
    if (!brief) return undefined;
    this.bySlug.delete(slug);
    const group = this.byOriginal.get(brief.translationOf!)?.filter((t) => t.slug !== slug) ?? [];
    if (group.length > 0) this.byOriginal.set(brief.translationOf!, group);
    else this.byOriginal.delete(brief.translationOf!);
    return brief;
  }

  /** The original and its translations, one per language, the original first. */
  versions(original: Brief): Brief[] {
    const out = [original];
    const langs = new Set([original.lang]);
    for (const t of this.byOriginal.get(original.slug) ?? []) {
      if (langs.has(t.lang)) continue;
      langs.add(t.lang);
      out.push(t);
    }
    return out;
  }

  all(): IterableIterator<Brief> {
    return this.bySlug.values();
  }

  /** Translations pointing nowhere (or at another translation) and second files of one language. */
  problems(original: (slug: string) => Brief | undefined): GroupProblem[] {
    const out: GroupProblem[] = [];
    for (const [slug, group] of this.byOriginal) {
      const head = original(slug);
      if (!head) {
        const message = this.bySlug.has(slug)
          ? `"${slug}" is itself a translation: point at the original brief`
          : `there is no brief with the slug "${slug}"`;
        for (const t of group) out.push({ file: t.file, path: 'translationOf', message });
        continue;
      }
      const seen = new Map([[head.lang, head.file]]);
      for (const t of group) {
        const first = seen.get(t.lang);
        if (first === undefined) seen.set(t.lang, t.file);
        else out.push({ file: t.file, path: 'lang', message: `"${t.lang}" version of "${slug}" already exists: ${first}` });
      }
    }
    return out;
  }
}
