/**
 * Which lockfile lines resolve to a package version of a configured GitLab: what deletes and
 * clean-ups consult so a version a workspace installs from is not removed unasked. Built from
 * the same routes the verifier follows (registryRoute.ts), so only an instance the user configured
 * counts, and names and versions are told apart as GitLab's routes tell them (servedPackage.ts).
 * When the owner cannot be told apart it counts as used: guarding more is safe, since a guard only
 * keeps or asks, never deletes.
 */
import type { ParsedLockfile } from './lockEntry';
import { instancesOf, routeEntry, type Owner } from './registryRoute';
import { registryName, registryVersion } from './servedPackage';

/** One lockfile line that resolves to the package. */
export interface LockfileUse {
  /** The lockfile's path as people see it. */
  label: string;
  /** 1-based. */
  line: number;
}

/** A package as it was listed: where, and what of its project is known. */
export interface UsageQuery {
  instanceUrl: string;
  /** The owning project's id, when known. */
  projectId?: number;
  /** The owning project's full path, when known. */
  projectPath?: string;
  packageType: string;
  name: string;
  version: string | null;
}

export interface LockfileUsage {
  /** The lockfile lines resolving to the package, by lockfile label and line; none when no lockfile does. */
  uses(query: UsageQuery): LockfileUse[];
}

export interface UsageInput {
  label: string;
  parsed: ParsedLockfile;
}

interface Resolved {
  owner: Owner;
  use: LockfileUse;
}

export function lockfileUsage(files: readonly UsageInput[], instanceUrls: readonly string[]): LockfileUsage {
  const instances = instancesOf(instanceUrls);
  const byVersion = new Map<string, Resolved[]>();
  for (const { label, parsed } of files)
    for (const entry of parsed.entries) {
      const route = routeEntry(entry, instances);
      if (route.kind !== 'gitlab') continue;
      // pip with several GitLab indexes may take the version from any of them: each counts.
      for (const t of route.targets) {
        const key = versionKey(t.instanceUrl, t.packageType, t.name, t.version);
        const found = byVersion.get(key) ?? [];
        found.push({ owner: t.owner, use: { label, line: entry.line } });
        byVersion.set(key, found);
      }
    }
  return {
    uses(q) {
      if (q.version === null) return [];
      const instanceUrl = instancesOf([q.instanceUrl])[0]?.url ?? q.instanceUrl;
      const seen = new Set<string>();
      return (byVersion.get(versionKey(instanceUrl, q.packageType, q.name, q.version)) ?? [])
        .filter((r) => owns(r.owner, q))
        .map((r) => r.use)
        .filter((u) => !seen.has(`${u.label}:${u.line}`) && !!seen.add(`${u.label}:${u.line}`))
        .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.line - b.line));
    },
  };
}

function versionKey(instanceUrl: string, packageType: string, name: string, version: string): string {
  return JSON.stringify([instanceUrl, packageType, registryName(packageType, name), registryVersion(packageType, version)]);
}

/**
 * Whether the route's owner may be the package's project. A route names a project by id or by
 * path (GitLab paths compare without case), and what of the package's project is not known
 * matches. A group's PyPI index serves every project below the group: a group path matches the
 * projects under it; a group id is not resolved here, so any project matches.
 */
function owns(owner: Owner, q: UsageQuery): boolean {
  const path = q.projectPath?.toLowerCase();
  if (typeof owner.id === 'number') return owner.kind === 'group' || q.projectId === undefined || q.projectId === owner.id;
  const named = owner.id.toLowerCase();
  if (path === undefined) return true;
  return owner.kind === 'project' ? path === named : path.startsWith(named + '/');
}
