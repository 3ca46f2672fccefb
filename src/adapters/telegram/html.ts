/**
 * A tiny tree for Telegram's HTML: text is escaped when rendered, so content can never
 * open a tag, and lengths are counted the way Telegram counts them (visible UTF-16 units).
 */
export type Node = string | Element;

export interface Element {
  tag: 'b' | 'i' | 'code' | 'a' | 'blockquote';
  href?: string;
  /** A blockquote shown collapsed until the reader expands it (Bot API 7.4). */
  expandable?: true;
  children: Node[];
}

/** One line of a message; an empty line renders as a blank line. */
export type Line = Node[];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces lone surrogates, which are not valid UTF-8, with U+FFFD (same length). */
export const wellFormed = (s: string): string => s.replace(LONE_SURROGATE, '\ufffd');

export const escapeText = (s: string): string =>
  wellFormed(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

export const bold = (...children: Node[]): Element => ({ tag: 'b', children });
export const italic = (...children: Node[]): Element => ({ tag: 'i', children });
export const code = (...children: Node[]): Element => ({ tag: 'code', children });
export const link = (href: string, ...children: Node[]): Element => ({ tag: 'a', href, children });
/** Lines folded into one collapsed quote: a line of its own whose text keeps the line breaks. */
export const expandableQuote = (lines: readonly Line[]): Element => ({
  tag: 'blockquote',
  expandable: true,
  children: lines.flatMap((line, i) => (i === 0 ? line : ['\n', ...line])),
});

export function visibleLength(nodes: readonly Node[]): number {
  let n = 0;
  for (const node of nodes) n += typeof node === 'string' ? node.length : visibleLength(node.children);
  return n;
}

export function plainText(nodes: readonly Node[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : plainText(node.children))).join('');
}

export function toHtml(nodes: readonly Node[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += escapeText(node);
    else if (node.tag === 'a') out += `<a href="${escapeAttribute(node.href ?? '')}">${toHtml(node.children)}</a>`;
    else if (node.expandable) out += `<${node.tag} expandable>${toHtml(node.children)}</${node.tag}>`;
    else out += `<${node.tag}>${toHtml(node.children)}</${node.tag}>`;
  }
  return out;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Splits nodes after `at` visible units; elements cut in two are re-opened on the right. */
export function splitNodes(nodes: readonly Node[], at: number): [Node[], Node[]] {
  const left: Node[] = [];
  const right: Node[] = [];
  let room = at;
  for (const node of nodes) {
    const length = typeof node === 'string' ? node.length : visibleLength(node.children);
    if (room >= length) {
      left.push(node);
      room -= length;
    } else if (room <= 0) {
      right.push(node);
    } else if (typeof node === 'string') {
      const cut = isHighSurrogate(node.charCodeAt(room - 1)) ? room - 1 : room;
      if (cut > 0) left.push(node.slice(0, cut));
      right.push(node.slice(cut));
      room = 0;
    } else {
      const [l, r] = splitNodes(node.children, room);
      if (l.length > 0) left.push({ ...node, children: l });
      if (r.length > 0) right.push({ ...node, children: r });
      room = 0;
    }
  }
  return [left, right];
}

/** Where to cut a too-long line: at a line break or space in the last half, else hard. */
export function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const pattern of [/\n(?![\s\S]*\n)/, /\s(?![\s\S]*\s)/]) {
    const match = pattern.exec(window);
    if (match && match.index >= max / 2 && match.index > 0) return Math.min(match.index + 1, max);
  }
  return max;
}
