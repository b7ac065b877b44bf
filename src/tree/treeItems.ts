/** TreeNode → vscode.TreeItem: copies the pure presentation and adds click commands. */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { present, type TreeNode } from './nodes';

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const p = present(node);
  const item = new vscode.TreeItem(p.label, p.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = p.description;
  item.contextValue = p.contextValue;
  if (p.tooltip) {
    // Server text is untrusted: no command links, no HTML.
    const md = new vscode.MarkdownString(p.tooltip);
    md.isTrusted = false;
    md.supportHtml = false;
    item.tooltip = md;
  }
  if (node.kind === 'packageFile') {
    // A resourceUri lets the file icon theme pick an icon from the file name.
    item.resourceUri = vscode.Uri.from({ scheme: 'gitlab-package-file', path: '/' + node.file.fileName.replace(/^\/+/, '') });
    item.iconPath = vscode.ThemeIcon.File;
  } else if (p.icon) {
    item.iconPath = new vscode.ThemeIcon(p.icon);
  }
  item.command = clickCommand(node);
  return item;
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
