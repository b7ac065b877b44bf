/**
 * A part of the registry changed, or may be stale: its rows are read again, and the lockfile
 * checks forget what the registry said about the same part — all of it, one instance, or one
 * project — so those answers are asked again and the others stay. Refresh calls it, and so does
 * every delete for what it deleted from: a lockfile must not go on "matching" a version just deleted.
 */
import type { CacheScope } from '../../core/lockfiles/lookupCache';
import type { TreeNode } from '../../tree/nodes';
import type { CommandDeps } from './deps';

export function registryChanged(deps: CommandDeps, row: TreeNode | undefined): void {
  deps.model.refresh(row);
  deps.lockfileChecks.registryChanged(lockfileScope(row));
  deps.downloadVerdicts.clear();
}

/** The part of the registry a row stands for (undefined: all of it). */
function lockfileScope(row: TreeNode | undefined): CacheScope | undefined {
  let at: TreeNode | undefined = row;
  while (at && at.kind !== 'project' && at.kind !== 'group' && at.kind !== 'instance') at = at.parent;
  if (!at) return undefined;
  if (at.kind === 'instance') return { instanceUrl: at.instanceUrl };
  // A group's packages belong to its projects, which lockfile URLs name: the instance's answers go.
  if (at.kind === 'group') return { instanceUrl: at.ref.instanceUrl };
  return { instanceUrl: at.ref.instanceUrl, owners: [at.ref.key, ...(at.project ? [at.project.id, at.project.pathWithNamespace] : [])] };
}
