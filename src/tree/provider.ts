/** The TreeDataProvider: delegates to the pure model, shows progress on the view, and owns the change event. */
import * as vscode from 'vscode';
import { VIEW_ID } from '../constants';
import type { PackagesTreeModel } from './model';
import type { TreeNode } from './nodes';
import { hasLazyTooltip, toTreeItem, tooltipOf } from './treeItems';

export class PackagesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private model: PackagesTreeModel | undefined;

  /** `debug`: one line per read the editor makes, so a bench can count re-reads from the log. */
  constructor(private readonly debug: (line: string) => void = () => undefined) {}

  /** The model is built with `changed` as its change callback, then attached here. */
  attach(model: PackagesTreeModel): this {
    this.model = model;
    return this;
  }

  /** `undefined`: the whole tree. */
  changed(node: TreeNode | undefined): void {
    this.changes.fire(node);
  }

  /** The view's progress bar runs until `work` settles (a list loading in the background: its rows are not redrawn meanwhile). */
  busy(work: Promise<void>): void {
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work);
  }

  /**
   * On hover: the tooltip of a package or file row; a package's gains the other versions (the
   * single-package endpoint) and its latest pipelines (`…/pipelines`) first.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!hasLazyTooltip(node)) return item;
    const model = this.model;
    if (node.kind === 'package' && model && (!node.pkg.versions || !node.pipelines)) {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        // Error-status packages answer 404 on recent servers: what did answer is shown, the list item's facts stand.
        await Promise.allSettled([model.withVersions(node, controller.signal), model.withPipelines(node, controller.signal)]);
      } finally {
        listener.dispose();
      }
    }
    // A hover that ended early (the pointer passed over the row) gets no tooltip: VS Code keeps
    // the first tooltip it is given and asks again on the next hover only if this one had none.
    if (!token.isCancellationRequested) item.tooltip = tooltipOf(node);
    return item;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: TreeNode): Thenable<TreeNode[]> {
    const model = this.model;
    if (!model) return Promise.resolve([]);
    return vscode.window.withProgress({ location: { viewId: VIEW_ID } }, async () => {
      const rows = await model.children(node);
      this.debug(`getChildren ${node?.id ?? '(root)'} → ${rows.length} rows`);
      return rows;
    });
  }

  getParent(node: TreeNode): Thenable<TreeNode | undefined> {
    return this.model?.parentOf(node) ?? Promise.resolve(node.parent);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
