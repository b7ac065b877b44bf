/** Set Access Token… (checked with GET /user before it is stored) and Remove Access Token. */
import * as vscode from 'vscode';
import { GitLabClient } from '../gitlab/client';
import { isGitLabError } from '../gitlab/errors';
import { assessToken } from '../core/instanceFacts';
import type { TokenInfo } from '../gitlab/models';
import type { CommandDeps, Handler } from './deps';
import { pickInstance } from './pickInstance';

export interface TokenCheckDeps {
  /** A client for `instanceUrl` that sends `token` (not the stored one). */
  clientWithToken(instanceUrl: string, token: string): GitLabClient;
}

export function setTokenCommand(deps: CommandDeps & TokenCheckDeps): Handler {
  return async (origin?: unknown) => {
    const instanceUrl = await pickInstance(deps, origin, vscode.l10n.t('Which GitLab instance is the token for?'));
    if (!instanceUrl) return;
    const host = new URL(instanceUrl).host;
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('GitLab access token for {0}', host),
      prompt: vscode.l10n.t('A personal, project or group access token. Scope "read_api" lets you browse; "api" also lets you delete.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Paste the token here')),
    });
    if (!token?.trim()) return;
    const client = deps.clientWithToken(instanceUrl, token.trim());
    try {
      const [user, info] = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token with {0}…', host), cancellable: true },
        (_p, cancel) => {
          const signal = abortOn(cancel);
          // Scopes and expiry are a bonus: OAuth tokens and servers before 15.5 cannot tell.
          return Promise.all([client.getCurrentUser(signal), client.getTokenInfo(signal).catch((): TokenInfo | undefined => undefined)]);
        },
      );
      await deps.tokens.set(new URL(instanceUrl).origin, token.trim());
      deps.log.info(
        `Token stored for ${new URL(instanceUrl).origin} (user ${user.username}${info ? `, scopes ${info.scopes.join(' ')}, expires ${info.expiresAt ?? 'never'}` : ''})`,
      );
      const signedIn = vscode.l10n.t('Signed in to {0} as {1}.', host, user.name ? `${user.name} (@${user.username})` : `@${user.username}`);
      // A near expiry is warned about by the instance check that follows the token change.
      if (assessToken(info, new Date()).canDelete === false)
        void vscode.window.showWarningMessage(`${signedIn} ${vscode.l10n.t('This token can browse but not delete (it lacks the "api" scope).')}`);
      else void vscode.window.showInformationMessage(signedIn);
    } catch (e) {
      if (isGitLabError(e) && e.kind === 'unauthorized') {
        throw new Error(vscode.l10n.t('{0} rejected this token (wrong, expired or revoked). It was not saved.', host));
      }
      throw e;
    }
  };
}

export function clearTokenCommand(deps: CommandDeps): Handler {
  return async (origin?: unknown) => {
    const instanceUrl = await pickInstance(deps, origin, vscode.l10n.t('Remove the token of which GitLab instance?'));
    if (!instanceUrl) return;
    const o = new URL(instanceUrl).origin;
    if (!(await deps.tokens.has(o))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No access token is stored for {0}.', new URL(o).host));
      return;
    }
    await deps.tokens.delete(o);
    void vscode.window.showInformationMessage(vscode.l10n.t('Removed the access token for {0}.', new URL(o).host));
  };
}

export function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
