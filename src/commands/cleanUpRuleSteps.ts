/**
 * The clean-up rule, asked step by step (input boxes and quick picks, each skippable with an
 * empty answer; Escape stops). The rule used last for this project or group is offered first,
 * and its values fill the steps when the user changes it.
 */
import * as vscode from 'vscode';
import { describeRule, hasCriterion, type CleanUpRule } from '../core/cleanUpRule';
import { say } from '../host/words';
import { compilePattern } from '../util/pattern';
import { PACKAGE_TYPES } from './filter';

/** The statuses a package list shows (the others are not listed, so a rule cannot meet them). */
const LISTED_STATUSES = ['default', 'error', 'deprecated'];
/** Terraform modules are not in package lists (GitLab lists them elsewhere). */
const LISTED_TYPES = PACKAGE_TYPES.filter((t) => t !== 'terraform_module');
const TOTAL_STEPS = 7;

export async function askRule(sourceLabel: string, remembered: CleanUpRule | undefined): Promise<CleanUpRule | undefined> {
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
  const title = (step: number): string => vscode.l10n.t('Clean Up {0} ({1}/{2})', sourceLabel, step, TOTAL_STEPS);
  const rule: CleanUpRule = {};
  const keep = await askCount(
    title(1),
    vscode.l10n.t('Keep the newest N versions of each package name (empty: keep the newest one; 0: every version may go)'),
    prev.keepNewest,
  );
  if (keep === null) return undefined;
  rule.keepNewest = keep;
  const older = await askCount(title(2), vscode.l10n.t('Delete versions older than D days (empty: any age)'), prev.olderThanDays);
  if (older === null) return undefined;
  rule.olderThanDays = older;
  const unused = await askCount(
    title(3),
    vscode.l10n.t('Delete versions not downloaded for D days; never downloaded counts from creation (empty: skip)'),
    prev.notDownloadedForDays,
  );
  if (unused === null) return undefined;
  rule.notDownloadedForDays = unused;
  const names = await askPattern(
    title(4),
    vscode.l10n.t('Only package names matching (a glob such as acme-*, or /regular expression/; empty: all)'),
    prev.namePattern,
  );
  if (names === null) return undefined;
  rule.namePattern = names;
  const versions = await askPattern(
    title(5),
    vscode.l10n.t('Only versions matching (e.g. *-SNAPSHOT, or /regular expression/; empty: all)'),
    prev.versionPattern,
  );
  if (versions === null) return undefined;
  rule.versionPattern = versions;
  const types = await askList(title(6), vscode.l10n.t('Only these package types (none checked: all types)'), LISTED_TYPES, prev.packageTypes);
  if (types === null) return undefined;
  rule.packageTypes = types;
  const statuses = await askList(title(7), vscode.l10n.t('Only these statuses (none checked: all)'), LISTED_STATUSES, prev.statuses);
  if (statuses === null) return undefined;
  rule.statuses = statuses;
  const clean = Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as CleanUpRule;
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
