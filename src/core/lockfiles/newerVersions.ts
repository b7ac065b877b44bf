/**
 * Versions of a locked package the registry received after the locked one, for the lockfile
 * hover: the newest uploads of the name (one list request, newest first, the name compared again
 * since `package_name` is a substring match), those published after the locked version.
 */
import type { Package } from '../../gitlab/models';
import { listQuery } from './lookupPlan';
import type { VersionTarget } from './registryRoute';
import { samePackageName } from './servedPackage';
import type { VersionClient } from './versionLookup';

/** Versions named at most (the rest is the tree's). */
const MAX_NEWER = 5;

export async function newerVersions(client: VersionClient, target: VersionTarget, locked: Package, signal?: AbortSignal): Promise<string[]> {
  const query = { ...listQuery(target), packageVersion: undefined };
  const page =
    target.owner.kind === 'project'
      ? await client.projectPackagesPage(target.owner.id, query, 1, signal)
      : await client.groupPackagesPage(target.owner.id, query, 1, signal);
  return newerThan(page.items, target, locked);
}

export function newerThan(candidates: readonly Package[], target: VersionTarget, locked: Package): string[] {
  const after = (p: Package): boolean => (locked.createdAt && p.createdAt ? p.createdAt > locked.createdAt : p.id > locked.id);
  const versions: string[] = [];
  for (const p of [...candidates].sort((a, b) => b.id - a.id)) {
    if (p.version === null || !samePackageName(p, target) || !after(p) || versions.includes(p.version)) continue;
    versions.push(p.version);
    if (versions.length === MAX_NEWER) break;
  }
  return versions;
}
