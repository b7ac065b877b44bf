/** Rows as deletion requests: what a package or file row asks the one delete flow for (and what its protection rule will refuse). */
import { deletionOf, refusedBy, type Deletion } from '../core/delete/deletion';
import type { Text } from '../util/text';
import type { FileNode, PackageNode } from './nodes';
import { packageProtection } from './packageProtection';

export function packageDeletion(node: PackageNode): { deletion: Deletion; node: PackageNode } {
  return { node, deletion: deletionOf(node.parent, node.pkg, packageProtection(node)) };
}

/** A file of a package: the package's deletion, narrowed to the file (whether GitLab allows it is the package's say). */
export function fileDeletion(node: FileNode): { deletion: Deletion; node: FileNode } {
  return { node, deletion: { ...packageDeletion(node.parent).deletion, fileId: node.file.id } };
}

/** Why the package will not be deleted though GitLab offers it: its status, or a protection rule above the user's role. */
export function refusalOf(node: PackageNode): Text | undefined {
  return refusedBy(node.pkg, packageProtection(node));
}
