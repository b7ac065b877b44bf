/** The TreeDataProvider: delegates to the pure model and shows progress on the view. */
import * as vscode from 'vscode';
import { VIEW_ID } from '../constants';
import type { PackagesTreeModel } from './model';
import type { Package } from '../gitlab/models';
import type { PackageNode, TreeNode } from './nodes';
import { packageFacts } from './packageFacts';
import { toTreeItem, untrustedTooltip } from './treeItems';

export class PackagesTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  constructor(
    private readonly model: PackagesTreeModel,
    readonly onDidChangeTreeData: vscode.Event<TreeNode | undefined>,
    /** The single-package endpoint (adds other versions), asked only when a tooltip is shown. */
    private readonly fullPackage?: (node: PackageNode, signal: AbortSignal) => Promise<Package>,
  ) {}

  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'package' || node.pkg.versions || !this.fullPackage) return item;
    const controller = new AbortController();
    const listener = token.onCancellationRequested(() => controller.abort());
    try {
      node.pkg.versions = (await this.fullPackage(node, controller.signal)).versions ?? [];
    } catch {
      // Error-status packages answer 404 here on recent servers: the list item's facts stand.
      return item;
    } finally {
      listener.dispose();
    }
    const title = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    item.tooltip = untrustedTooltip({ title, facts: packageFacts(node.pkg, { instanceUrl: node.parent.ref.instanceUrl }) });
    return item;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: TreeNode): Thenable<TreeNode[]> {
    return vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => this.model.children(node));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }
}
