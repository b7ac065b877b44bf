/** The `main` entry: the extension on Node (desktop, remote, code-server's extension host). */
import type * as vscode from 'vscode';
import { activateOn, type TestApi } from './composition';
import { nodePlatform } from './platform/node';

export type { TestApi } from './composition';

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  return activateOn(context, nodePlatform());
}

export { deactivate } from './composition';
