/** What the view shows around the tree: its description (active filters) and the context keys menus and the welcome view use. */
import * as vscode from 'vscode';
import { CONTEXT } from '../constants';
import type { Config } from '../core/config';
import type { FilterStore } from './filterStore';
import { say } from './l10n';

export class ViewState {
  constructor(
    private readonly treeView: vscode.TreeView<unknown>,
    private readonly filters: FilterStore,
    private readonly config: () => Config,
  ) {}

  update(): void {
    const c = this.config();
    const summary = this.filters.summary();
    this.treeView.description = summary ? say(summary) : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT.noProjects, c.projectEntries.length + c.groupEntries.length === 0);
    void vscode.commands.executeCommand('setContext', CONTEXT.filtered, this.filters.any());
    void vscode.commands.executeCommand('setContext', CONTEXT.groupedByName, c.groupByName);
  }
}
