/** Open in Browser: an instance, a project or a package page — only ever on the row's own instance. */
import * as vscode from 'vscode';
import { sameOriginUrl } from '../../core/browse/safeLink';
import type { TreeNode } from '../../tree/nodes';
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';

export function openInBrowserCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const url = webUrl(isNode(node) ? node : deps.treeView.selection[0]);
    if (!url) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to open for this row.'));
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url));
  };
}

/** Server-sent addresses count only on the instance's own origin (as in tooltips); else the address is built here. */
function webUrl(node: TreeNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'instance') return node.instanceUrl;
  if (node.kind === 'project' || node.kind === 'group') {
    const built = `${node.ref.instanceUrl}/${node.project?.pathWithNamespace ?? String(node.ref.key)}`;
    return sameOriginUrl(node.project?.webUrl, node.ref.instanceUrl) ?? built;
  }
  if (node.kind === 'package') {
    const project = node.parent;
    const base = sameOriginUrl(project.project?.webUrl, project.ref.instanceUrl) ?? `${project.ref.instanceUrl}/${String(project.ref.key)}`;
    // web_path is absolute on the host (it already includes a relative URL root).
    return sameOriginUrl(node.pkg.webPath, project.ref.instanceUrl) ?? `${base}/-/packages/${node.pkg.id}`;
  }
  return undefined;
}
