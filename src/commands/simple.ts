/** Small commands: Refresh, Load more, Show Log, Open in Browser. */
import * as vscode from 'vscode';
import type { LoadMoreNode, TreeNode } from '../tree/nodes';
import type { CommandDeps, Handler } from './deps';

export function refreshCommand(deps: CommandDeps): Handler {
  return (node?: unknown) => {
    deps.model.refresh(node && typeof node === 'object' && 'kind' in node ? (node as TreeNode) : undefined);
    return Promise.resolve();
  };
}

export function loadMoreCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    if ((node as TreeNode | undefined)?.kind === 'loadMore') await deps.model.loadMore(node as LoadMoreNode);
  };
}

export function showLogCommand(deps: CommandDeps): Handler {
  return () => {
    deps.log.show();
    return Promise.resolve();
  };
}

export function openInBrowserCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const n = (node as TreeNode | undefined) ?? deps.treeView.selection[0];
    const url = webUrl(n);
    if (!url) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to open for this row.'));
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url));
  };
}

function webUrl(node: TreeNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'instance') return node.instanceUrl;
  if (node.kind === 'project') return node.project?.webUrl ?? `${node.ref.instanceUrl}/${node.project?.pathWithNamespace ?? String(node.ref.key)}`;
  if (node.kind === 'package') {
    const project = node.parent;
    // web_path is absolute on the host (it already includes a relative URL root).
    if (node.pkg.webPath) return new URL(node.pkg.webPath, project.ref.origin).toString();
    const base = project.project?.webUrl ?? `${project.ref.instanceUrl}/${String(project.ref.key)}`;
    return `${base}/-/packages/${node.pkg.id}`;
  }
  return undefined;
}
