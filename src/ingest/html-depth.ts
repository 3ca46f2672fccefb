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
