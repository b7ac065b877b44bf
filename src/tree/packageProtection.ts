/** The protection rule over a package row and why its user may not delete it: what its row, tooltip, details and deletes say. */
import { adminModeDecides, refusalIn, ruleFor, type ProtectionRule } from '../core/protection/protectionRules';
import type { Text } from '../util/text';
import type { PackageNode } from './nodes';

export interface PackageProtection {
  rule?: ProtectionRule;
  /** Set when the rule lets only a higher role than the user's delete it. */
  refusal?: Text;
  /** Set when the rule refuses the user's role but they are an administrator without a known `admin_mode` scope: GitLab decides. */
  adminModeDecides?: boolean;
}

/** Only a project's own list knows its rules (a group's list spans projects whose rules are not read). */
export function packageProtection(node: PackageNode): PackageProtection {
  const protection = node.parent.kind === 'project' ? node.parent.protection : undefined;
  if (!protection) return {};
  const rule = ruleFor(node.pkg, protection.rules);
  return { rule, refusal: refusalIn(protection, rule), ...(adminModeDecides(protection, rule) ? { adminModeDecides: true } : {}) };
}
