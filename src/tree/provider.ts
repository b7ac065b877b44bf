/** The TreeDataProvider: delegates to the pure model and shows progress on the view. */
import * as vscode from 'vscode';
import { VIEW_ID } from '../commands/ids';
import type { PackagesTreeModel } from './model';
import type { TreeNode } from './nodes';
import { toTreeItem } from './treeItems';

export class PackagesTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  constructor(
    private readonly model: PackagesTreeModel,
    readonly onDidChangeTreeData: vscode.Event<TreeNode | undefined>,
  ) {}

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
