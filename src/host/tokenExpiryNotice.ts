/**
 * Warns ahead of a token's expiry, once per token per window, with a one-click way to replace
 * it — so the Packages view does not just start failing one morning.
 */
import * as vscode from 'vscode';
import { EXPIRY_WARNING_DAYS, expiryPhrase } from '../core/instanceFacts';
import type { InstanceStatus } from '../core/instanceHealth';
import type { Log } from './log';

export class TokenWarnings {
  private readonly warned = new Set<string>();

  constructor(
    private readonly log: Log,
    private readonly replaceToken: (origin: string) => Thenable<unknown>,
  ) {}

  consider(status: InstanceStatus): void {
    const { daysLeft, expiresOn } = status.token;
    if (daysLeft === undefined || daysLeft > EXPIRY_WARNING_DAYS) return;
    const origin = new URL(status.instanceUrl).origin;
    const key = `${origin}|${expiresOn ?? ''}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const host = new URL(origin).host;
    this.log.warn(`The access token for ${origin} ${expiryPhrase(daysLeft)} (${expiresOn ?? '?'})`);
    void this.show(status, host, daysLeft, expiresOn);
  }

  private async show(status: InstanceStatus, host: string, daysLeft: number, expiresOn: string | undefined): Promise<void> {
    const replace = vscode.l10n.t('Replace Token…');
    const create = vscode.l10n.t('Create a New Token');
    const text = vscode.l10n.t(
      'Your GitLab access token for {0} {1} ({2}). Create a new one and replace it to keep the Packages view working.',
      host,
      expiryPhrase(daysLeft),
      expiresOn ?? '',
    );
    const choice = await vscode.window.showWarningMessage(text, replace, create);
    if (choice === replace) await this.replaceToken(new URL(status.instanceUrl).origin);
    if (choice === create) await vscode.env.openExternal(vscode.Uri.parse(tokenSettingsUrl(status)));
  }
}

/** GitLab 16 moved the token page from the profile to the user settings. */
export function tokenSettingsUrl(status: InstanceStatus): string {
  const old = status.version !== undefined && status.version.major < 16;
  return `${status.instanceUrl.replace(/\/+$/, '')}/-/${old ? 'profile' : 'user_settings'}/personal_access_tokens`;
}
