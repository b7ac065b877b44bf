/**
 * Set Access Token…: a password box, the token checked with GET /user before it is stored, and
 * one message that says all there is to say (who you are, a read-only token, a near expiry).
 */
import * as vscode from 'vscode';
import { assessToken, EXPIRY_WARNING_DAYS, expiryPhrase } from '../../core/tokens/tokenFacts';
import { isGitLabError } from '../../gitlab/errors';
import type { TokenInfo } from '../../gitlab/models';
import type { TokenExpiryNotice } from '../../host/tokenExpiryNotice';
import { say } from '../../host/l10n';
import { workspaceNamedOrigins } from '../../core/config';
import type { CommandDeps, Handler } from '../shared/deps';
import { pickInstance } from './pickInstance';
import { withCancellableProgress } from '../shared/progress';

export function setTokenCommand(deps: CommandDeps & { expiryNotice: TokenExpiryNotice }): Handler {
  /** Workspace-named origins whose warning was shown and accepted in this window. */
  const warned = new Set<string>();
  return async (given?: unknown) => {
    const instanceUrl = await pickInstance(deps, given, vscode.l10n.t('Which GitLab instance is the token for?'));
    if (!instanceUrl) return;
    const origin = new URL(instanceUrl).origin;
    const host = new URL(instanceUrl).host;
    const fromWorkspace = workspaceNamedOrigins(deps.config()).has(origin);
    if (fromWorkspace && !warned.has(origin)) {
      if (!(await confirmWorkspaceInstance(host))) return;
      warned.add(origin);
    }
    const token = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('GitLab access token for {0}', host),
        prompt: fromWorkspace
          ? vscode.l10n.t("{0} comes from this workspace's settings. Paste only a token that {0} issued.", host)
          : vscode.l10n.t('A personal, project or group access token. Scope "read_api" lets you browse; "api" also lets you delete.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Paste the token here')),
      })
    )?.trim();
    if (!token) return;
    const client = deps.clients.withToken(instanceUrl, token);
    let user;
    let info: TokenInfo | undefined;
    try {
      [user, info] = await withCancellableProgress(vscode.l10n.t('Checking the token with {0}…', host), (signal) =>
        // Scopes and expiry are a bonus: OAuth tokens and servers before 15.5 cannot tell.
        Promise.all([client.getCurrentUser(signal), client.getTokenInfo(signal).catch((): TokenInfo | undefined => undefined)]),
      );
    } catch (e) {
      if (isGitLabError(e) && e.kind === 'unauthorized')
        throw new Error(vscode.l10n.t('{0} rejected this token (wrong, expired or revoked). It was not saved.', host));
      throw e;
    }
    await deps.tokens.set(origin, token);
    // Start the instance check now, not when the secret's change event arrives: a delete right
    // after signing in waits for it (InstanceHealth.settled) and sees a read-only token as such.
    deps.health.forget(origin);
    void deps.health.check(instanceUrl).catch(() => undefined);
    deps.log.info(`Token stored for ${origin} (user ${user.username}${info ? `, scopes ${info.scopes.join(' ')}, expires ${info.expiresAt ?? 'never'}` : ''})`);
    const facts = assessToken(info, new Date());
    const parts = [vscode.l10n.t('Signed in to {0} as {1}.', host, user.name ? `${user.name} (@${user.username})` : `@${user.username}`)];
    if (facts.canDelete === false) parts.push(vscode.l10n.t('This token can browse but not delete (it lacks the "api" scope).'));
    const expiresSoon = facts.daysLeft !== undefined && facts.daysLeft <= EXPIRY_WARNING_DAYS;
    if (expiresSoon) {
      parts.push(vscode.l10n.t('It {0} ({1}).', say(expiryPhrase(facts.daysLeft ?? 0)), facts.expiresOn ?? ''));
      deps.expiryNotice.alreadyTold(origin, facts.expiresOn);
    }
    const message = parts.join(' ');
    if (facts.canDelete === false || expiresSoon) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
  };
}

/** A repository's settings named this instance: the user decides, knowing that, before a token goes there. */
async function confirmWorkspaceInstance(host: string): Promise<boolean> {
  const go = vscode.l10n.t('Continue');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t("{0} comes from this workspace's settings, not from yours.", host),
    {
      modal: true,
      detail: vscode.l10n.t(
        "The repository's .vscode/settings.json names this GitLab instance. Only a token that {0} issued belongs here: a token for another GitLab would be sent to {0}.",
        host,
      ),
    },
    go,
  );
  return answer === go;
}
