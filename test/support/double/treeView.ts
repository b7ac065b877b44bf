/** A tree view: the provider the extension hands over, the selection the user makes. */
import type * as vscode from 'vscode';
import { EventEmitter } from './events';

export class FakeTreeView<T> {
  title?: string;
  description?: string;
  message?: string;
  badge?: vscode.ViewBadge;
  visible = true;
  disposed = false;
  /** Every onDidChangeTreeData the provider fired (undefined = the whole tree). */
  readonly changes: (T | T[] | undefined | null | void)[] = [];
  /** Every reveal that succeeded, in order. */
  readonly reveals: { element: T; options?: unknown }[] = [];
  private _selection: readonly T[] = [];
  private readonly selectionEmitter = new EventEmitter<{ selection: readonly T[] }>();
  readonly onDidChangeSelection = this.selectionEmitter.event;
  readonly onDidChangeVisibility = new EventEmitter<{ visible: boolean }>().event;
  readonly onDidExpandElement = new EventEmitter<{ element: T }>().event;
  readonly onDidCollapseElement = new EventEmitter<{ element: T }>().event;
  readonly onDidChangeCheckboxState = new EventEmitter<unknown>().event;
  private readonly subscription?: { dispose(): unknown };

  constructor(
    readonly viewId: string,
    readonly options: vscode.TreeViewOptions<T>,
  ) {
    this.title = undefined;
    this.subscription = options.treeDataProvider.onDidChangeTreeData?.((e) => this.changes.push(e));
  }

  get provider(): vscode.TreeDataProvider<T> {
    return this.options.treeDataProvider;
  }

  get selection(): readonly T[] {
    return this._selection;
  }

  /** The user selects rows (several only when the view allows it). */
  select(...nodes: T[]): void {
    if (nodes.length > 1 && !this.options.canSelectMany) throw new Error(`${this.viewId} does not allow selecting several rows`);
    this._selection = nodes;
    this.selectionEmitter.fire({ selection: nodes });
  }

  /**
   * As VS Code reveals (ExtHostTreeView.reveal): only with `getParent`; the rows from the root down
   * to `element` by `getParent`, each found among its parent's children by its TreeItem id, or it
   * fails as VS Code does; the element is selected unless `select: false`.
   */
  async reveal(element: T, options?: { select?: boolean; focus?: boolean; expand?: boolean | number }): Promise<void> {
    const provider = this.provider;
    if (!provider.getParent) throw new Error("Required registered TreeDataProvider to implement 'getParent' method to access 'reveal' method");
    const path = [element];
    for (let up = await provider.getParent(element); up; up = await provider.getParent(up)) path.unshift(up);
    let parent: T | undefined;
    for (const row of path) {
      const id = (await provider.getTreeItem(row)).id;
      const siblings = await Promise.all(((await provider.getChildren(parent)) ?? []).map(async (c) => (await provider.getTreeItem(c)).id));
      if (id === undefined || !siblings.includes(id)) throw new Error(`Cannot resolve tree item for element ${id ?? '(no id)'}`);
      parent = row;
    }
    this.reveals.push({ element, options });
    if (options?.select !== false) this.select(element);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
  }
}
