/**
 * The fake GitLab's state (users, tokens, projects, groups, packages, files) and the query
 * semantics of GitLab's package finder: which packages a list shows for which filters, and in
 * which order. No HTTP here.
 */
import { createHash } from 'node:crypto';

export type Scope = 'api' | 'read_api' | 'read_user';

/** GitLab role levels (members map userId → one of these). */
export const ROLE = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 } as const;

export interface User {
  id: number;
  username: string;
  name: string;
}

export interface Token {
  id: number;
  value: string;
  userId: number;
  scopes: Scope[];
  kind: 'personal' | 'oauth';
  expired: boolean;
  revoked: boolean;
  /** `YYYY-MM-DD` or null (never expires). A date in the past makes the token expired too. */
  expiresAt: string | null;
  name: string;
  createdAt: string;
}

export interface NewToken {
  value: string;
  userId: number;
  scopes: Scope[];
  kind?: 'personal' | 'oauth';
  expired?: boolean;
  revoked?: boolean;
  expiresAt?: string | null;
  name?: string;
}

export interface Project {
  id: number;
  pathWithNamespace: string;
  /** '11.9': the project answers like a GitLab 11.9 server (four-field packages, no filters). */
  shape: 'modern' | '11.9';
  visibility: 'private' | 'public';
  /** userId → access level (10 guest, 20 reporter, 30 developer, 40 maintainer, 50 owner). */
  members: Record<number, number>;
  /** FIPS instance: MD5 is never computed, so `file_md5` is null. */
  fips: boolean;
  packagesEnabled: boolean;
  /** Old full paths that now answer 301 to `/api/v4/projects/<id>`. */
  redirectFrom: string[];
}

export interface NewProject {
  id: number;
  pathWithNamespace: string;
  shape?: 'modern' | '11.9';
  visibility?: 'private' | 'public';
  members?: Record<number, number>;
  fips?: boolean;
  packagesEnabled?: boolean;
  redirectFrom?: string[];
}

export interface Group {
  id: number;
  fullPath: string;
  projectIds: number[];
  subgroupIds: number[];
}

export interface NewGroup {
  id: number;
  fullPath: string;
  projectIds: number[];
  subgroupIds?: number[];
}

export interface Pipeline {
  id: number;
  iid?: number;
  ref: string;
  sha: string;
  status: string;
  source?: string;
  createdAt?: string;
  user?: { name: string; username: string };
}

export type FileStatus = 'default' | 'pending_destruction';

export interface PackageFile {
  id: number;
  packageId: number;
  fileName: string;
  size: number;
  createdAt: string;
  md5: string | null;
  sha1: string;
  sha256: string;
  content: Buffer;
  status: FileStatus;
}

export interface Package {
  id: number;
  projectId: number;
  name: string;
  version: string | null;
  packageType: string;
  status: string;
  conanPackageName?: string;
  tags: string[];
  pipeline?: Pipeline;
  pipelines: Pipeline[];
  createdAt: string;
  /** Bumped on deletion: `If-Unmodified-Since` on DELETE compares against it. */
  updatedAt: string;
  lastDownloadedAt: string | null;
  protected: boolean;
  files: PackageFile[];
}

export interface NewFile {
  fileName: string;
  content: Buffer | string;
  createdAt?: string;
}

export interface NewPackage {
  name: string;
  version: string | null;
  packageType: string;
  status?: string;
  conanPackageName?: string;
  tags?: string[];
  pipeline?: Pipeline;
  /** Defaults to `[pipeline]` when only `pipeline` is given (GitLab's `pipeline` is the last build). */
  pipelines?: Pipeline[];
  createdAt?: string;
  lastDownloadedAt?: string | null;
  protected?: boolean;
  files?: NewFile[];
}

/** The package model's type enum, in its database order (which is what `order_by=type` sorts by). */
export const PACKAGE_TYPES = ['maven', 'npm', 'conan', 'nuget', 'pypi', 'composer', 'generic', 'golang', 'debian', 'rubygems', 'helm', 'terraform_module', 'rpm', 'ml_model'] as const;
export const STATUSES = ['default', 'hidden', 'processing', 'error', 'pending_destruction', 'deprecated'] as const;
/** What a list shows when no `status` is asked for (17.x+). */
export const DISPLAYABLE = new Set(['default', 'error', 'deprecated']);
/** What the single-package GET (and its `versions`) still answers for (17.x+). */
export const DETAILED = new Set(['default', 'deprecated']);

/** Dates are derived from this, never from now(), so runs are reproducible. */
export const BASE_TIME = Date.parse('2025-01-15T09:00:00Z');

export type PackageOrder = 'created_at' | 'name' | 'version' | 'type' | 'project_path';

export interface PackageQuery {
  packageType?: string;
  packageName?: string;
  packageVersion?: string;
  includeVersionless: boolean;
  status?: string;
  orderBy: PackageOrder;
  sort: 'asc' | 'desc';
}

export type FileOrder = 'id' | 'created_at' | 'file_name';

export class Store {
  readonly users = new Map<number, User>();
  readonly tokens = new Map<string, Token>();
  readonly projects = new Map<number, Project>();
  readonly groups = new Map<number, Group>();
  readonly packages = new Map<number, Package>();
  private readonly byProject = new Map<number, Package[]>();
  private nextPackageId = 1;
  private nextFileId = 1;
  private nextTokenId = 1;
  /** Bumped by every package mutation; sorted-list caches are only valid for one revision. */
  private revision = 0;
  private readonly listCache = new Map<string, Package[]>();
  private cacheRevision = -1;

  // ---- lookups -------------------------------------------------------------------------

  /** `key` is a numeric id or a (decoded) full path, as `:id` in the API. */
  projectByKey(key: string): Project | undefined {
    if (/^\d+$/.test(key)) return this.projects.get(Number(key));
    const wanted = key.toLowerCase(); // GitLab paths are case-insensitive in lookups
    for (const p of this.projects.values()) if (p.pathWithNamespace.toLowerCase() === wanted) return p;
    return undefined;
  }

  projectRedirect(key: string): Project | undefined {
    const wanted = key.toLowerCase();
    for (const p of this.projects.values()) if (p.redirectFrom.some((r) => r.toLowerCase() === wanted)) return p;
    return undefined;
  }

  groupByKey(key: string): Group | undefined {
    if (/^\d+$/.test(key)) return this.groups.get(Number(key));
    const wanted = key.toLowerCase();
    for (const g of this.groups.values()) if (g.fullPath.toLowerCase() === wanted) return g;
    return undefined;
  }

  /** Projects of a group, and of its subgroups unless excluded. */
  groupProjectIds(group: Group, excludeSubgroups: boolean, seen = new Set<number>()): number[] {
    if (seen.has(group.id)) return [];
    seen.add(group.id);
    const ids = [...group.projectIds];
    if (!excludeSubgroups) {
      for (const sub of group.subgroupIds) {
        const g = this.groups.get(sub);
        if (g) ids.push(...this.groupProjectIds(g, false, seen));
      }
    }
    return [...new Set(ids)];
  }

  packagesOf(projectId: number): Package[] {
    return this.byProject.get(projectId) ?? [];
  }

  // ---- mutations -----------------------------------------------------------------------

  addToken(t: NewToken): Token {
    const token: Token = { kind: 'personal', expired: false, revoked: false, expiresAt: null, name: 'token', ...t, id: this.nextTokenId++, createdAt: new Date(BASE_TIME).toISOString() };
    this.tokens.set(token.value, token);
    return token;
  }

  addPackage(projectId: number, p: NewPackage): Package {
    if (!this.projects.has(projectId)) throw new Error(`no project ${projectId}`);
    const id = this.nextPackageId++;
    const createdAt = p.createdAt ?? new Date(BASE_TIME + id * 60_000).toISOString();
    const pkg: Package = {
      id,
      projectId,
      name: p.name,
      version: p.version,
      packageType: p.packageType,
      status: p.status ?? 'default',
      conanPackageName: p.conanPackageName,
      tags: p.tags ?? [],
      pipeline: p.pipeline,
      pipelines: p.pipelines ?? (p.pipeline ? [p.pipeline] : []),
      createdAt,
      updatedAt: createdAt,
      lastDownloadedAt: p.lastDownloadedAt ?? null,
      protected: p.protected ?? false,
      files: [],
    };
    for (const f of p.files ?? []) this.addFile(pkg, f.fileName, typeof f.content === 'string' ? Buffer.from(f.content) : f.content, f.createdAt);
    this.packages.set(id, pkg);
    const list = this.byProject.get(projectId);
    if (list) list.push(pkg);
    else this.byProject.set(projectId, [pkg]);
    this.revision++;
    return pkg;
  }

  addFile(pkg: Package, fileName: string, content: Buffer, createdAt?: string): PackageFile {
    const fips = this.projects.get(pkg.projectId)?.fips ?? false;
    const file: PackageFile = {
      id: this.nextFileId++,
      packageId: pkg.id,
      fileName,
      size: content.length,
      createdAt: createdAt ?? pkg.createdAt,
      md5: fips ? null : digest('md5', content),
      sha1: digest('sha1', content),
      sha256: digest('sha256', content),
      content,
      status: 'default',
    };
    pkg.files.push(file);
    return file;
  }

  /** What DELETE does: the package is only marked, files go later (asynchronously in GitLab). */
  markPackageForDestruction(pkg: Package, at = new Date()): void {
    pkg.status = 'pending_destruction';
    pkg.updatedAt = at.toISOString();
    this.revision++;
  }

  markFileForDestruction(file: PackageFile): void {
    file.status = 'pending_destruction';
  }

  /** Call after changing a package's fields directly (status, name…) so cached lists are dropped. */
  touch(): void {
    this.revision++;
  }

  // ---- queries -------------------------------------------------------------------------

  /** Packages the finder returns for this query, sorted. Cached per (scope, query, revision). */
  findPackages(scopeKey: string, candidates: () => Package[], q: PackageQuery, projectPath: (p: Package) => string): Package[] {
    if (this.cacheRevision !== this.revision) {
      this.listCache.clear();
      this.cacheRevision = this.revision;
    }
    const key = `${scopeKey}|${JSON.stringify(q)}`;
    const cached = this.listCache.get(key);
    if (cached) return cached;
    const rows = sortPackages(candidates().filter(matcher(q)), q, projectPath);
    this.listCache.set(key, rows);
    return rows;
  }

  /** `versions` of the single GET: same name and type, other version, still detailed, by version. */
  versionsOf(pkg: Package): Package[] {
    return this.packagesOf(pkg.projectId)
      .filter((o) => o.id !== pkg.id && o.name === pkg.name && o.packageType === pkg.packageType && o.version !== null && o.version !== pkg.version && DETAILED.has(o.status))
      .sort((a, b) => compare(a.version, b.version) || a.id - b.id);
  }

  /** Files still installable (not marked for destruction), in the asked order. */
  filesOf(pkg: Package, orderBy: FileOrder, sort: 'asc' | 'desc'): PackageFile[] {
    const dir = sort === 'desc' ? -1 : 1;
    const key = (f: PackageFile): string | number => (orderBy === 'file_name' ? f.fileName : orderBy === 'created_at' ? f.createdAt : f.id);
    return pkg.files.filter((f) => f.status === 'default').sort((a, b) => (compare(key(a), key(b)) || a.id - b.id) * dir);
  }
}

/** The finder's WHERE clause. */
function matcher(q: PackageQuery): (p: Package) => boolean {
  const name = q.packageName?.toLowerCase();
  return (p) => {
    // No status asked → displayable ones only; an explicit status → exactly that one.
    if (q.status ? p.status !== q.status : !DISPLAYABLE.has(p.status)) return false;
    // Terraform modules live in their own registry: only listed when asked for by type.
    if (q.packageType ? p.packageType !== q.packageType : p.packageType === 'terraform_module') return false;
    if (name && !p.name.toLowerCase().includes(name)) return false;
    // An exact version never matches versionless packages, even with include_versionless.
    if (q.packageVersion !== undefined) return p.version === q.packageVersion;
    return p.version !== null || q.includeVersionless;
  };
}

/** The finder's ORDER BY, with id as the tie-breaker in the same direction (as GitLab's keyset order does). */
function sortPackages(rows: Package[], q: PackageQuery, projectPath: (p: Package) => string): Package[] {
  const dir = q.sort === 'desc' ? -1 : 1;
  const typeRank = (t: string): number => {
    const i = (PACKAGE_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? PACKAGE_TYPES.length : i;
  };
  const key = (p: Package): string | number | null => {
    switch (q.orderBy) {
      case 'name':
        return p.name;
      case 'version':
        return p.version;
      case 'type':
        // package_type is an integer enum column: it sorts by enum value, not alphabetically.
        return typeRank(p.packageType);
      case 'project_path':
        return projectPath(p);
      case 'created_at':
        return p.createdAt;
    }
  };
  // Precompute keys: sorting 10,000 rows must not recompute them n·log n times.
  const keyed = rows.map((p) => ({ p, k: key(p) }));
  keyed.sort((a, b) => {
    // PostgreSQL puts NULLs last ascending and first descending: same as "null is largest".
    if (a.k === null || b.k === null) {
      if (a.k === b.k) return (a.p.id - b.p.id) * dir;
      return (a.k === null ? 1 : -1) * dir;
    }
    return (compare(a.k, b.k) || a.p.id - b.p.id) * dir;
  });
  return keyed.map((x) => x.p);
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function digest(alg: 'md5' | 'sha1' | 'sha256', data: Buffer): string {
  return createHash(alg).update(data).digest('hex');
}
