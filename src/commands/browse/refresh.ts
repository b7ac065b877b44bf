/**
 * Refresh: the whole tree from the view title, one row (and what is below it) from its context menu
 * or a Retry row. The lockfile checks forget what the registry said about the same part — all of
 * it, one instance, or one project — so those answers are asked again and the others stay.
 */
import type { CacheScope } from '../../core/lockfiles/lookupCache';
import type { TreeNode } from '../../tree/nodes';
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';

export function refreshCommand(deps: CommandDeps): Handler {
  return (node?: unknown) => {
    const row = isNode(node) ? node : undefined;
    deps.model.refresh(row);
    // What the registry said about lockfile entries may be as old as the rows.
    deps.lockfileChecks.registryChanged(lockfileScope(row));
    deps.downloadVerdicts.clear();
    return Promise.resolve();
  };
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
