/** The `browser` entry: the extension in a web worker (vscode.dev, github.dev, code-server's web-worker host). */
import type * as vscode from 'vscode';
import { activateOn, type TestApi } from './composition';
import { lockfileBundleLoader } from './host/lockfileBundle';
import { webPlatform } from './platform/web';

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  // The lockfile engine and editor feature are a bundle of their own, read on first use (the main one has a size ceiling).
  return activateOn(context, webPlatform(), lockfileBundleLoader(context.extensionUri));
}

export { deactivate } from './composition';
