/** What a delete says when the instance's token can only read: once, with the way out (Replace Token…). */
import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import type { SourceNode } from '../../tree/nodes';

export function readOnlyTokenMessage(project: SourceNode): void {
  const replace = vscode.l10n.t('Replace Token…');
  const host = new URL(project.ref.instanceUrl).host;
  const text = vscode.l10n.t('The access token for {0} can only read (it lacks the "api" scope): deleting needs a token with the "api" scope.', host);
  void vscode.window.showWarningMessage(text, replace).then((choice) => {
    if (choice === replace) void vscode.commands.executeCommand(COMMANDS.setToken, project.ref.origin);
  });
}
