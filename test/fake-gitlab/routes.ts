/**
 * The REST routes (all under /api/v4), following docs/gitlab-packages-api.md: who may see what
 * (404 before 403), parameter validation (400), the finder semantics (store.ts), the JSON
 * shapes (serialize.ts) and pagination (pagination.ts). Pure: request in, Reply out.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { authenticate, isExpired, unauthorized, type Caller, type Credentials, type Need } from './auth';
import { paginate, parsePaging } from './pagination';
import { forbidden, HttpError, invalidParam, json, notFound, routeNotFound, type Reply } from './respond';
import { fileJson, packageJson, projectJson, tokenJson, userJson, type Viewer } from './serialize';
import { DETAILED, DISPLAYABLE, PACKAGE_TYPES, ROLE, STATUSES, type FileOrder, type Group, type Package, type PackageFile, type PackageOrder, type PackageQuery, type Project, type Store } from './store';

export interface RequestContext {
  method: string;
  /** Path as sent (`%2F` still encoded), no query. */
  rawPath: string;
  query: Record<string, string>;
  creds: Credentials;
  /** `http://<Host header>`: absolute links point where the client connected. */
  baseUrl: string;
  headers: IncomingHttpHeaders;
}

export interface ApiSettings {
  /** What `GET /version` reports; also gates the 18.4 download route. */
  version: string;
  /** Serve bytes that do not match their checksums (a corrupted object store or proxy). */
  corruptDownloads: boolean;
}

const API = '/api/v4';

export class Api {
  constructor(
    private readonly store: Store,
    private readonly settings: () => ApiSettings,
  ) {}

  route(ctx: RequestContext): Reply {
    const { method, rawPath } = ctx;
    if (!rawPath.startsWith(`${API}/`)) throw routeNotFound();
    const path = rawPath.slice(API.length);
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/user') {
      const caller = this.caller(ctx, 'read_user');
      if (!caller.user) throw unauthorized();
      return json(userJson(caller.user, ctx.baseUrl));
    }
    if (method === 'GET' && path === '/personal_access_tokens/self') {
      const caller = this.caller(ctx, 'read_user');
      if (!caller.user || !caller.token) throw unauthorized();
      // Only access tokens can describe themselves; OAuth tokens cannot (doc §9.4).
      if (caller.token.kind === 'oauth') throw unauthorized();
      return json(tokenJson(caller.token, !caller.token.revoked && !isExpired(caller.token)));
    }
    if (method === 'GET' && (path === '/version' || path === '/metadata')) {
      const caller = this.caller(ctx, 'read_user');
      if (!caller.user) throw unauthorized();
      const version = this.settings().version;
      const base = { version, revision: revisionOf(version) };
      return json(path === '/version' ? base : { ...base, kas: { enabled: false, externalUrl: null, externalK8sProxyUrl: null, version: null }, enterprise: version.endsWith('-ee') });
    }
    if (method === 'GET' && (m = /^\/groups\/([^/]+)\/packages$/.exec(path))) {
      return this.groupPackages(ctx, decode(m[1]));
    }
    if ((m = /^\/projects\/([^/]+)(\/.*)?$/.exec(path))) {
      return this.projectRoutes(ctx, decode(m[1]), m[2] ?? '');
    }
    throw routeNotFound();
  }

  // ---- projects ------------------------------------------------------------------------

  private projectRoutes(ctx: RequestContext, key: string, rest: string): Reply {
    const { method } = ctx;
    let m: RegExpExecArray | null;
    const shape = (this.store.projectByKey(key) ?? this.store.projectRedirect(key))?.shape ?? 'modern';
    const modern = shape === 'modern'; // routes added after 11.9 are missing on 11.9-shape projects

    if (method === 'GET' && rest === '') {
      const { project, caller } = this.project(ctx, key, rest, 'read_api');
      return json(projectJson(project, ctx.baseUrl, caller.user ? this.level(project, caller) : undefined));
    }
    if (method === 'GET' && rest === '/packages') {
      const { project, caller } = this.packageReader(ctx, key, rest);
      return this.listProjectPackages(ctx, project, caller);
    }
    if ((m = /^\/packages\/(\d+)$/.exec(rest))) {
      const id = Number(m[1]);
      if (method === 'GET') {
        const { project, caller } = this.packageReader(ctx, key, rest);
        const pkg = this.displayablePackage(project, id);
        // Recent servers answer the single GET only for default/deprecated packages (doc §3).
        if (project.shape === 'modern' && !DETAILED.has(pkg.status)) throw new HttpError(404, { message: 'Package not found' });
        const versions = project.shape === 'modern' ? this.store.versionsOf(pkg) : undefined;
        return json(packageJson(pkg, project, this.viewer(ctx, project, caller), { versions }));
      }
      if (method === 'DELETE') {
        const { pkg } = this.deletable(ctx, key, rest, id);
        checkUnmodifiedSince(ctx.headers, pkg.updatedAt);
        if (pkg.protected) throw new HttpError(403, { message: '403 Forbidden - Package is deletion protected.' });
        this.store.markPackageForDestruction(pkg);
        return { status: 204, body: undefined };
      }
    }
    if (method === 'GET' && (m = /^\/packages\/(\d+)\/package_files$/.exec(rest))) {
      const { project } = this.packageReader(ctx, key, rest);
      const pkg = this.displayablePackage(project, Number(m[1]));
      // order_by/sort arrived with 18.x; older servers drop undeclared params silently.
      const orderBy = project.shape === 'modern' ? oneOf<FileOrder>(ctx.query, 'order_by', ['id', 'created_at', 'file_name'], 'id') : 'id';
      const sort = project.shape === 'modern' ? oneOf(ctx.query, 'sort', ['asc', 'desc'] as const, 'asc') : 'asc';
      const paging = parsePaging(ctx.query);
      const page = paginate(this.store.filesOf(pkg, orderBy, sort), paging, ctx.baseUrl + ctx.rawPath, ctx.query);
      return json(page.items.map((f) => fileJson(f, project)), page.headers);
    }
    if (modern && method === 'DELETE' && (m = /^\/packages\/(\d+)\/package_files\/(\d+)$/.exec(rest))) {
      const { pkg } = this.deletable(ctx, key, rest, Number(m[1]));
      const file = pkg.files.find((f) => f.id === Number(m![2]) && f.status === 'default');
      if (!file) throw new HttpError(404, { message: '404 Not Found' });
      if (pkg.protected) throw new HttpError(403, { message: '403 Forbidden - Package is deletion protected.' });
      checkUnmodifiedSince(ctx.headers, file.createdAt);
      this.store.markFileForDestruction(file);
      return { status: 204, body: undefined };
    }
    if (modern && method === 'GET' && (m = /^\/packages\/(\d+)\/package_files\/(\d+)\/download$/.exec(rest)) && atLeast(this.settings().version, 18, 4)) {
      const { project } = this.packageReader(ctx, key, rest);
      const pkg = this.displayablePackage(project, Number(m[1]));
      return this.serveFile(pkg, pkg.files.find((f) => f.id === Number(m![2])));
    }
    if (method === 'GET' && rest.startsWith('/packages/')) {
      const format = this.formatDownload(rest);
      if (format) {
        const { project } = this.packageReader(ctx, key, rest);
        const pkg = this.store.packagesOf(project.id).find((p) => p.packageType === format.type && p.name === format.name && (format.version === undefined || p.version === format.version) && p.status === 'default' && p.files.some(format.file));
        return this.serveFile(pkg, pkg?.files.find(format.file));
      }
    }
    throw routeNotFound();
  }

  private listProjectPackages(ctx: RequestContext, project: Project, caller: Caller): Reply {
    // 11.9 knew none of the filter or sort parameters: Grape drops undeclared ones silently.
    const q = project.shape === '11.9' ? defaultQuery() : packageQuery(ctx.query, false);
    const paging = parsePaging(ctx.query);
    const rows = this.store.findPackages(`p${project.id}`, () => this.store.packagesOf(project.id), q, () => project.pathWithNamespace);
    const page = paginate(rows, paging, ctx.baseUrl + ctx.rawPath, ctx.query);
    const viewer = this.viewer(ctx, project, caller);
    return json(page.items.map((p) => packageJson(p, project, viewer)), page.headers);
  }

  /** The project behind `:id`, if the caller may see it (else 404, or 301 for a moved path). */
  private project(ctx: RequestContext, key: string, rest: string, need: Need): { project: Project; caller: Caller } {
    const caller = this.caller(ctx, need);
    const project = this.store.projectByKey(key);
    if (!project) {
      const moved = this.store.projectRedirect(key);
      if (moved && ctx.method === 'GET' && this.visible(moved, caller)) {
        const search = new URLSearchParams(ctx.query).toString();
        throw new HttpError(301, undefined, { Location: `${ctx.baseUrl}${API}/projects/${moved.id}${rest}${search ? `?${search}` : ''}` });
      }
      throw notFound('Project');
    }
    // Invisible is indistinguishable from missing (doc §8.4).
    if (!this.visible(project, caller)) throw notFound('Project');
    return { project, caller };
  }

  /** A project whose packages the caller may read: visible first (404), then allowed (403). */
  private packageReader(ctx: RequestContext, key: string, rest: string): { project: Project; caller: Caller } {
    const { project, caller } = this.project(ctx, key, rest, 'read_api');
    if (!project.packagesEnabled) throw forbidden();
    if (project.visibility !== 'public' && this.level(project, caller) < ROLE.reporter) throw forbidden();
    return { project, caller };
  }

  /** Delete preconditions in GitLab's order: token scope, role, then the package itself. */
  private deletable(ctx: RequestContext, key: string, rest: string, packageId: number): { project: Project; caller: Caller; pkg: Package } {
    const { project, caller } = this.project(ctx, key, rest, 'api');
    if (!caller.user) throw unauthorized();
    if (!project.packagesEnabled || this.level(project, caller) < ROLE.maintainer) throw forbidden();
    return { project, caller, pkg: this.displayablePackage(project, packageId) };
  }

  /** GitLab's PackageFinder: displayable packages of this project, else ActiveRecord's 404. */
  private displayablePackage(project: Project, id: number): Package {
    const pkg = this.store.packages.get(id);
    if (!pkg || pkg.projectId !== project.id || !DISPLAYABLE.has(pkg.status)) throw new HttpError(404, { message: '404 Not found' });
    return pkg;
  }

  private serveFile(pkg: Package | undefined, file: PackageFile | undefined): Reply {
    if (!pkg || !file || file.status !== 'default') throw new HttpError(404, { message: '404 Not Found' });
    pkg.lastDownloadedAt = new Date().toISOString();
    const body = this.settings().corruptDownloads ? Buffer.concat([file.content, Buffer.from('tampered')]) : file.content;
    const base = file.fileName.split('/').pop() ?? 'file';
    return { status: 200, body, headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${base.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(base)}` } };
  }

  /** Per-format download routes of servers before 18.4 (doc §10). */
  private formatDownload(rest: string): { type: string; name: string; version?: string; file: (f: PackageFile) => boolean } | undefined {
    const named = (fileName: string) => (f: PackageFile) => f.fileName === fileName && f.status === 'default';
    let m: RegExpExecArray | null;
    if ((m = /^\/packages\/generic\/([^/]+)\/([^/]+)\/(.+)$/.exec(rest))) return { type: 'generic', name: decode(m[1]), version: decode(m[2]), file: named(decode(m[3])) };
    if ((m = /^\/packages\/maven\/(.+)\/([^/]+)\/([^/]+)$/.exec(rest))) return { type: 'maven', name: decode(m[1]), version: decode(m[2]), file: named(decode(m[3])) };
    if ((m = /^\/packages\/npm\/(.+)\/-\/([^/]+)$/.exec(rest))) return { type: 'npm', name: decode(m[1]), file: named(decode(m[2])) };
    if ((m = /^\/packages\/nuget\/download\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(rest))) {
      const [name, version, fileName] = [decode(m[1]), decode(m[2]), decode(m[3]).toLowerCase()];
      return { type: 'nuget', name, version, file: (f) => f.fileName.toLowerCase() === fileName && f.status === 'default' };
    }
    if ((m = /^\/packages\/pypi\/files\/([0-9a-f]{64})\/([^/]+)$/.exec(rest))) {
      const [sha, fileName] = [m[1], decode(m[2])];
      const pkg = [...this.store.packages.values()].find((p) => p.packageType === 'pypi' && p.files.some((f) => f.sha256 === sha));
      return pkg ? { type: 'pypi', name: pkg.name, file: (f) => f.sha256 === sha && f.fileName === fileName && f.status === 'default' } : undefined;
    }
    return undefined;
  }

  // ---- groups --------------------------------------------------------------------------

  private groupPackages(ctx: RequestContext, key: string): Reply {
    // CI job tokens are not accepted on the group route (doc §2).
    const caller = this.caller(ctx, 'read_api', false);
    const group = this.store.groupByKey(key);
    if (!group) throw notFound('Group');
    const projects = this.store.groupProjectIds(group, bool(ctx.query, 'exclude_subgroups'))
      .map((id) => this.store.projects.get(id))
      .filter((p): p is Project => p !== undefined);
    this.assertGroupVisible(group, caller);
    const q = packageQuery(ctx.query, true);
    const paging = parsePaging(ctx.query);
    // Reporter or better, or public; registry enabled. Anonymous: public projects only.
    const readable = projects.filter((p) => p.packagesEnabled && (p.visibility === 'public' || this.level(p, caller) >= ROLE.reporter));
    const byId = new Map(readable.map((p) => [p.id, p]));
    const rows = this.store.findPackages(
      `g${group.id}|${readable.map((p) => p.id).join(',')}`,
      () => readable.flatMap((p) => this.store.packagesOf(p.id)),
      q,
      (p) => byId.get(p.projectId)?.pathWithNamespace ?? '',
    );
    const page = paginate(rows, paging, ctx.baseUrl + ctx.rawPath, ctx.query);
    return json(
      page.items.map((p) => {
        const project = byId.get(p.projectId)!;
        return packageJson(p, project, this.viewer(ctx, project, caller), { group: true });
      }),
      page.headers,
    );
  }

  /** A group counts as visible when any project in it is, or it is empty (anonymous: 401, else 404). */
  private assertGroupVisible(group: Group, caller: Caller): void {
    const all = this.store.groupProjectIds(group, false).map((id) => this.store.projects.get(id));
    if (all.some((p) => p !== undefined && this.visible(p, caller)) || (all.length === 0 && caller.user)) return;
    if (!caller.user) throw unauthorized();
    throw notFound('Group');
  }

  // ---- helpers -------------------------------------------------------------------------

  private caller(ctx: RequestContext, need: Need, allowJobToken = true): Caller {
    // Read-only scopes only ever allow GET/HEAD.
    const effective: Need = ctx.method === 'GET' || ctx.method === 'HEAD' ? need : 'api';
    return authenticate(ctx.creds, this.store, effective, { allowJobToken });
  }

  private level(project: Project, caller: Caller): number {
    return caller.user ? (project.members[caller.user.id] ?? 0) : 0;
  }

  private visible(project: Project, caller: Caller): boolean {
    return project.visibility === 'public' || this.level(project, caller) > 0;
  }

  private viewer(ctx: RequestContext, project: Project, caller: Caller): Viewer {
    const canDelete = caller.token !== undefined && caller.token.scopes.includes('api') && this.level(project, caller) >= ROLE.maintainer;
    return { baseUrl: ctx.baseUrl, canDelete, userId: (username) => [...this.store.users.values()].find((u) => u.username === username)?.id };
  }
}

// ---- query parsing -----------------------------------------------------------------------

function defaultQuery(): PackageQuery {
  return { includeVersionless: false, orderBy: 'created_at', sort: 'asc' };
}

/** The list parameters of doc §1.1/§2, validated as Grape does (400 with `{"error": …}`). */
function packageQuery(q: Record<string, string>, group: boolean): PackageQuery {
  const orders: PackageOrder[] = ['created_at', 'name', 'version', 'type', ...(group ? (['project_path'] as const) : [])];
  const orderBy = oneOf(q, 'order_by', orders, 'created_at');
  const sort = oneOf(q, 'sort', ['asc', 'desc'] as const, 'asc');
  const packageType = q.package_type === undefined ? undefined : oneOf(q, 'package_type', PACKAGE_TYPES, 'generic');
  const status = q.status === undefined ? undefined : oneOf(q, 'status', STATUSES, 'default');
  return {
    packageType,
    packageName: q.package_name || undefined,
    packageVersion: q.package_version,
    includeVersionless: bool(q, 'include_versionless'),
    status,
    orderBy,
    sort,
  };
}

function oneOf<T extends string>(q: Record<string, string>, name: string, allowed: readonly T[], fallback: T): T {
  const v = q[name];
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw invalidParam(name);
  return v as T;
}

/** Grape's Boolean coercion. */
function bool(q: Record<string, string>, name: string): boolean {
  const v = q[name];
  if (v === undefined) return false;
  if (['true', '1', 't', 'yes'].includes(v.toLowerCase())) return true;
  if (['false', '0', 'f', 'no', ''].includes(v.toLowerCase())) return false;
  throw invalidParam(name, 'is invalid');
}

/** DELETE honours If-Unmodified-Since: a resource changed after that date → 412. */
function checkUnmodifiedSince(headers: IncomingHttpHeaders, updatedAt: string): void {
  const raw = headers['if-unmodified-since'];
  if (typeof raw !== 'string') return;
  const since = Date.parse(raw);
  // HTTP dates have whole seconds.
  if (!Number.isNaN(since) && Math.floor(Date.parse(updatedAt) / 1000) * 1000 > since) {
    throw new HttpError(412, { message: '412 Precondition Failed' });
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [ma, mi] = version.split(/[.-]/).map((s) => Number.parseInt(s, 10));
  return ma > major || (ma === major && (mi || 0) >= minor);
}

/** A stable fake commit id per version string. */
function revisionOf(version: string): string {
  let h = 0x811c9dc5;
  for (const c of version) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').slice(0, 8) + 'ab1';
}
