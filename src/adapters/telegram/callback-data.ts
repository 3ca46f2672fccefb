import { createHash } from 'node:crypto';

/** Telegram allows at most 64 bytes of callback data per button. */
const MAX_BYTES = 64;

const digest = (slug: string): string => createHash('sha256').update(slug).digest('base64url').slice(0, 22);

/** The data of a button that opens a brief: its slug, or a digest of a slug too long to fit. */
export function briefButtonData(slug: string): string {
  const data = `b:${slug}`;
  return Buffer.byteLength(data) <= MAX_BYTES ? data : `h:${digest(slug)}`;
}

/** Finds the slug a button stands for; `slugs` is only read for digested ones. */
export function slugFromButton(data: string, slugs: () => Iterable<string>): string | undefined {
  if (data.startsWith('b:')) return data.slice(2) || undefined;
  if (!data.startsWith('h:')) return undefined;
  const wanted = data.slice(2);
  for (const slug of slugs()) if (digest(slug) === wanted) return slug;
  return undefined;
}
