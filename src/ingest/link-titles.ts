/** Link texts that say nothing of the page they point to. */
export const GENERIC_TEXT =
  /^(here|this|link|click here|read more|more|source|report|website|this report|this story|the report|said|says)$/i;

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * A link text that cannot stand as a source's title: a word or two lifted
 * from the sentence ("killed", "scientists think", “unprecedented”) rather
 * than a name ("Reuters", "Human Rights Watch").
 */
export function isBareLinkText(text: string): boolean {
  const t = text.replace(/^["“‘'«]+|["”’'»]+$/gu, '').trim();
  if (t.length < 3 || GENERIC_TEXT.test(t)) return true;
  return words(t) <= 3 && /^\p{Ll}/u.test(t);
}

/** The anchors of a whole page, for finding a fuller title for the same address. */
export interface PageAnchor {
  href: string;
  text: string;
  title?: string | null | undefined;
}

/**
 * For each address, the best title the page itself gives: a `title`
 * attribute, or the fullest text of any link to the same address.
 * Keys are whatever `keyOf` makes of an address (undefined: skip it).
 */
export function pageTitles(
  anchors: readonly PageAnchor[],
  keyOf: (href: string) => string | undefined,
): Map<string, string> {
  const best = new Map<string, string>();
  for (const a of anchors) {
    const key = keyOf(a.href);
    if (!key) continue;
    for (const candidate of [a.title ?? '', a.text]) {
      const t = candidate.replace(/\s+/g, ' ').trim();
      if (t.length > 300 || isBareLinkText(t) || words(t) < 2) continue;
      if (t.length > (best.get(key)?.length ?? 0)) best.set(key, t);
    }
  }
  return best;
}
