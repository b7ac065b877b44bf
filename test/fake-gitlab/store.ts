/**
 * The fake GitLab's state: users, tokens, projects, groups, packages and files, and the
 * list semantics of GitLab's package finder (default statuses, terraform modules hidden,
 * versionless dropped, fuzzy name, sorting).
 */
import { createHash } from 'node:crypto';

/** `admin_mode`: an administrator's token acts in Admin Mode (GitLab: lib/api/api_guard.rb `bypass_session_for_admin_mode?`). */
export type Scope = 'api' | 'read_api' | 'read_user' | 'admin_mode';

export interface User {
  id: number;
  username: string;
  name: string;
  /** An instance administrator (with the `adminMode` setting on, one only through a token with the `admin_mode` scope: server.ts). */
  admin?: boolean;
}

export interface Token {
  value: string;
  userId: number;
  scopes: Scope[];
  kind: 'personal' | 'oauth';
  expired: boolean;
  revoked: boolean;
  expiresAt: string | null;
  name: string;
}

export interface Project {
  id: number;
  pathWithNamespace: string;
  shape: 'modern' | '11.9';
  visibility: 'private' | 'public';
  /** userId → access level (10 guest, 20 reporter, 30 developer, 40 maintainer, 50 owner): the member records. */
  members: Record<number, number>;
  /**
   * A personal project's owner (its namespace is a user's). GitLab counts them Owner whatever
   * their member record (app/models/user.rb `max_member_access_for_project`, through
   * project_authorizations' personal-project owners); a project made before 14.9 records them
   * as Maintainer, which `permissions.project_access` shows.
   */
  personalOwnerId?: number;
  fips: boolean;
  packagesEnabled: boolean;
  redirectFrom: string[];
}

export interface Group {
  id: number;
  fullPath: string;
  projectIds: number[];
  subgroupIds: number[];
  /** Private unless said (GitLab's default for a new group). */
  visibility?: 'public' | 'internal' | 'private';
}

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
  status: 'default' | 'pending_destruction';
  /**
   * What GitLab stored, where it did not compute all three digests: an npm upload keeps only the
   * client's SHA-1 (app/services/packages/npm/create_package_service.rb), a PyPI upload the
   * client's SHA-256 and MD5 (app/services/packages/pypi/create_package_service.rb). The file
   * JSON sends these; `md5`, `sha1`, `sha256` above stay the real digests of `content`.
   */
  recorded?: { md5: string | null; sha1: string | null; sha256: string | null };
}

export interface Pipeline {
  id: number;
  ref: string;
  sha: string;
  status: string;
  user?: { name: string; username: string };
}

/** A Conan package's user and channel (GitLab: app/models/packages/conan/metadatum.rb). */
export interface ConanMetadata {
  username: string;
  channel: string;
}

export interface Package {
  id: number;
  projectId: number;
  /** As GitLab stores it: for Conan the bare name (`Hello`); the API sends the recipe (serialize.ts). */
  name: string;
  version: string | null;
  packageType: string;
  status: string;
  /** Conan only. */
  conan?: ConanMetadata;
  tags: string[];
  pipeline?: Pipeline;
  /** Earlier pipelines that published it (the `…/pipelines` endpoint lists them with `pipeline`). */
  pipelines?: Pipeline[];
  createdAt: string;
  lastDownloadedAt: string | null;
  /** Deletion protected as if by a rule not listed (only with the delete-protection flag on, as every rule). */
  protected: boolean;
  files: PackageFile[];
}

export interface NewPackage {
  name: string;
  version: string | null;
  packageType: string;
  status?: string;
  /** Conan only (`name` is then the bare name, as GitLab stores it). */
  conan?: ConanMetadata;
  tags?: string[];
  pipeline?: Pipeline;
  pipelines?: Pipeline[];
  createdAt?: string;
  lastDownloadedAt?: string | null;
  protected?: boolean;
  files?: { fileName: string; content: Buffer | string; createdAt?: string }[];
}

/** app/models/packages/package.rb's `package_type` enum, in its order (maven: 1 … ml_model: 14): `order_by=type` sorts by it. */
export const PACKAGE_TYPES = [
  'maven',
  'npm',
  'conan',
  'nuget',
  'pypi',
  'composer',
  'generic',
  'golang',
  'debian',
  'rubygems',
  'helm',
  'terraform_module',
  'rpm',
  'ml_model',
];
export const STATUSES = ['default', 'hidden', 'processing', 'error', 'pending_destruction', 'deprecated'];
/** GitLab: app/models/packages/package.rb (DISPLAYABLE_STATUSES): what lists show unless `status` asks, and all the single-package routes find. */
export const DISPLAYABLE = new Set(['default', 'error', 'deprecated']);
const BASE_TIME = Date.parse('2025-01-15T09:00:00Z');

export interface PackageFilter {
  packageType?: string;
  packageName?: string;
  packageVersion?: string;
  includeVersionless?: boolean;
  status?: string;
  orderBy: string;
  sort: 'asc' | 'desc';
}

export class Store {
  readonly users = new Map<number, User>();
  readonly tokens = new Map<string, Token>();
  readonly projects = new Map<number, Project>();
  readonly groups = new Map<number, Group>();
  readonly packages = new Map<number, Package>();
  private readonly byProject = new Map<number, Package[]>();
  private nextPackageId = 1;
  private nextFileId = 1;

  projectByKey(key: string): Project | undefined {
    if (/^\d+$/.test(key)) return this.projects.get(Number(key));
    for (const p of this.projects.values()) if (p.pathWithNamespace === key) return p;
    return undefined;
  }

  projectRedirect(key: string): Project | undefined {
    for (const p of this.projects.values()) if (p.redirectFrom.includes(key)) return p;
    return undefined;
  }

  groupByKey(key: string): Group | undefined {
    if (/^\d+$/.test(key)) return this.groups.get(Number(key));
    for (const g of this.groups.values()) if (g.fullPath === key) return g;
    return undefined;
  }

  packagesOf(projectId: number): Package[] {
    return this.byProject.get(projectId) ?? [];
  }

  addPackage(projectId: number, p: NewPackage): Package {
    if (!this.projects.has(projectId)) throw new Error(`no project ${projectId}`);
    const id = this.nextPackageId++;
    const pkg: Package = {
      id,
      projectId,
      name: p.name,
      version: p.version,
      packageType: p.packageType,
      status: p.status ?? 'default',
      conan: p.conan,
      tags: p.tags ?? [],
      pipeline: p.pipeline,
      pipelines: p.pipelines,
      createdAt: p.createdAt ?? new Date(BASE_TIME + id * 60_000).toISOString(),
      lastDownloadedAt: p.lastDownloadedAt ?? null,
      protected: p.protected ?? false,
      files: [],
    };
    for (const f of p.files ?? []) this.addFile(pkg, f.fileName, typeof f.content === 'string' ? Buffer.from(f.content) : f.content, f.createdAt);
    this.packages.set(id, pkg);
    const list = this.byProject.get(projectId) ?? [];
    list.push(pkg);
    this.byProject.set(projectId, list);
    return pkg;
  }

  addFile(pkg: Package, fileName: string, content: Buffer, createdAt?: string): PackageFile {
    const fips = this.projects.get(pkg.projectId)?.fips ?? false;
    const id = this.nextFileId++;
    const file: PackageFile = {
      id,
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

  /** GitLab's package finder: what a list returns for these filters, sorted. */
  listPackages(pkgs: Package[], f: PackageFilter, projectPath?: (p: Package) => string): Package[] {
    const terms = f.packageName ? searchTerms(f.packageName).map((t) => t.toLowerCase()) : [];
    const out = pkgs.filter((p) => {
      // GitLab: app/finders/concerns/packages/finder_helper.rb (filter_by_status, filter_by_package_type) and
      // app/finders/packages/{packages_finder,group_packages_finder}.rb: without `status` only the displayable
      // statuses, without `package_type` no terraform modules; an explicit value lists exactly that.
      if (f.status ? p.status !== f.status : !DISPLAYABLE.has(p.status)) return false;
      if (f.packageType ? p.packageType !== f.packageType : p.packageType === 'terraform_module') return false;
      if (!terms.every((t) => p.name.toLowerCase().includes(t))) return false;
      if (f.packageVersion !== undefined) return p.version === f.packageVersion;
      return p.version !== null || f.includeVersionless === true;
    });
    const key = (p: Package): string | number => {
      switch (f.orderBy) {
        case 'name':
          return p.name;
        case 'version':
          return p.version ?? '';
        case 'type':
          // The enum's number, not the name (app/models/packages/package.rb: `order_type`); PACKAGE_TYPES is in that order.
          return PACKAGE_TYPES.indexOf(p.packageType);
        case 'project_path':
          return projectPath?.(p) ?? '';
        default:
          return p.createdAt;
      }
    };
    const dir = f.sort === 'desc' ? -1 : 1;
    return out.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id) * dir;
    });
  }
}

/**
 * GitLab: app/finders/concerns/packages/finder_helper.rb (`filter_by_package_name` when
 * `package_name` is present, i.e. not blank) → Packages::Package.search_by_name →
 * lib/gitlab/sql/pattern.rb `fuzzy_search(query, [:name], use_minimum_char_limit: false)`: the
 * query squished, REGEX_QUOTED_TERM's `"…"` taken out whole, the rest split at spaces; every
 * term, however short, becomes `name ILIKE '%term%'` (sanitize_sql_like: `%`, `_` literal), ANDed.
 */
export function searchTerms(query: string): string[] {
  // GitLab: activesupport core_ext/string/filters.rb, String#squish: /[[:space:]]+/, Unicode White_Space (U+0085 yes, U+FEFF no).
  const squished = query.replace(/(?:[^\S\ufeff]|\u0085)+/gu, ' ').replace(/^ | $/g, '');
  const quoted: string[] = [];
  const rest = squished.replace(/(?<=^| )"[^"]+"(?= |$)/g, (term) => {
    quoted.push(term.slice(1, -1));
    return '';
  });
  return [...rest.split(/ +/).filter((t) => t !== ''), ...quoted];
}

export function digest(alg: 'md5' | 'sha1' | 'sha256', data: Buffer): string {
  return createHash(alg).update(data).digest('hex');
}
