/** What command handlers receive (constructor-style injection from extension.ts). */
import type * as vscode from 'vscode';
import type { TokenStore } from '../host/tokenStore';
import type { Config } from '../host/config';
import type { ClientPool } from '../core/clientPool';
import type { GitLabVersion } from '../core/versionGates';
import type { Log } from '../host/log';
import type { PackagesTreeModel } from '../tree/model';
import type { TreeNode } from '../tree/nodes';

export interface CommandDeps {
  model: PackagesTreeModel;
  treeView: vscode.TreeView<TreeNode>;
  tokens: TokenStore;
  clients: ClientPool;
  log: Log;
  config(): Config;
  /** The instance's GitLab version (asked once), for "needs GitLab ≥ X" messages. */
  versionOf(instanceUrl: string): Promise<GitLabVersion | undefined>;
}

export type Handler = (...args: unknown[]) => Promise<unknown>;

/** The nodes a tree command acts on: the multi-selection, the clicked node, or the focused selection. */
export function targetNodes(deps: CommandDeps, node: unknown, selected: unknown): TreeNode[] {
  if (Array.isArray(selected) && selected.length > 0 && (node === undefined || selected.includes(node))) return selected as TreeNode[];
  if (node && typeof node === 'object' && 'kind' in node) return [node as TreeNode];
  return [...deps.treeView.selection];
}
