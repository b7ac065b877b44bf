/**
 * The lockfiles' verdicts summed up in the status bar ("Lockfiles: 214 match, 1 changed"), shown
 * while the workspace has lockfile entries from a configured GitLab; a click runs Verify Lockfiles
 * Against GitLab, whose report lists every entry that is not a match.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import type { CheckedVerdict } from '../core/lockfiles/verifyEntries';
import { cappedLines } from './bulletList';
import type { LockfileCheck, LockfileChecks } from './lockfileChecks';

type Counted = Exclude<CheckedVerdict['kind'], 'other'>;
/** The order of the summary: matches first, then what needs attention, worst last. */
const ORDER: Counted[] = ['match', 'weak', 'unverifiable', 'unchecked', 'missing', 'changed'];

export class LockfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gitlabPackages.lockfiles', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly checks: LockfileChecks) {
    this.item.name = vscode.l10n.t('GitLab Packages: Lockfiles');
    this.item.command = COMMANDS.verifyLockfiles;
    this.subscriptions = [checks.onDidChange(() => this.update()), checks.onDidChangeBusy(() => this.update())];
    this.update();
  }

  update(): void {
    const counts = countVerdicts(this.checks.all.flatMap((c) => shownKinds(this.checks, c)));
    const total = ORDER.reduce((n, k) => n + counts[k], 0);
    if (!total && !this.checks.busy) return void this.item.hide();
    const parts = ORDER.filter((k) => counts[k] > 0).map((k) => countWords(k, counts[k]));
    const summary = parts.length ? vscode.l10n.t('Lockfiles: {0}', parts.join(', ')) : vscode.l10n.t('Lockfiles');
    this.item.text = this.checks.busy ? `$(sync~spin) ${summary}` : `${counts.changed ? '$(error)' : counts.missing ? '$(warning)' : '$(package)'} ${summary}`;
    this.item.backgroundColor = counts.changed ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.tooltip = tooltip(this.checks, this.checks.busy);
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

export function countVerdicts(kinds: readonly CheckedVerdict['kind'][]): Record<Counted, number> {
  const counts: Record<Counted, number> = { match: 0, weak: 0, unverifiable: 0, unchecked: 0, missing: 0, changed: 0 };
  for (const k of kinds) if (k !== 'other') counts[k]++;
  return counts;
}

function shownKinds(checks: LockfileChecks, check: LockfileCheck): CheckedVerdict['kind'][] {
  return check.result.verdicts.map((_, i) => checks.shown(check, i).kind);
}

function countWords(kind: Counted, n: number): string {
  switch (kind) {
    case 'match':
      return vscode.l10n.t('{0} match', n);
    case 'weak':
      return vscode.l10n.t('{0} weak', n);
    case 'unverifiable':
      return vscode.l10n.t('{0} unverifiable', n);
    case 'unchecked':
      return vscode.l10n.t('{0} not checked', n);
    case 'missing':
      return vscode.l10n.t('{0} missing', n);
    case 'changed':
      return vscode.l10n.t('{0} changed', n);
  }
}

/** Per lockfile its counts (plain text: labels are workspace paths), and what a click does. */
function tooltip(checks: LockfileChecks, busy: boolean): string {
  const lines = checks.all.flatMap((c) => {
    const counts = countVerdicts(shownKinds(checks, c));
    const parts = ORDER.filter((k) => counts[k] > 0).map((k) => countWords(k, counts[k]));
    return parts.length ? [`${c.result.label}: ${parts.join(', ')}`] : [];
  });
  const shown = cappedLines(lines, (line) => line);
  if (busy) shown.push(vscode.l10n.t('Verifying…'));
  shown.push('', vscode.l10n.t('Click for the report (Verify Lockfiles Against GitLab).'));
  return shown.join('\n');
}
