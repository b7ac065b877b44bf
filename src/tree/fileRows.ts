/** A package's file rows in the order core/browse/fileOrder.ts sets: the server's (newest first) where it sorts, by name here otherwise. */
import { arrangedFiles } from '../core/browse/fileOrder';
import type { GitLabVersion } from '../core/instances/versionGates';
import type { FileNode, TreeNode } from './nodes';

export function arrangeFiles(rows: TreeNode[], version: GitLabVersion | undefined): TreeNode[] {
  const files = rows.filter((r): r is FileNode => r.kind === 'packageFile');
  // Message rows (loading, load more, an error) stay below the files.
  return [...arrangedFiles(files, (f) => f.file, version), ...rows.filter((r) => r.kind !== 'packageFile')];
}
