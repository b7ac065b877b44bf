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

  reveal(element: T, options?: unknown): Promise<void> {
    this.reveals.push({ element, options });
    return Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
  }
}
