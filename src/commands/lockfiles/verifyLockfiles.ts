/**
 * Verify Lockfiles Against GitLab: reads every lockfile in the workspace, checks the entries that
 * resolve to a configured GitLab instance against its Packages API (one lookup per package
 * version, cached until Refresh), and opens a report; the diagnostics and status bar follow. A
 * lockfile is workspace content: it never chooses a host to contact, and in an untrusted
 * workspace the command does not run. The work itself is the lockfile engine's (in the web
 * worker a bundle of its own) behind the lockfile checks: this stays small.
 */
import * as vscode from 'vscode';
import { instanceUrls } from '../../core/config';
import { errorText } from '../../core/errorText';
import { say } from '../../host/l10n';
import { findLockfiles } from '../../host/workspaceLockfiles';
import type { CommandDeps, Handler } from '../shared/deps';
import { withCountedProgress } from '../shared/progress';

export function verifyLockfilesCommand(deps: CommandDeps): Handler {
  return async () => {
    if (!vscode.workspace.isTrusted) return void vscode.window.showWarningMessage(vscode.l10n.t('Verifying lockfiles needs a trusted workspace.'));
    const uris = await findLockfiles();
    if (!uris.length) return void vscode.window.showInformationMessage(vscode.l10n.t('No lockfiles in this workspace.'));
    const { checks } = await deps.lockfileChecks.feature();
    const engine = await checks.engine();
    const urls = instanceUrls(deps.config());
    const results = await withCountedProgress(vscode.l10n.t('Verifying lockfiles…'), (onProgress, signal) =>
      checks.verifyAll({ signal, onProgress }, uris).catch((e: unknown) => {
        if (!signal.aborted) throw e;
      }),
    );
    if (!results) return;
    const text = engine
      .lockfileReport(
        results.map((c) => c.result),
        urls,
        errorText,
      )
      .map(say)
      .join('\n');
    await deps.details.show(`/lockfiles/lockfile-verification.txt`, `at=${Date.now()}`, text);
  };
}
