/**
 * What a rule write came to, judged from GitLab's answer, never from the request: the rule
 * GitLab returned compared with what was asked. GitLab 17.11+ keeps a delete level only with
 * its feature flag `packages_protected_packages_delete` on (off by default): off, a new rule
 * is stored without it, an edit keeps the old one, both read back null, and a delete-only rule
 * (no push level) is refused with a 422 — the signs that delete protection is switched off.
 */
import { isGitLabError } from '../gitlab/errors';
import type { ProtectionRule, RuleFields } from '../gitlab/protectionRuleModels';

/** `asAsked`; `deleteProtectionOff`: all but the delete level asked for; `changed`: GitLab kept something else. */
export type RuleOutcome = 'asAsked' | 'deleteProtectionOff' | 'changed';

export function ruleOutcome(asked: Partial<RuleFields>, got: ProtectionRule): RuleOutcome {
  const differs = (want: string | null | undefined, have: string | undefined): boolean => want !== undefined && (want ?? undefined) !== have;
  if (
    differs(asked.packageNamePattern, got.packageNamePattern) ||
    differs(asked.packageType, got.packageType) ||
    differs(asked.minimumAccessLevelForPush, got.minimumAccessLevelForPush)
  )
    return 'changed';
  if (!differs(asked.minimumAccessLevelForDelete, got.minimumAccessLevelForDelete)) return 'asAsked';
  return got.minimumAccessLevelForDelete === undefined ? 'deleteProtectionOff' : 'changed';
}

/**
 * GitLab's 422 for a delete-only rule where it keeps no delete level (the model's "at least …
 * push or delete"). Judged from structure, not words (GitLab answers in the user's locale,
 * lib/api/api.rb): the write was delete-only, the answer 422, and no loaded rule (`others`:
 * the project's rules but the one edited) has the same pattern and type — the only other 422
 * is "already taken". The English words are a second signal where the rules are unknown.
 */
export function refusedForDeleteProtectionOff(asked: Partial<RuleFields>, e: unknown, others?: readonly ProtectionRule[]): boolean {
  const deleteOnly = asked.minimumAccessLevelForPush === null && typeof asked.minimumAccessLevelForDelete === 'string';
  if (!deleteOnly || !isGitLabError(e) || e.kind !== 'badRequest' || e.status !== 422) return false;
  if ((e.serverMessage ?? '').includes('push or delete')) return true;
  return others !== undefined && !others.some((r) => r.packageNamePattern === asked.packageNamePattern && r.packageType === asked.packageType);
}
