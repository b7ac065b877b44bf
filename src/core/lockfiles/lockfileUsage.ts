/**
 * Which lockfile lines resolve to a package version of a configured GitLab: what deletes and
 * clean-ups consult so a version a workspace installs from is not removed unasked. Built from
 * the same routes the verifier follows (registryRoute.ts), so only an instance the user configured
 * counts, and names and versions are told apart as GitLab's routes tell them (servedPackage.ts).
 * When the owner cannot be told apart it counts as used: guarding more is safe, since a guard only
 * keeps or asks, never deletes.
 */
import type { Ecosystem, LockfileFormat, LockfileProblem, ParsedLockfile } from './lockEntry';
import { instancesOf, routeEntry, type Owner } from './registryRoute';
import { registryName, registryVersion } from './servedPackage';

/** One lockfile line that resolves to the package. */
export interface LockfileUse {
  /** The lockfile's path as people see it. */
  label: string;
  /** 1-based. */
  line: number;
  /** The project path the line names when the package's project is known by another: a former path of it, maybe. */
  via?: string;
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

/** Project paths GitLab resolved to ids, by instance: a path one of them holds is not another project's former one. */
export type KnownPaths = ReadonlyMap<string, number>;

/** A lockfile that could not be read whole: it may resolve to any version of its ecosystem. */
export interface UnreadLockfile {
  label: string;
  ecosystem: Ecosystem;
  /** What stopped the reader, or the read's error. */
  problem: LockfileProblem;
}

export interface LockfileUsage {
  /** The lockfile lines resolving to the package, by lockfile label and line; none when no lockfile does. */
  uses(query: UsageQuery, known?: KnownPaths): LockfileUse[];
  /** The lockfiles of the package type's ecosystem that could not be read. */
  unread(packageType: string): UnreadLockfile[];
}

export interface UsageInput {
  label: string;
  parsed: ParsedLockfile;
  /** The file could not be read at all (the error's message); `parsed` is then empty. */
  readError?: string;
}

/** What stops a reader: after these its entries are none or some, never known to be all. */
const UNREAD: readonly LockfileProblem['kind'][] = ['syntax', 'unsupported', 'too-large'];

interface Resolved {
  owner: Owner;
  use: LockfileUse;
}

export function lockfileUsage(files: readonly UsageInput[], instanceUrls: readonly string[]): LockfileUsage {
  const instances = instancesOf(instanceUrls);
  const byVersion = new Map<string, Resolved[]>();
  const unread: UnreadLockfile[] = [];
  for (const { label, parsed, readError } of files) {
    const problem = readError === undefined ? parsed.problems.find((p) => UNREAD.includes(p.kind)) : { kind: 'syntax' as const, detail: readError };
    if (problem) unread.push({ label, ecosystem: ecosystemOf(parsed.format), problem });
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
  }
  return {
    uses(q, known = new Map()) {
      if (q.version === null) return [];
      const instanceUrl = instanceOf(q.instanceUrl);
      const seen = new Set<string>();
      return (byVersion.get(versionKey(instanceUrl, q.packageType, q.name, q.version)) ?? [])
        .flatMap((r) => {
          const owned = owns(r.owner, q, known.get(pathKey(instanceUrl, String(r.owner.id))));
          return owned === true ? [r.use] : owned ? [{ ...r.use, via: owned }] : [];
        })
        .filter((u) => !seen.has(`${u.label}:${u.line}`) && !!seen.add(`${u.label}:${u.line}`))
        .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.line - b.line));
    },
    unread: (packageType) => unread.filter((u) => u.ecosystem === packageType),
  };
}

/**
 * The project paths a listing resolved to ids (a group's list per package, a project row's entry
 * once GitLab answered for it): each names that project — its current path or one GitLab follows to it.
 */
export function knownPaths(queries: readonly Pick<UsageQuery, 'instanceUrl' | 'projectId' | 'projectPath'>[]): KnownPaths {
  return new Map(
    queries.flatMap((q) => (q.projectId !== undefined && q.projectPath ? [[pathKey(instanceOf(q.instanceUrl), q.projectPath), q.projectId]] : [])),
  );
}

function instanceOf(url: string): string {
  return instancesOf([url])[0]?.url ?? url;
}

function pathKey(instanceUrl: string, path: string): string {
  return JSON.stringify([instanceUrl, path.toLowerCase()]);
}

function ecosystemOf(format: LockfileFormat): Ecosystem {
  return format === 'requirements' || format === 'poetry' || format === 'uv' ? 'pypi' : 'npm';
}

function versionKey(instanceUrl: string, packageType: string, name: string, version: string): string {
  return JSON.stringify([instanceUrl, packageType, registryName(packageType, name), registryVersion(packageType, version)]);
}

/**
 * Whether the route's owner may be the package's project: true, false, or — a project named by a
 * path that is not the package's project's — that path. A route names a project by id or by path
 * (GitLab paths compare without case), and what of the package's project is not known matches.
 * GitLab's API finds a project by a path it had before a rename or transfer too (lib/api/helpers.rb
 * `find_project`: `find_by_full_path(id, follow_redirects: true)`, a GET answered with a redirect
 * to the id), so an old path still installs: it counts unless the path is one GitLab listed for
 * another project (`holder`, its id), which no redirect then takes. A group's PyPI index serves
 * every project below the group: a group path matches the projects under it (`find_group` follows
 * no redirect); a group id is not resolved here, so any project matches.
 */
function owns(owner: Owner, q: UsageQuery, holder: number | undefined): boolean | string {
  const path = q.projectPath?.toLowerCase();
  if (typeof owner.id === 'number') return owner.kind === 'group' || q.projectId === undefined || q.projectId === owner.id;
  const named = owner.id.toLowerCase();
  if (owner.kind === 'group') return path === undefined || path.startsWith(named + '/');
  if (path === named) return true;
  if (holder !== undefined && q.projectId !== undefined) return holder === q.projectId;
  return path === undefined || owner.id;
}
