/** The project a protection-rule command acts on: the one behind a "Protection Rules" row or a rule row. */
import type { ProjectNode, TreeNode } from '../../tree/nodes';

export function ruleProject(node: TreeNode | undefined): ProjectNode | undefined {
  if (node?.kind === 'protectionRules') return node.parent;
  if (node?.kind === 'protectionRule') return node.parent.parent;
  return undefined;
}
