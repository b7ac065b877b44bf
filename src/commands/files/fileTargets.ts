/** The package-file rows a file command acts on. */
import type { FileNode, TreeNode } from '../../tree/nodes';
import type { CommandDeps } from '../shared/deps';
import { targetNodes } from '../shared/targets';

export function fileTargets(deps: CommandDeps, node: unknown, selected: unknown): FileNode[] {
  return targetNodes(deps, node, selected).filter((n: TreeNode): n is FileNode => n.kind === 'packageFile');
}
