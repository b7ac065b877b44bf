/** TreeNode → vscode.TreeItem: copies the pure presentation and adds click commands. */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { present, type TreeNode } from './nodes';

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const p = present(node);
  const state = !p.collapsible
    ? vscode.TreeItemCollapsibleState.None
    : p.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(p.label, state);
  item.id = node.id;
  item.description = p.description;
  item.contextValue = p.contextValue;
  if (p.tooltip) item.tooltip = untrustedMarkdown(p.tooltip);
  if (node.kind === 'packageFile') {
    // A resourceUri lets the file icon theme pick an icon from the file name.
    item.resourceUri = vscode.Uri.from({ scheme: 'gitlab-package-file', path: '/' + node.file.fileName.replace(/^\/+/, '') });
    item.iconPath = vscode.ThemeIcon.File;
  } else if (p.icon) {
    item.iconPath = new vscode.ThemeIcon(p.icon, p.iconColor ? new vscode.ThemeColor(ICON_COLORS[p.iconColor]) : undefined);
  }
  item.command = clickCommand(node);
  return item;
}

const ICON_COLORS = { error: 'list.errorForeground', warning: 'list.warningForeground', muted: 'disabledForeground' } as const;

/** Server text is untrusted: no command links, no HTML. */
export function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function clickCommand(node: TreeNode): vscode.Command | undefined {
  if (node.kind === 'loadMore') return { command: COMMANDS.loadMore, title: 'Load more', arguments: [node] };
  if (node.kind !== 'message') return undefined;
  switch (node.action.kind) {
    case 'setToken':
      return { command: COMMANDS.setToken, title: 'Set Access Token…', arguments: [node.action.origin] };
    case 'retry':
      return { command: COMMANDS.refresh, title: 'Retry', arguments: [node] };
    case 'none':
      return undefined;
  }
}
