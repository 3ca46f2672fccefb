import { createHash } from 'node:crypto';
import type { Brief } from './brief.js';

/** A digest of what readers see of a brief; equal versions mean nothing to announce. */
export function briefVersion(brief: Brief): string {
  const { file: _file, ...visible } = brief;
  return createHash('sha256').update(JSON.stringify(visible)).digest('base64url').slice(0, 22);
}
