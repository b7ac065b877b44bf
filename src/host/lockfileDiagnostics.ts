/**
 * Lockfile verdicts as diagnostics on the entries' lines, in the Problems view and the editor:
 * changed is an error (the install gets other bytes than the lockfile pins), missing a warning
 * (the install fails), weak and unverifiable-without-download information (weak ones can be
 * turned off: every GitLab npm entry is weak, as GitLab gives npm only a SHA-1).
 */
import * as vscode from 'vscode';
import type { CheckedVerdict } from '../core/lockfiles/verifyEntries';
import type { LockfileCheck, LockfileChecks } from './lockfileChecks';

export const DIAGNOSTIC_SOURCE = 'GitLab Packages';

export class LockfileDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('gitlabPackages.lockfiles');
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly checks: LockfileChecks,
    private readonly showWeak: () => boolean,
  ) {
    this.subscription = checks.onDidChange(() => this.update());
  }

  update(): void {
    this.collection.clear();
    for (const check of this.checks.all)
      this.collection.set(
        check.uri,
        diagnosticsOf(check, (i) => this.checks.shown(check, i), this.showWeak()),
      );
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

export function diagnosticsOf(
  check: LockfileCheck,
  shown: (i: number) => { kind: CheckedVerdict['kind']; reasons: string[] },
  showWeak: boolean,
): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  check.result.parsed.entries.forEach((entry, i) => {
    const { kind, reasons } = shown(i);
    const severity = severityOf(kind, showWeak);
    if (severity === undefined || !reasons.length) return;
    const span = check.spans[i];
    const range = new vscode.Range(entry.line - 1, span.start, entry.line - 1, span.end);
    // Names come from the lockfile: shown as plain text (diagnostics render no markup).
    const d = new vscode.Diagnostic(range, `${entry.name}@${entry.version}: ${reasons.join('; ')}`, severity);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = kind;
    out.push(d);
  });
  return out;
}

function severityOf(kind: CheckedVerdict['kind'], showWeak: boolean): vscode.DiagnosticSeverity | undefined {
  switch (kind) {
    case 'changed':
      return vscode.DiagnosticSeverity.Error;
    case 'missing':
      return vscode.DiagnosticSeverity.Warning;
    case 'unverifiable':
      return vscode.DiagnosticSeverity.Information;
    case 'weak':
      return showWeak ? vscode.DiagnosticSeverity.Information : undefined;
    default:
      // A match, another registry's entry, or one not checked (the status bar and report say why).
      return undefined;
  }
}
