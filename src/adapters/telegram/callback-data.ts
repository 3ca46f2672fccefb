import { createHash } from 'node:crypto';
import type { Library } from '../../content/library.js';

/** Telegram allows at most 64 bytes of callback data per button. */
const MAX_BYTES = 64;

export const buttonDigest = (slug: string): string =>
  createHash('sha256').update(slug).digest('base64url').slice(0, 22);

const fits = (slug: string): boolean => Buffer.byteLength(`b:${slug}`) <= MAX_BYTES;

/** The data of a button that opens a brief: its slug, or a digest of a slug too long to fit. */
export function briefButtonData(slug: string): string {
  return fits(slug) ? `b:${slug}` : `h:${buttonDigest(slug)}`;
}

type Briefs = Pick<Library, 'all' | 'get' | 'on'>;

/**
 * Finds the slug a button stands for. Digested slugs are looked up in a map built once (on
 * the first such button) and kept up to date with the library's changes, so a press, forged
 * or not, costs one map lookup rather than a hash of every slug.
 */
export class ButtonSlugs {
  private byDigest: Map<string, string> | undefined;

  constructor(
    private readonly library: Briefs,
    private readonly digest: (slug: string) => string = buttonDigest,
  ) {
    library.on('change', (event) => {
      const { slug } = event.brief;
      if (!this.byDigest || fits(slug)) return;
      if (event.type === 'removed') this.byDigest.delete(this.digest(slug));
      else this.byDigest.set(this.digest(slug), slug);
    });
  }

  slugOf(data: string): string | undefined {
    if (data.startsWith('b:')) return data.slice(2) || undefined;
    if (!data.startsWith('h:')) return undefined;
    const slug = this.digests().get(data.slice(2));
    return slug !== undefined && this.library.get(slug) ? slug : undefined;
  }

  private digests(): Map<string, string> {
    if (this.byDigest) return this.byDigest;
    const map = new Map<string, string>();
    for (const { slug } of this.library.all()) if (!fits(slug)) map.set(this.digest(slug), slug);
    return (this.byDigest = map);
  }
}
