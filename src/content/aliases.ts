import SearchableMap from 'minisearch/SearchableMap';
import { hasCyrillic, transliterate } from '../shared/transliterate.js';
import type { Brief } from './brief.js';
import { fastNormalize as normalize } from './tokenize.js';

/** Where an alias leads: the brief (an original's slug) and which of its topics. */
interface Target {
  slug: string;
  topic: number;
}

/** Typos allowed in an alias: one in four letters, like the strict lookup. */
const typos = (word: string): number => Math.min(2, Math.floor(word.length / 4));

/**
 * Words in front matter that reach a topic key in another spelling or script: a brief's
 * `aliases` reach its main topic; a translation's topics reach the original's topic at the
 * same position. Each alias is also kept transliterated, so `sintszyan` finds what `синьцзян` does.
 */
export class Aliases {
  /**
   * Alias key -> the briefs it leads to, one radix tree per script, so that near misses are found
   * by a walk, not a scan, and a query walks only keys of its own script: a key in another script
   * is never within a typo or two of it.
   */
  private readonly latin = new SearchableMap<Map<string, Target>>();
  private readonly cyrillic = new SearchableMap<Map<string, Target>>();

  private tree(key: string): SearchableMap<Map<string, Target>> {
    return hasCyrillic(key) ? this.cyrillic : this.latin;
  }

  add(brief: Brief): void {
    for (const [word, target] of entries(brief)) {
      for (const key of spellings(word)) {
        const byBrief = this.tree(key).get(key) ?? new Map<string, Target>();
        byBrief.set(brief.slug, target);
        this.tree(key).set(key, byBrief);
      }
    }
  }

  remove(brief: Brief): void {
    for (const [word] of entries(brief)) {
      for (const key of spellings(word)) {
        const byBrief = this.tree(key).get(key);
        byBrief?.delete(brief.slug);
        if (byBrief?.size === 0) this.tree(key).delete(key);
      }
    }
  }

  clear(): void {
    this.latin.clear();
    this.cyrillic.clear();
  }

  /** The targets of a normalised query, exactly or, failing that, within a typo or two. */
  find(query: string, fuzzy: boolean): Target[] {
    for (const key of spellings(query)) {
      const dashed = key.replace(/ /g, '-');
      const exact = this.tree(dashed).get(dashed);
      if (exact) return [...exact.values()];
    }
    if (!fuzzy || this.latin.size + this.cyrillic.size === 0) return [];
    for (const key of spellings(query)) {
      const dashed = key.replace(/ /g, '-');
      const allowed = typos(dashed);
      if (allowed === 0) continue;
      // The nearest alias within the typos allowed; of equally near ones, the first in key order.
      let best: [string, Map<string, Target>, number] | undefined;
      for (const [near, [byBrief, d]] of this.tree(dashed).fuzzyGet(dashed, allowed))
        if (!best || d < best[2] || (d === best[2] && near < best[0])) best = [near, byBrief, d];
      if (best) return [...best[1].values()];
    }
    return [];
  }
}

/** The word as written and, for Cyrillic, as transliterated. */
function spellings(word: string): string[] {
  const key = normalize(word).replace(/ /g, '-');
  return hasCyrillic(key) ? [key, transliterate(key)] : [key];
}

function* entries(brief: Brief): Generator<[string, Target]> {
  const slug = brief.translationOf ?? brief.slug;
  for (const alias of brief.aliases ?? []) yield [alias, { slug, topic: 0 }];
  if (brief.translationOf) for (const [i, topic] of brief.topics.entries()) yield [topic, { slug, topic: i }];
}
