/** Rows as deletion requests: what a package or file row asks the one delete flow for (and what its protection rule will refuse). */
import { isDeletable, type Deletion } from '../core/delete/deletion';
import { owningProject } from '../core/browse/packageOwner';
import { statusRefusal } from '../core/browse/packageStatus';
import type { Text } from '../util/text';
import type { FileNode, PackageNode } from './nodes';
import { packageProtection } from './packageProtection';

export function packageDeletion(node: PackageNode): { deletion: Deletion; node: PackageNode } {
  const ref = node.parent.ref;
  return {
    node,
    deletion: {
      instanceUrl: ref.instanceUrl,
      origin: ref.origin,
      project: owningProject(node.pkg, node.parent),
      packageId: node.pkg.id,
      allowed: isDeletable(node.pkg),
      refusedBy: refusalOf(node),
      ...(packageProtection(node).adminModeDecides ? { adminModeDecides: true } : {}),
    },
  };
}

/** A file of a package: the package's deletion, narrowed to the file (whether GitLab allows it is the package's say). */
export function fileDeletion(node: FileNode): { deletion: Deletion; node: FileNode } {
  return { node, deletion: { ...packageDeletion(node.parent).deletion, fileId: node.file.id } };
}

/** Why the package will not be deleted though GitLab offers it: its status, or a protection rule above the user's role. */
export function refusalOf(node: PackageNode): Text | undefined {
  return statusRefusal(node.pkg.status) ?? packageProtection(node).refusal;
}
