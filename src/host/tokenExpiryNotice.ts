/**
 * Warns ahead of a token's expiry, once per token per window, with a one-click way to replace
 * it — so the Packages view does not just start failing one morning.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import type { InstanceStatus } from '../core/instances/instanceHealth';
import { EXPIRY_WARNING_DAYS, expiryPhrase, tokenSettingsUrl } from '../core/tokens/tokenFacts';
import type { Log } from './log';
import { say } from './l10n';

export class TokenExpiryNotice {
  private readonly warned = new Set<string>();

  constructor(private readonly log: Log) {}

  /** The user was just told (at sign-in): no second warning for the same token. */
  alreadyTold(origin: string, expiresOn: string | undefined): void {
    this.warned.add(`${origin}|${expiresOn ?? ''}`);
  }

  consider(status: InstanceStatus): void {
    const { daysLeft, expiresOn } = status.token;
    if (daysLeft === undefined || daysLeft > EXPIRY_WARNING_DAYS) return;
    const origin = new URL(status.instanceUrl).origin;
    const key = `${origin}|${expiresOn ?? ''}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const host = new URL(origin).host;
    const phrase = say(expiryPhrase(daysLeft));
    this.log.warn(`The access token for ${origin} ${phrase} (${expiresOn ?? '?'})`);
    const replace = vscode.l10n.t('Replace Token…');
    const create = vscode.l10n.t('Create a New Token');
    const message = vscode.l10n.t(
      'Your GitLab access token for {0} {1} ({2}). Create a new one and replace it to keep the Packages view working.',
      host,
      phrase,
      expiresOn ?? '',
    );
    // Not awaited by anyone: the answer comes whenever the user gets to it (or never).
    void vscode.window.showWarningMessage(message, replace, create).then((choice) => {
      if (choice === replace) void vscode.commands.executeCommand(COMMANDS.setToken, origin);
      if (choice === create) void vscode.env.openExternal(vscode.Uri.parse(tokenSettingsUrl(status)));
    });
  }
}
