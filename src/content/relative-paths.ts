import { isAbsolute, relative, resolve, sep } from 'node:path';
import { displayPathOf } from './read-brief.js';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites every path under the content folder in a text (a content error names its file and
 * sometimes another one) relative to that folder, so a chat never learns where the server keeps it.
 */
export function relativeToContent(text: string, dir: string): string {
  const absolute = resolve(dir);
  const prefixes = new Set([absolute + sep, displayPathOf(dir, '') + sep, dir.replace(/\/+$/, '') + '/']);
  let out = text;
  for (const prefix of [...prefixes].sort((a, b) => b.length - a.length)) {
    if (prefix === sep || prefix === '/' || prefix === './') continue;
    // Only at the start of a path: the text's start or after a space, quote or parenthesis.
    out = out.replace(new RegExp(`(^|[\\s"'(])${escape(prefix)}`, 'g'), '$1');
  }
  return out;
}

/** A file's path relative to the content folder, or its base name when it lies outside it. */
export function contentRelative(file: string, dir: string): string {
  const rel = relative(resolve(dir), resolve(file));
  return rel.startsWith('..') || isAbsolute(rel) ? (rel.split(sep).pop() ?? rel) : rel;
}
