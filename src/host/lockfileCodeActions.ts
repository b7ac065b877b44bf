/** Quick fixes on a lockfile entry's diagnostic: Reveal in Packages View, Verify by Downloading. */
import * as vscode from 'vscode';
import { entryActions } from './lockfileActions';
import { currentCheck, entryAt, type LockfileChecks } from './lockfileChecks';
import { DIAGNOSTIC_SOURCE } from './lockfileDiagnostics';

export class LockfileCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly checks: LockfileChecks) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const check = currentCheck(this.checks, document);
    if (!check) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const i = entryAt(check, (ours[0]?.range ?? range).start.line);
    if (i === undefined) return [];
    const words = { reveal: vscode.l10n.t('Reveal in Packages View'), download: vscode.l10n.t('Verify by Downloading') };
    return entryActions(check, i, words).map((a) => {
      const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
      action.command = { title: a.title, command: a.command, arguments: a.args };
      action.diagnostics = ours;
      return action;
    });
  }
}
