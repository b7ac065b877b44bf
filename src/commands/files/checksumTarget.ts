/** What Copy Checksum and Copy Checksum… act on: a file row, or a package row and all its files. */
import * as vscode from 'vscode';
import { owningProject } from '../../core/browse/packageOwner';
import type { PackageFile } from '../../gitlab/models';
import type { FileNode, PackageNode, TreeNode } from '../../tree/nodes';
import type { CommandDeps } from '../shared/deps';
import { targetNodes } from '../shared/targets';
import { withCancellableProgress } from '../shared/progress';

export function pickTarget(deps: CommandDeps, node: unknown, selected: unknown): FileNode | PackageNode | undefined {
  return targetNodes(deps, node, selected).find((n: TreeNode): n is FileNode | PackageNode => n.kind === 'packageFile' || n.kind === 'package');
}

/** Every file of the package (cancellable: a big package is a few requests). */
export function filesOf(deps: CommandDeps, node: PackageNode): Promise<PackageFile[]> {
  const client = deps.clients.get(node.parent.ref.instanceUrl);
  return withCancellableProgress(vscode.l10n.t('Reading package files…'), (signal) =>
    client.allPackageFiles(owningProject(node.pkg, node.parent), node.pkg.id, signal),
  );
}
