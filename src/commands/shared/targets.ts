/** Which rows a tree command acts on, and whether an argument is a row. */
import type { TreeNode } from '../../tree/nodes';
import type { CommandDeps } from './deps';

/** The rows a tree command acts on: the multi-selection, the clicked row, or the focused selection. */
export function targetNodes(deps: CommandDeps, node: unknown, selected: unknown): TreeNode[] {
  if (Array.isArray(selected) && selected.length > 0 && (node === undefined || selected.includes(node))) return selected as TreeNode[];
  if (isNode(node)) return [node];
  return [...deps.treeView.selection];
}

export function isNode(v: unknown): v is TreeNode {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string' && typeof (v as { id?: unknown }).id === 'string';
}
