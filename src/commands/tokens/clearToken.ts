/**
 * Remove Access Token: says where the token came from and what removing it can do. A stored
 * token is deleted from SecretStorage; a token from GITLAB_PACKAGES_TOKEN cannot be removed
 * from inside VS Code — this window can only stop sending it.
 */
import * as vscode from 'vscode';
import type { CommandDeps, Handler } from '../shared/deps';
import { pickInstance } from './pickInstance';

export function clearTokenCommand(deps: CommandDeps): Handler {
  return async (given?: unknown) => {
    const instanceUrl = await pickInstance(deps, given, vscode.l10n.t('Remove the token of which GitLab instance?'));
    if (!instanceUrl) return;
    const origin = new URL(instanceUrl).origin;
    const host = new URL(origin).host;
    const source = await deps.tokens.source(origin);
    if (!source) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No access token is stored for {0}.', host));
      return;
    }
    if (source === 'secretStorage') await deps.tokens.delete(origin);
    if (!deps.tokens.hasEnvironmentToken(origin)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Removed the access token for {0}.', host));
      return;
    }
    const stop = vscode.l10n.t('Stop Using It in This Window');
    const message =
      source === 'secretStorage'
        ? vscode.l10n.t('Removed the stored access token for {0}. The token from the environment variable GITLAB_PACKAGES_TOKEN is still sent to {0}.', host)
        : vscode.l10n.t('The access token for {0} comes from the environment variable GITLAB_PACKAGES_TOKEN, which VS Code cannot remove.', host);
    const detail = vscode.l10n.t('Unset GITLAB_PACKAGES_TOKEN where VS Code is started to remove it for good. This window can stop sending it now.');
    if ((await vscode.window.showWarningMessage(message, { modal: true, detail }, stop)) !== stop) return;
    deps.tokens.stopUsingEnvironmentToken();
    void vscode.window.showInformationMessage(vscode.l10n.t('This window no longer sends the token from GITLAB_PACKAGES_TOKEN to {0}.', host));
  };
}
