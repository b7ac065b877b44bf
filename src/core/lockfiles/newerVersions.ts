/**
 * Versions of a locked package the registry received after the locked one, for the lockfile
 * hover. The list is asked newest first; `package_name` is a substring match in GitLab
 * (app/finders/packages/finder_helper.rb, search_by_name), so a busier package whose name
 * contains this one can fill a page: pages are read on (bounded) until the locked version's own
 * upload time is passed. When the bound ends the search first, the answer says it is partial
 * (the hover then never claims "none").
 */
import type { Package } from '../../gitlab/models';
import { listQuery } from './lookupPlan';
import type { VersionTarget } from './registryRoute';
import { samePackageName } from './servedPackage';
import type { VersionClient } from './versionLookup';

/** Versions named at most (the rest is the tree's). */
const MAX_NEWER = 5;
/** Pages read at most for one hover. */
const MAX_PAGES = 5;

export interface NewerVersions {
  versions: string[];
  /** False when the search stopped before reaching the locked version's upload time. */
  complete: boolean;
}

export async function newerVersions(client: VersionClient, target: VersionTarget, locked: Package, signal?: AbortSignal): Promise<NewerVersions> {
  const query = { ...listQuery(target), packageVersion: undefined };
  const seen: Package[] = [];
  for (let page = 1, read = 0; read < MAX_PAGES; read++) {
    const result =
      target.owner.kind === 'project'
        ? await client.projectPackagesPage(target.owner.id, query, page, signal)
        : await client.groupPackagesPage(target.owner.id, query, page, signal);
    seen.push(...result.items);
    const found = newerThan(seen, target, locked);
    // Newest first: once a page reaches back to the locked upload, no later page holds a newer one.
    if (found.length >= MAX_NEWER || !result.nextPage || !result.items.length || result.items.some((p) => !isAfter(p, locked)))
      return { versions: found, complete: true };
    page = result.nextPage;
  }
  return { versions: newerThan(seen, target, locked), complete: false };
}

export function newerThan(candidates: readonly Package[], target: VersionTarget, locked: Package): string[] {
  const versions: string[] = [];
  for (const p of [...candidates].sort((a, b) => b.id - a.id)) {
    if (p.version === null || !samePackageName(p, target) || !isAfter(p, locked) || versions.includes(p.version)) continue;
    versions.push(p.version);
    if (versions.length === MAX_NEWER) break;
  }
  return versions;
}

function isAfter(p: Package, locked: Package): boolean {
  return locked.createdAt && p.createdAt ? p.createdAt > locked.createdAt : p.id > locked.id;
}
