/**
 * TreeNode → vscode.TreeItem: words the pure presentation, renders its tooltip as untrusted
 * Markdown, adds click commands. Package and file rows leave the tooltip to resolveTreeItem
 * (asked on hover): a list of 10,000 rows then carries no 10,000 tooltips to the editor.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { word, type Text } from '../util/text';
import type { TreeNode } from './nodes';
import { present, type Tooltip } from './presentation';
import { tooltipMarkdown } from './tooltipMarkdown';

const say = (t: Text): string => word(t, (message, ...args) => vscode.l10n.t(message, ...args));

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const p = present(node);
  const state = !p.collapsible
    ? vscode.TreeItemCollapsibleState.None
    : p.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(say(p.label), state);
  item.id = node.id;
  item.description = p.description ? say(p.description) : undefined;
  item.contextValue = p.contextValue;
  if (!hasLazyTooltip(node) && p.tooltip) item.tooltip = untrustedTooltip(p.tooltip);
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

/** Rows that come by the thousand get their tooltip on hover. */
export function hasLazyTooltip(node: TreeNode): boolean {
  return node.kind === 'package' || node.kind === 'packageFile';
}

/** The tooltip of a row, as resolveTreeItem adds it. */
export function tooltipOf(node: TreeNode): vscode.MarkdownString | undefined {
  const tooltip = present(node).tooltip;
  return tooltip ? untrustedTooltip(tooltip) : undefined;
}

const ICON_COLORS = { error: 'list.errorForeground', warning: 'list.warningForeground', muted: 'disabledForeground' } as const;

/** Server text is untrusted: no command links, no HTML (and escaped by tooltipMarkdown). */
export function untrustedTooltip(t: Tooltip): vscode.MarkdownString {
  const md = new vscode.MarkdownString(tooltipMarkdown(t, say));
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function clickCommand(node: TreeNode): vscode.Command | undefined {
  if (node.kind === 'loadMore') return { command: COMMANDS.loadMore, title: vscode.l10n.t('Load more…'), arguments: [node] };
  if (node.kind !== 'message') return undefined;
  switch (node.action.kind) {
    case 'setToken':
      return { command: COMMANDS.setToken, title: vscode.l10n.t('Set Access Token…'), arguments: [node.action.origin] };
    case 'retry':
      return { command: COMMANDS.refresh, title: vscode.l10n.t('Retry'), arguments: [node] };
    case 'none':
      return undefined;
  }
}
