/**
 * Instance administrators and GitLab's Admin Mode through the extension: the harness with the
 * fake's Admin Mode on or off, the protected package once its rules (and the administrator check
 * they asked) have landed, and the row's tooltip as it opens.
 */
import type * as vscode from 'vscode';
import type { Harness, HarnessOptions, Row } from './double/harness';
import { ExtensionMode } from './double/vscode';

/** What the 403 of a protected delete and clean-up's note say an administrator needs. */
export const ADMIN_MODE = 'administrators need Admin Mode — a token with the admin_mode scope — where it is enabled';

/** acme/app with `token`, GitLab's Admin Mode on or off. */
export function adminModeOptions(token: string, adminMode: boolean): HarnessOptions {
  return { settings: { projects: ['acme/app'] }, token, extensionMode: ExtensionMode.Test, prepareFake: (f) => (f.adminMode = adminMode) };
}

/** The protected-release row once the project's rules (and the administrator check they asked) have landed. */
export async function protectedRelease(h: Harness): Promise<Row> {
  await h.pkg('acme/app', 'protected-release', '1.0.0');
  await h.settle();
  return h.pkg('acme/app', 'protected-release', '1.0.0');
}

/** The row's tooltip as it opens, its Markdown escapes dropped. */
export async function tooltip(h: Harness, row: Row): Promise<string> {
  const none = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  const resolved = await h.provider.resolveTreeItem!(row.item, row.node, none);
  return (resolved?.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
}
