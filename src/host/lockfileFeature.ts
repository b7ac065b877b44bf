/**
 * The lockfile checks wired into the editor: the service that verifies and watches, and what
 * shows its verdicts (diagnostics and their quick fixes, the hover, the status bar).
 */
import * as vscode from 'vscode';
import { LOCKFILE_GLOB } from '../core/lockfiles/lockfileFormat';
import { LockfileChecks, type LockfileChecksDeps } from './lockfileChecks';
import { LockfileCodeActions } from './lockfileCodeActions';
import { LockfileDiagnostics } from './lockfileDiagnostics';
import { LockfileHover } from './lockfileHover';
import { LockfileStatusBar } from './lockfileStatusBar';

export interface LockfileFeature {
  checks: LockfileChecks;
  /** The registry was refreshed, or a token changed: answers are asked again (one instance's, or all). */
  registryChanged(instanceUrl?: string): void;
  disposables: vscode.Disposable[];
}

export function lockfileFeature(deps: LockfileChecksDeps): LockfileFeature {
  const checks = new LockfileChecks(deps);
  const diagnostics = new LockfileDiagnostics(checks, () => deps.config().lockfiles.weakDiagnostics);
  const hover = new LockfileHover(checks, (url) => deps.clientFor(url));
  const selector: vscode.DocumentSelector = { pattern: LOCKFILE_GLOB };
  return {
    checks,
    registryChanged: (instanceUrl) => {
      hover.forget();
      checks.registryChanged(instanceUrl);
    },
    disposables: [
      checks,
      diagnostics,
      new LockfileStatusBar(checks),
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerCodeActionsProvider(selector, new LockfileCodeActions(checks), LockfileCodeActions.metadata),
    ],
  };
}
