import type { Brief } from '../content/brief.js';
import type { Label } from '../store/data-store.js';

export interface Announcement {
  brief: Brief;
  version: string;
  label: Label;
}

/**
 * What changed while nobody was listening: briefs the store has never announced are New,
 * briefs whose version differs from the last one announced are Updated. Briefs that are
 * gone are not listed: a removed brief sends nothing.
 */
export function changesSince(
  known: ReadonlyMap<string, string>,
  briefs: Iterable<Brief>,
  versionOf: (slug: string) => string | undefined,
): Announcement[] {
  const out: Announcement[] = [];
  for (const brief of briefs) {
    const version = versionOf(brief.slug);
    if (version === undefined) continue;
    const last = known.get(brief.slug);
    if (last === version) continue;
    out.push({ brief, version, label: last === undefined ? 'New' : 'Updated' });
  }
  return out;
}
