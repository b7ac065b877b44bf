/** A listed package as the lockfile usage index is asked about it (lockfileUsage.ts). */
import type { Package } from '../../gitlab/models';
import type { ListedUnder } from '../browse/packageOwner';
import type { UsageQuery } from './lockfileUsage';

/** Where a package was listed: a project's or a group's list. */
export type UsageListing = ListedUnder & { kind: 'project' | 'group' };

/**
 * Its own project as far as the listing tells: a group's list names it per package; a project's
 * row knows its id once read, and its entry is an id or a path. A group entry's key is the group's,
 * not the project's, so it is not used.
 */
export function usageQuery(listed: UsageListing, pkg: Package): UsageQuery {
  const key = listed.kind === 'project' ? listed.ref.key : undefined;
  return {
    instanceUrl: listed.ref.instanceUrl,
    projectId: pkg.projectId ?? listed.project?.id ?? (typeof key === 'number' ? key : undefined),
    projectPath: pkg.projectPath ?? listed.project?.pathWithNamespace ?? (typeof key === 'string' ? key : undefined),
    packageType: pkg.packageType,
    name: pkg.name,
    version: pkg.version,
  };
}
