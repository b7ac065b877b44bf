/**
 * What a rule write came to, judged from GitLab's answer, never from the request: the rule
 * GitLab returned compared with what was asked. GitLab 17.11+ keeps a delete level only with
 * its feature flag `packages_protected_packages_delete` on (off by default): off, a new rule
 * is stored without it, an edit keeps the old one, both read back null, and a delete-only rule
 * (no push level) is refused with a 422 — the signs that delete protection is switched off.
 */
import { isGitLabError } from '../../gitlab/errors';
import type { ProtectionRule, RuleFields } from '../../gitlab/protectionRuleModels';

/**
 * `asAsked`; `deleteProtectionOff`: all but the delete level asked for; `changed`: GitLab kept
 * something else; `changedWithoutDelete`: something else, and no delete level came back for the
 * one asked (the flag-off sign too); `oldDeleteMayRemain`: an edit that asked for no delete level
 * and got none, where delete protection may be switched off — GitLab then keeps the old level
 * hidden (an edit keeps it) and it applies again once the flag is switched on.
 */
export type RuleOutcome = 'asAsked' | 'deleteProtectionOff' | 'changed' | 'changedWithoutDelete' | 'oldDeleteMayRemain';

/** `deleteMayBeHidden`: an edit, and no loaded rule of the project shows a delete level (the flag may be off there). */
export function ruleOutcome(asked: Partial<RuleFields>, got: ProtectionRule, deleteMayBeHidden = false): RuleOutcome {
  const differs = (want: string | null | undefined, have: string | undefined): boolean => want !== undefined && (want ?? undefined) !== have;
  const deleteDropped = typeof asked.minimumAccessLevelForDelete === 'string' && got.minimumAccessLevelForDelete === undefined;
  if (
    differs(asked.packageNamePattern, got.packageNamePattern) ||
    differs(asked.packageType, got.packageType) ||
    differs(asked.minimumAccessLevelForPush, got.minimumAccessLevelForPush)
  )
    return deleteDropped ? 'changedWithoutDelete' : 'changed';
  if (!differs(asked.minimumAccessLevelForDelete, got.minimumAccessLevelForDelete))
    return deleteMayBeHidden && asked.minimumAccessLevelForDelete === null ? 'oldDeleteMayRemain' : 'asAsked';
  return deleteDropped ? 'deleteProtectionOff' : 'changed';
}

/**
 * GitLab's 422 for a delete-only rule where it keeps no delete level (the model's "at least …
 * push or delete"). Judged from structure as far as it goes (GitLab answers in the user's locale,
 * lib/api/api.rb): the write was delete-only, the answer 422, and no loaded rule (`others`: the
 * project's rules but the one edited) has the same pattern and type ("already taken"). The
 * model's other 422s are about the pattern (app/models/packages/protection/rule.rb: over 255
 * characters; not an npm, PyPI or Terraform module name with wildcards): a pattern over the
 * length, or an English answer about the pattern, is not the flag. The English "push or delete"
 * is the flag wherever the rules are unknown.
 */
export function refusedForDeleteProtectionOff(asked: Partial<RuleFields>, e: unknown, others?: readonly ProtectionRule[]): boolean {
  const deleteOnly = asked.minimumAccessLevelForPush === null && typeof asked.minimumAccessLevelForDelete === 'string';
  if (!deleteOnly || !isGitLabError(e) || e.kind !== 'badRequest' || e.status !== 422) return false;
  const said = (e.serverMessage ?? '').toLowerCase();
  if (said.includes('push or delete')) return true;
  if ((asked.packageNamePattern?.length ?? 0) > 255 || PATTERN_WORDS.some((w) => said.includes(w))) return false;
  return others !== undefined && !others.some((r) => r.packageNamePattern === asked.packageNamePattern && r.packageType === asked.packageType);
}

/** GitLab's English words for a pattern it refused (rule.rb's format messages, Rails' length and uniqueness). */
const PATTERN_WORDS = ['package name pattern', 'with optional wildcard characters', 'is too long', 'has already been taken'];
