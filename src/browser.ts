/** The `browser` entry: the extension in a web worker (vscode.dev, github.dev, code-server's web-worker host). */
import type * as vscode from 'vscode';
import { activateOn, type TestApi } from './composition';
import { webPlatform } from './platform/web';

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  return activateOn(context, webPlatform());
}

export { deactivate } from './composition';
