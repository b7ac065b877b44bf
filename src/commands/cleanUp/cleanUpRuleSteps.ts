/**
 * The clean-up rule, asked step by step (input boxes and quick picks, each skippable with an
 * empty answer; Escape stops). The rule used last for this project or group is offered first,
 * and its values fill the steps when the user changes it.
 */
import * as vscode from 'vscode';
import { describeRule, hasCriterion, RULE_KEYS, type CleanUpRule } from '../../core/cleanUp/cleanUpRule';
import { DELETABLE_STATUSES } from '../../core/browse/packageStatus';
import { say } from '../../host/l10n';
import { compilePattern } from '../../util/pattern';

const STEPS = RULE_KEYS.length;

/** `types`: the package types this server has (terraform_module only from GitLab 13.11 on). */
export async function askCleanUpRule(sourceLabel: string, remembered: CleanUpRule | undefined, types: readonly string[]): Promise<CleanUpRule | undefined> {
  if (remembered) {
    const use = vscode.l10n.t('Use the Last Rule');
    const change = vscode.l10n.t('Change the Rule…');
    const choice = await vscode.window.showQuickPick(
      [
        { label: `$(history) ${use}`, description: say(describeRule(remembered)), change: false },
        { label: `$(edit) ${change}`, change: true },
      ],
      { title: vscode.l10n.t('Clean Up {0}', sourceLabel), placeHolder: vscode.l10n.t('Which rule?') },
    );
    if (!choice) return undefined;
    if (!choice.change) return remembered;
  }
  const prev = remembered ?? {};
  const title = (step: number): string => vscode.l10n.t('Clean Up {0} ({1}/{2})', sourceLabel, step, STEPS);
  // Each step answers a value (undefined: skipped) or null (Escape: stop).
  const steps: { [K in keyof CleanUpRule]-?: (title: string) => Promise<CleanUpRule[K] | null> } = {
    keepNewest: (t) =>
      askCount(t, vscode.l10n.t('Keep the newest N versions of each package name (empty: keep the newest one; 0: every version may go)'), prev.keepNewest),
    olderThanDays: (t) => askCount(t, vscode.l10n.t('Delete versions older than D days (empty: any age)'), prev.olderThanDays),
    notDownloadedForDays: (t) =>
      askCount(t, vscode.l10n.t('Delete versions not downloaded for D days; never downloaded counts from creation (empty: skip)'), prev.notDownloadedForDays),
    namePattern: (t) =>
      askPattern(t, vscode.l10n.t('Only package names matching (a glob such as acme-*, or /regular expression/; empty: all)'), prev.namePattern),
    versionPattern: (t) => askPattern(t, vscode.l10n.t('Only versions matching (e.g. *-SNAPSHOT, or /regular expression/; empty: all)'), prev.versionPattern),
    packageTypes: (t) =>
      askList(
        t,
        vscode.l10n.t('Only these package types (none checked: all types but terraform_module, which GitLab lists only when asked)'),
        types,
        prev.packageTypes,
      ),
    statuses: (t) => askList(t, vscode.l10n.t('Only these statuses (none checked: all)'), DELETABLE_STATUSES, prev.statuses),
  };
  const rule: Record<string, unknown> = {};
  let step = 0;
  for (const key of RULE_KEYS) {
    const value = await steps[key](title(++step));
    if (value === null) return undefined;
    if (value !== undefined) rule[key] = value;
  }
  const clean = rule as CleanUpRule;
  if (!hasCriterion(clean)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The rule has no criterion, so nothing would be cleaned up. Give at least one.'));
    return undefined;
  }
  return clean;
}

/** A whole number ≥ 0, undefined when left empty, null on Escape. */
async function askCount(title: string, prompt: string, value: number | undefined): Promise<number | undefined | null> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt,
    value: value === undefined ? '' : String(value),
    validateInput: (v) => (v.trim() === '' || /^\d+$/.test(v.trim()) ? undefined : vscode.l10n.t('A whole number of 0 or more, or empty')),
  });
  if (answer === undefined) return null;
  return answer.trim() === '' ? undefined : Number(answer.trim());
}

async function askPattern(title: string, prompt: string, value: string | undefined): Promise<string | undefined | null> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt,
    value: value ?? '',
    validateInput: (v) => {
      if (!v.trim()) return undefined;
      const compiled = compilePattern(v.trim());
      return compiled.ok ? undefined : say(compiled.problem);
    },
  });
  if (answer === undefined) return null;
  return answer.trim() || undefined;
}

async function askList(title: string, placeHolder: string, names: readonly string[], value: string[] | undefined): Promise<string[] | undefined | null> {
  const items = names.map((label) => ({ label, picked: !!value?.includes(label) }));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, canPickMany: true });
  if (picked === undefined) return null;
  return picked.length ? picked.map((p) => p.label) : undefined;
}
