/**
 * The lockfile checks wired into the editor: the service that verifies and watches, and what
 * shows its verdicts (diagnostics and their quick fixes, the hover, the status bar).
 */
import * as vscode from 'vscode';
import { LOCKFILE_GLOB } from '../core/lockfiles/lockfileFormat';
import type { CacheScope } from '../core/lockfiles/lookupCache';
import { LockfileChecks, type LockfileChecksDeps } from './lockfileChecks';
import { LockfileCodeActions } from './lockfileCodeActions';
import { LockfileDiagnostics } from './lockfileDiagnostics';
import { LockfileHover } from './lockfileHover';
import { LockfileStatusBar } from './lockfileStatusBar';

export interface LockfileFeature {
  checks: LockfileChecks;
  /** The registry was refreshed, or a token changed: answers are asked again (all, one instance's, or some projects'). */
  registryChanged(scope?: CacheScope): void;
  disposables: vscode.Disposable[];
}

export function lockfileFeature(deps: LockfileChecksDeps): LockfileFeature {
  const checks = new LockfileChecks(deps);
  const diagnostics = new LockfileDiagnostics(checks, () => deps.config().lockfiles.weakDiagnostics);
  const hover = new LockfileHover(checks, (url) => deps.clientFor(url));
  const selector: vscode.DocumentSelector = { pattern: LOCKFILE_GLOB };
  return {
    checks,
    registryChanged: (scope) => {
      hover.forget();
      checks.registryChanged(scope);
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
