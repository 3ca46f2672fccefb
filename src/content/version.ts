import { createHash } from 'node:crypto';
import type { Brief } from './brief.js';
import { StoredBrief } from './stored-brief.js';

const known = new WeakMap<Brief, string>();

/** A digest of what readers see of a brief; equal versions mean nothing to announce. */
export function briefVersion(brief: Brief): string {
  if (brief instanceof StoredBrief) return brief.version;
  let version = known.get(brief);
  if (version === undefined) {
    const { file: _file, ...visible } = brief;
    version = createHash('sha256').update(JSON.stringify(visible)).digest('base64url').slice(0, 22);
    known.set(brief, version);
  }
  return version;
}

/** Records a version worked out elsewhere (on a parser thread) so it is not hashed again. */
export function rememberVersion(brief: Brief, version: string): void {
  known.set(brief, version);
}
