/** Rows as deletion requests: what a package or file row asks the one delete flow for (and what its protection rule will refuse). */
import { isDeletable, type Deletion } from '../core/deletion';
import { owningProject } from '../core/packageOwner';
import type { FileNode, PackageNode } from './nodes';
import { packageProtection, type PackageProtection } from './packageProtection';

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
      ...deletionProtection(packageProtection(node)),
    },
  };
}

/** A file of a package: the package's deletion, narrowed to the file (whether GitLab allows it is the package's say). */
export function fileDeletion(node: FileNode): { deletion: Deletion; node: FileNode } {
  return { node, deletion: { ...packageDeletion(node.parent).deletion, fileId: node.file.id } };
}

/** What a package's protection means for its delete: refused here, or sent for GitLab to decide (an administrator, Admin Mode unknown). */
function deletionProtection(p: PackageProtection): Pick<Deletion, 'refusedBy' | 'adminModeDecides'> {
  return { refusedBy: p.refusal, ...(p.adminModeDecides ? { adminModeDecides: true } : {}) };
}
