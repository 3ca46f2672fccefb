import type { Brief } from './brief.js';
import { Aliases } from './aliases.js';
import { MultiMap } from './multi-map.js';
import { fastNormalize as normalize } from './tokenize.js';
import { Translations, type GroupProblem } from './translations.js';

type Originals = (slug: string) => Brief | undefined;

/** Translation groups and the words (aliases, translated topics and titles) that lead into them. */
export class Groups {
  private readonly translations = new Translations();
  private readonly aliases = new Aliases();
  private readonly titles = new MultiMap();

  get size(): number {
    return this.translations.size;
  }

  clear(): void {
    this.translations.clear();
    this.aliases.clear();
    this.titles.clear();
  }

  addOriginal(brief: Brief): void {
    this.aliases.add(brief);
  }

  removeOriginal(brief: Brief): void {
    this.aliases.remove(brief);
  }

  addTranslation(brief: Brief): void {
    this.removeTranslation(brief.slug);
    this.translations.set(brief);
    this.aliases.add(brief);
    this.titles.add(normalize(brief.title), brief.translationOf!);
  }

  removeTranslation(slug: string): void {
    const gone = this.translations.delete(slug);
    if (!gone) return;
    this.aliases.remove(gone);
    this.titles.delete(normalize(gone.title), gone.translationOf!);
  }

  versions(brief: Brief, originals: Originals): Brief[] {
    const original = brief.translationOf === undefined ? brief : originals(brief.translationOf);
    return original ? this.translations.versions(original) : [brief];
  }

  problems(originals: Originals): GroupProblem[] {
    return this.translations.problems(originals);
  }

  /** The topic key an alias (or, with `fuzzy`, a near miss of one) leads to. */
  topicOf(query: string, fuzzy: boolean, originals: Originals): string | undefined {
    for (const target of this.aliases.find(query, fuzzy)) {
      const topics = originals(target.slug)?.topics;
      const key = topics?.[target.topic] ?? topics?.[0];
      if (key !== undefined) return key;
    }
    return undefined;
  }

  /** Originals whose translation has this (normalised) title. */
  titled(query: string): readonly string[] {
    return this.titles.get(query);
  }
}
