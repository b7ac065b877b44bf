/**
 * The registry lookups a set of lockfile entries needs: one per package version (instance,
 * project or group, type, name, version), however many entries and lockfiles share it — so a
 * verification costs at most two requests per package version: a list and a files request (for a
 * PyPI version GitLab lacks, two lists).
 */
import type { PackageQuery } from '../../gitlab/client';
import { normalizePypiName, pypiSearchTerm } from './pypiName';
import type { EntryRoute, VersionTarget } from './registryRoute';

export interface PlannedLookup {
  key: string;
  target: VersionTarget;
  /** Indexes of the entries (in the order given) this lookup answers. */
  entries: number[];
}

/** One key per package version: the cache's key too. */
export function targetKey(t: VersionTarget): string {
  const name = t.packageType === 'pypi' ? normalizePypiName(t.name) : t.name;
  const version = t.packageType === 'pypi' ? t.version.toLowerCase() : t.version;
  return JSON.stringify([t.instanceUrl, t.owner.kind, String(t.owner.id), t.packageType, name, version]);
}

/** The lookups for routed entries, first mention first; entries not from GitLab need none. */
export function planLookups(routes: readonly EntryRoute[]): PlannedLookup[] {
  const byKey = new Map<string, PlannedLookup>();
  routes.forEach((route, i) => {
    if (route.kind !== 'gitlab') return;
    for (const target of route.targets) {
      const key = targetKey(target);
      const planned = byKey.get(key);
      if (planned) planned.entries.push(i);
      else byKey.set(key, { key, target, entries: [i] });
    }
  });
  return [...byKey.values()];
}

/**
 * The list request's filters. `package_name` is a substring match (PyPI: the longest part of the
 * name, so `my-pkg` finds `my_pkg` too); `package_version` is exact but only GitLab 16.6+ knows it
 * (older servers drop it and list every version: the caller pages on and compares).
 */
export function listQuery(t: VersionTarget): PackageQuery {
  return {
    packageType: t.packageType,
    packageName: t.packageType === 'pypi' ? pypiSearchTerm(t.name) : t.name,
    packageVersion: t.version,
    orderBy: 'created_at',
    sort: 'desc',
  };
}
