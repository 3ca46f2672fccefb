import { IngestError } from './errors.js';

/** Browsers stop nesting at 512 levels; deeper markup is broken, and Readability's recursion would overflow. */
export const MAX_DEPTH = 512;

interface TreeNode {
  children: ArrayLike<TreeNode>;
}

/** How deep the element tree goes, walked without recursion. */
export function depthOf(root: TreeNode): number {
  let max = 0;
  const stack: [TreeNode, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > max) max = depth;
    // linkedom builds `children` afresh on each access: read it once.
    for (const child of Array.from(node.children)) stack.push([child, depth + 1]);
  }
  return max;
}

export function assertShallow(root: TreeNode | null): void {
  if (root && depthOf(root) > MAX_DEPTH) {
    throw new IngestError(`the markup is nested more than ${MAX_DEPTH} levels deep; the HTML is broken`);
  }
}

/** Elements that never hold others, and those whose end tag browsers supply themselves. */
const NO_CONTENT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const IMPLIED_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript']);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

/**
 * The same refusal, from the markup's text before any DOM is built: building a tree of
 * millions of nested elements (10 MB of `<div>`) takes minutes, scanning the tags takes
 * milliseconds. Counts only elements whose end tag is not optional, so long pages with
 * unclosed `<p>` and `<li>` pass.
 */
export function assertShallowMarkup(html: string): void {
  const open: string[] = [];
  const lower = html.toLowerCase();
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name || NO_CONTENT.has(name) || IMPLIED_END.has(name)) continue;
    if (m[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (m[3]) continue;
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    open.push(name);
    if (open.length > MAX_DEPTH) {
      throw new IngestError(`the markup is nested more than ${MAX_DEPTH} levels deep; the HTML is broken`);
    }
  }
}
