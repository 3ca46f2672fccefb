/** The DOM members JSON-LD reading needs; linkedom's documents provide them. */
interface LdDocument {
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

export type LdObject = Record<string, unknown>;

/** Some sites wrap the JSON in a CDATA section (`<![CDATA[ {...} ]]>`), sometimes behind `//`. */
const withoutCdata = (text: string): string =>
  text.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>\s*$/, '');

/** Every object in the page's JSON-LD blocks, `@graph` members included; bad JSON is skipped. */
export function jsonLd(doc: LdDocument): LdObject[] {
  const out: LdObject[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as LdObject;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(withoutCdata(script.textContent ?? '')));
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources still count.
    }
  }
  return out;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report/;

export const ldTypes = (o: LdObject): string[] => [o['@type']].flat().filter((t): t is string => typeof t === 'string');

/** The object describing the story: an Article type, else anything with a datePublished. */
export function ldArticle(objects: readonly LdObject[]): LdObject | undefined {
  return (
    objects.find((o) => ldTypes(o).some((t) => ARTICLE_TYPES.test(t))) ??
    objects.find((o) => typeof o['datePublished'] === 'string')
  );
}

export const ldString = (v: unknown): string | undefined => {
  const t = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
  return t ? t : undefined;
};

export function ldPublisher(article: LdObject | undefined): string | undefined {
  const p = article?.['publisher'];
  const first: unknown = Array.isArray(p) ? p[0] : p;
  if (typeof first === 'string') return ldString(first);
  if (first && typeof first === 'object') return ldString((first as LdObject)['name']);
  return undefined;
}
