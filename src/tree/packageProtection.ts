/** The protection rule over a package row and why its user may not delete it: what its row, tooltip, details and deletes say. */
import { ruleStanding, type RuleStanding } from '../core/protection/protectionRules';
import type { PackageNode } from './nodes';

/** Only a project's own list knows its rules (a group's list spans projects whose rules are not read). */
export function packageProtection(node: PackageNode): RuleStanding {
  return ruleStanding(node.parent.kind === 'project' ? node.parent.protection : undefined, node.pkg);
}
