/** The `main` entry: the extension on Node (desktop, remote, code-server's extension host). */
import type * as vscode from 'vscode';
import { activateOn, type TestApi } from './composition';
import * as lockfiles from './lockfiles';
import { nodePlatform } from './platform/node';

export type { TestApi } from './composition';

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  // On Node the lockfile engine and editor feature are bundled in (no size ceiling there).
  return activateOn(context, nodePlatform(), () => Promise.resolve(lockfiles));
}

export { deactivate } from './composition';
