import { LIMITS } from '../content/schema.js';
import { toKey } from '../core/normalize.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isSlug = (s: string): boolean => SLUG.test(s) && s.length <= LIMITS.slug;

/** A file-name slug from a title: ASCII words, cut at a word boundary to 60 characters. */
export function slugFrom(title: string): string {
  const words = toKey(title)
    .normalize('NFKD')
    .replace(/[^a-z0-9-]+/g, '')
    .split('-')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, 60);
}
