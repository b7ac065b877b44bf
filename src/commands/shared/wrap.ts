/**
 * Wraps every command handler once: cancellations are silent, failures are logged in full and
 * shown as one short message with "Show Log" (and "Set Access Token…" on a 401). The message
 * is not awaited: a command settles when its work does, not when someone closes a toast (one
 * that times out into the notification centre is never closed).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import { isGitLabError } from '../../gitlab/errors';
import type { Log } from '../../host/log';
import { sayError } from '../../host/l10n';
import type { Handler } from './deps';

export function wrapCommand(id: string, handler: Handler, log: Log): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    try {
      await handler(...args);
    } catch (e) {
      if (isGitLabError(e) && e.kind === 'cancelled') return;
      const text = sayError(e);
      log.error(`${id} failed: ${text}${isGitLabError(e) ? ` [${e.message}]` : ''}`);
      const showLog = vscode.l10n.t('Show Log');
      const setToken = vscode.l10n.t('Set Access Token…');
      const actions = isGitLabError(e) && e.kind === 'unauthorized' ? [setToken, showLog] : [showLog];
      void vscode.window.showErrorMessage(text, ...actions).then((choice) => {
        if (choice === showLog) log.show();
        // The instance that refused the token, so no "which instance?" question comes first.
        if (choice === setToken) void vscode.commands.executeCommand(COMMANDS.setToken, isGitLabError(e) ? e.instanceUrl : undefined);
      });
    }
  };
}
