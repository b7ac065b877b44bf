/**
 * Which GitLab package a lockfile entry came from, read from its URLs — but only on an instance
 * the user configured: a lockfile is workspace content, so a host it names is never contacted
 * on its word. Routes GitLab serves (lib/api/npm_project_packages.rb, lib/api/pypi_packages.rb):
 *   npm tarball      …/api/v4/projects/:id/packages/npm/<name>/-/<name>-<version>.tgz
 *                    (the scope stays unencoded or is `%2f`; GitLab's metadata names the owning
 *                    project in tarball URLs even when the instance or group endpoint was used)
 *   PyPI file        …/api/v4/projects/:id/packages/pypi/files/<sha256>/<file>
 *                    …/api/v4/groups/:id/-/packages/pypi/files/<sha256>/<file>
 *   PyPI index       …/api/v4/projects/:id/packages/pypi/simple[/<name>]
 *                    …/api/v4/groups/:id/-/packages/pypi/simple[/<name>]
 * An instance may live under a path (`https://host/gitlab`): the longest configured one that
 * prefixes the URL owns it.
 */
import type { ProjectKey } from '../../gitlab/types';
import { isHex } from './digest';
import type { Ecosystem, LockEntry } from './lockEntry';
import { decodedSegments, parseHttpUrl } from './urlParts';

export type Owner = { kind: 'project'; id: ProjectKey } | { kind: 'group'; id: ProjectKey };

export type OtherReason =
  /** The lockfile names no URL or index for the entry (npm's default registry, PyPI). */
  | 'no-url'
  /** A host (or a path on it) that is not a configured instance. */
  | 'not-configured'
  /** `http://` to a configured `https://` instance: not trusted to be the same registry. */
  | 'insecure'
  /** A configured instance, but no package route this verifier knows. */
  | 'not-a-package-route';

export type UrlRoute =
  | { kind: 'npm-tarball'; instanceUrl: string; project: ProjectKey; packageName: string; fileName: string }
  | { kind: 'pypi-file'; instanceUrl: string; owner: Owner; sha256: string; fileName: string }
  | { kind: 'pypi-index'; instanceUrl: string; owner: Owner }
  | { kind: 'other'; reason: OtherReason };

/** The package version to look up: one list request and one files request answer every entry that shares it. */
export interface VersionTarget {
  instanceUrl: string;
  owner: Owner;
  packageType: Ecosystem;
  /** As the registry spells it (npm: exact; PyPI: compared normalised). */
  name: string;
  version: string;
}

/** How GitLab names one locked file (aligned with the entry's `files`). */
export interface FileRoute {
  fileName?: string;
  /** PyPI file URLs carry the SHA-256 they were resolved with (GitLab finds the package by it). */
  sha256?: string;
}

export type EntryRoute =
  | {
      kind: 'gitlab';
      /**
       * Where to look, in order. One, except for pip with several GitLab indexes: pip takes
       * candidates from every index it is given, so each is asked.
       */
      targets: VersionTarget[];
      files: FileRoute[];
      /** The lockfile names an index that is not a configured GitLab: not found in GitLab is not "missing". */
      mayComeFromElsewhere: boolean;
      /** Resolved through a GitLab PyPI index (no file URL), which forwards names it does not hold. */
      viaIndex: boolean;
    }
  | { kind: 'other'; reason: OtherReason };

interface Instance {
  url: string;
  protocol: string;
  host: string;
  path: string;
}

/** Configured instance URLs (`https://host[/path]`) in the form the matcher compares. */
export function instancesOf(instanceUrls: readonly string[]): Instance[] {
  const out: Instance[] = [];
  for (const raw of instanceUrls) {
    const u = parseHttpUrl(raw);
    if (!u) continue;
    const path = u.pathname.replace(/\/+$/, '');
    out.push({ url: u.origin + path, protocol: u.protocol, host: u.host, path });
  }
  // Longest first: a sub-path install wins over the bare origin.
  return out.sort((a, b) => b.path.length - a.path.length);
}

export function routeUrl(raw: string, instances: readonly Instance[]): UrlRoute {
  const u = parseHttpUrl(raw);
  if (!u) return { kind: 'other', reason: 'not-configured' };
  const sameHost = instances.filter((i) => i.host === u.host);
  const below = sameHost.filter((i) => u.pathname.startsWith(i.path + '/api/v4/'));
  const owner = below.find((i) => i.protocol === u.protocol) ?? below[0];
  if (!owner) return { kind: 'other', reason: sameHost.length ? 'not-a-package-route' : 'not-configured' };
  if (owner.protocol !== u.protocol) return { kind: 'other', reason: u.protocol === 'http:' ? 'insecure' : 'not-configured' };
  const segments = decodedSegments(u.pathname.slice(owner.path.length + '/api/v4/'.length));
  const route = segments && routeApiPath(segments, owner.url);
  return route ?? { kind: 'other', reason: 'not-a-package-route' };
}

function routeApiPath(s: string[], instanceUrl: string): UrlRoute | undefined {
  if (s[0] === 'projects' && s.length > 4 && s[2] === 'packages') {
    const project = projectKey(s[1]);
    if (project === undefined) return undefined;
    if (s[3] === 'npm') return npmTarball(s.slice(4), instanceUrl, project);
    if (s[3] === 'pypi') return pypi(s.slice(4), instanceUrl, { kind: 'project', id: project });
  }
  if (s[0] === 'groups' && s.length > 5 && s[2] === '-' && s[3] === 'packages' && s[4] === 'pypi') {
    const group = projectKey(s[1]);
    if (group !== undefined) return pypi(s.slice(5), instanceUrl, { kind: 'group', id: group });
  }
  return undefined;
}

/** `<name…>/-/<file…>`: the name is `a`, `@s/a` or `@s%2fa`; the file GitLab stores as `<name>-<version>.tgz`. */
function npmTarball(s: string[], instanceUrl: string, project: ProjectKey): UrlRoute | undefined {
  const dash = s.indexOf('-');
  if (dash < 1 || dash > 2) return undefined;
  const nameParts = s.slice(0, dash);
  if (nameParts.length === 2 && !nameParts[0].startsWith('@')) return undefined;
  const packageName = nameParts.join('/');
  const fileName = s.slice(dash + 1).join('/');
  if (!fileName.endsWith('.tgz') || nameParts.some((p) => !p)) return undefined;
  return { kind: 'npm-tarball', instanceUrl, project, packageName, fileName };
}

function pypi(s: string[], instanceUrl: string, owner: Owner): UrlRoute | undefined {
  if (s[0] === 'simple') return { kind: 'pypi-index', instanceUrl, owner };
  if (s[0] === 'files' && s.length === 3) {
    const sha256 = s[1].toLowerCase();
    if (sha256.length === 64 && isHex(sha256) && s[2]) return { kind: 'pypi-file', instanceUrl, owner, sha256, fileName: s[2] };
  }
  return undefined;
}

/** A numeric id, or a full path (`group/project` once decoded); undefined for anything else. */
function projectKey(segment: string): ProjectKey | undefined {
  if (/^\d{1,15}$/.test(segment)) return Number(segment);
  const parts = segment.split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..') ? segment : undefined;
}

/** Where an entry comes from, by its file URLs first and then by the indexes the lockfile names. */
export function routeEntry(entry: LockEntry, instances: readonly Instance[]): EntryRoute {
  return entry.ecosystem === 'npm' ? routeNpm(entry, instances) : routePypi(entry, instances);
}

function routeNpm(entry: LockEntry, instances: readonly Instance[]): EntryRoute {
  const url = entry.files[0]?.url;
  if (!url) return { kind: 'other', reason: 'no-url' };
  const route = routeUrl(url, instances);
  if (route.kind === 'other') return route;
  if (route.kind !== 'npm-tarball') return { kind: 'other', reason: 'not-a-package-route' };
  return {
    kind: 'gitlab',
    targets: [
      { instanceUrl: route.instanceUrl, owner: { kind: 'project', id: route.project }, packageType: 'npm', name: route.packageName, version: entry.version },
    ],
    files: [{ fileName: route.fileName }],
    mayComeFromElsewhere: false,
    viaIndex: false,
  };
}

function routePypi(entry: LockEntry, instances: readonly Instance[]): EntryRoute {
  const withUrl = entry.files.find((f) => f.url);
  if (withUrl?.url) {
    const first = routeUrl(withUrl.url, instances);
    if (first.kind === 'other') return first;
    if (first.kind !== 'pypi-file') return { kind: 'other', reason: 'not-a-package-route' };
    const files = entry.files.map((f): FileRoute => {
      const r = f.url ? routeUrl(f.url, instances) : undefined;
      return r?.kind === 'pypi-file' ? { fileName: r.fileName, sha256: r.sha256 } : { fileName: f.fileName };
    });
    return { kind: 'gitlab', targets: [pypiTarget(first.instanceUrl, first.owner, entry)], files, mayComeFromElsewhere: false, viaIndex: false };
  }
  const routes = entry.indexes.map((i) => routeUrl(i, instances));
  const indexes = routes.filter((r): r is Extract<UrlRoute, { kind: 'pypi-index' }> => r.kind === 'pypi-index');
  if (!indexes.length) {
    const reason = routes.find((r): r is Extract<UrlRoute, { kind: 'other' }> => r.kind === 'other')?.reason ?? 'no-url';
    return { kind: 'other', reason };
  }
  return {
    kind: 'gitlab',
    targets: indexes.map((i) => pypiTarget(i.instanceUrl, i.owner, entry)),
    files: entry.files.map((f) => ({ fileName: f.fileName })),
    mayComeFromElsewhere: entry.otherIndexes === true || indexes.length < routes.length,
    viaIndex: true,
  };
}

function pypiTarget(instanceUrl: string, owner: Owner, entry: LockEntry): VersionTarget {
  return { instanceUrl, owner, packageType: 'pypi', name: entry.name, version: entry.version };
}
