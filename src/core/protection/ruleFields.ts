/** What the answers of Add Rule… and Edit Rule… come to, before anything is sent: the rule they make, and whether it restricts anything. */
import type { ProtectionRule, RuleFields } from '../../gitlab/protectionRuleModels';

/**
 * A rule that restricts nothing is refused by GitLab (17.11+: push or delete must be set). An
 * edit that does not name the delete level leaves it as GitLab keeps it (maybe unshown, the
 * flag off): not judged here, GitLab answers.
 */
export function restrictsNothing(fields: Partial<RuleFields>, edit = false): boolean {
  if (edit && !('minimumAccessLevelForDelete' in fields)) return false;
  return fields.minimumAccessLevelForPush === null && (fields.minimumAccessLevelForDelete ?? null) === null;
}

/** The rule these fields make, to word it before it exists. */
export function previewRule(fields: RuleFields, id = 0): ProtectionRule {
  return {
    id,
    packageNamePattern: fields.packageNamePattern,
    packageType: fields.packageType,
    minimumAccessLevelForPush: fields.minimumAccessLevelForPush ?? undefined,
    minimumAccessLevelForDelete: fields.minimumAccessLevelForDelete ?? undefined,
  };
}
