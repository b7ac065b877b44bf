/**
 * What the Packages API returns, parsed tolerantly: GitLab 11.9 sends four fields, 18.x
 * many more. Only `id`, `name` and `package_type` are required on a package; every other
 * field is optional and unknown enum values pass through verbatim.
 */

export interface Pipeline {
  id?: number;
  ref?: string;
  sha?: string;
  status?: string;
  webUrl?: string;
  createdAt?: string;
  userName?: string;
}

export interface PackageTag {
  name: string;
}

export interface PackageVersion {
  id: number;
  version: string | null;
  createdAt?: string;
}

export interface Package {
  id: number;
  name: string;
  version: string | null;
  packageType: string;
  conanPackageName?: string;
  status?: string;
  createdAt?: string;
  lastDownloadedAt?: string | null;
  webPath?: string;
  /** Present only when the caller may delete the package (or absent on old servers: see `links`). */
  deleteApiPath?: string;
  /** False when the server sent no `_links` at all (pre-12.5): delete permission is unknown. */
  hasLinks: boolean;
  tags: PackageTag[];
  /** The last pipeline, as every server since 12.10 sends it with the package. */
  pipeline?: Pipeline;
  /** Group listing only. */
  projectId?: number;
  projectPath?: string;
  versions?: PackageVersion[];
}

export interface PackageFile {
  id: number;
  packageId?: number;
  fileName: string;
  size?: number;
  createdAt?: string;
  fileMd5?: string | null;
  fileSha1?: string | null;
  fileSha256?: string | null;
}

export interface Project {
  id: number;
  name?: string;
  pathWithNamespace: string;
  webUrl?: string;
  /** Highest of project and group access level, when the server says. */
  accessLevel?: number;
  /** A personal project's owner (`owner`, sent for projects in a user's namespace only). */
  personalOwnerId?: number;
}

export interface User {
  id: number;
  username: string;
  name?: string;
  /** `is_admin`: GitLab sends it to instance administrators only (absent: not an administrator). */
  isAdmin?: boolean;
}

export interface TokenInfo {
  name?: string;
  scopes: string[];
  expiresAt?: string | null;
  active?: boolean;
  revoked?: boolean;
}

export interface ServerVersion {
  version: string;
  revision?: string;
}

/** Thrown by parsers; the HTTP layer turns it into a BadResponseError with the path. */
export class ShapeError extends Error {}

type Json = Record<string, unknown>;

function obj(v: unknown, what: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(`expected ${what} to be an object`);
  return v as Json;
}

function num(o: Json, key: string, what: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(`${what} has no numeric "${key}"`);
  return v;
}

function str(o: Json, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new ShapeError(`${what} has no text "${key}"`);
  return v;
}

function optStr(o: Json, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

function optNullableStr(o: Json, key: string): string | null | undefined {
  const v = o[key];
  if (v === null) return null;
  return typeof v === 'string' ? v : undefined;
}

function optNum(o: Json, key: string): number | undefined {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function parseList<T>(body: unknown, parseItem: (v: unknown) => T, what: string): T[] {
  if (!Array.isArray(body)) throw new ShapeError(`expected a list of ${what}`);
  return body.map(parseItem);
}

export function parsePipeline(v: unknown): Pipeline | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Json;
  const user = typeof o.user === 'object' && o.user !== null ? (o.user as Json) : undefined;
  return {
    id: optNum(o, 'id'),
    ref: optStr(o, 'ref'),
    sha: optStr(o, 'sha'),
    status: optStr(o, 'status'),
    webUrl: optStr(o, 'web_url'),
    createdAt: optStr(o, 'created_at'),
    userName: user ? (optStr(user, 'name') ?? optStr(user, 'username')) : undefined,
  };
}

function parseTags(v: unknown): PackageTag[] {
  if (!Array.isArray(v)) return [];
  const tags: PackageTag[] = [];
  for (const t of v) {
    if (typeof t === 'string') tags.push({ name: t });
    else if (typeof t === 'object' && t !== null && typeof (t as Json).name === 'string') tags.push({ name: (t as Json).name as string });
  }
  return tags;
}

function parseVersions(v: unknown): PackageVersion[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: PackageVersion[] = [];
  for (const item of v) {
    if (typeof item !== 'object' || item === null) continue;
    const o = item as Json;
    const id = optNum(o, 'id');
    if (id === undefined) continue;
    out.push({ id, version: optNullableStr(o, 'version') ?? null, createdAt: optStr(o, 'created_at') });
  }
  return out;
}

export function parsePackage(v: unknown): Package {
  const o = obj(v, 'a package');
  const links = typeof o._links === 'object' && o._links !== null ? (o._links as Json) : undefined;
  // The deprecated `pipelines` field (always [] on recent servers) is ignored: `…/pipelines` replaces it.
  const pipeline = parsePipeline(o.pipeline);
  return {
    id: num(o, 'id', 'package'),
    name: str(o, 'name', 'package'),
    version: optNullableStr(o, 'version') ?? null,
    packageType: str(o, 'package_type', 'package'),
    conanPackageName: optStr(o, 'conan_package_name'),
    status: optStr(o, 'status'),
    createdAt: optStr(o, 'created_at'),
    lastDownloadedAt: optNullableStr(o, 'last_downloaded_at'),
    webPath: links ? optStr(links, 'web_path') : undefined,
    deleteApiPath: links ? optStr(links, 'delete_api_path') : undefined,
    hasLinks: links !== undefined,
    tags: parseTags(o.tags),
    pipeline,
    projectId: optNum(o, 'project_id'),
    projectPath: optStr(o, 'project_path'),
    versions: parseVersions(o.versions),
  };
}

export function parsePackageFile(v: unknown): PackageFile {
  const o = obj(v, 'a package file');
  return {
    id: num(o, 'id', 'package file'),
    packageId: optNum(o, 'package_id'),
    fileName: str(o, 'file_name', 'package file'),
    size: optNum(o, 'size'),
    createdAt: optStr(o, 'created_at'),
    fileMd5: optNullableStr(o, 'file_md5'),
    fileSha1: optNullableStr(o, 'file_sha1'),
    fileSha256: optNullableStr(o, 'file_sha256'),
  };
}

export function parseProject(v: unknown): Project {
  const o = obj(v, 'a project');
  const perms = typeof o.permissions === 'object' && o.permissions !== null ? (o.permissions as Json) : undefined;
  const level = (key: string): number | undefined => {
    const p = perms?.[key];
    return typeof p === 'object' && p !== null ? optNum(p as Json, 'access_level') : undefined;
  };
  const levels = [level('project_access'), level('group_access')].filter((l): l is number => l !== undefined);
  return {
    id: num(o, 'id', 'project'),
    name: optStr(o, 'name'),
    pathWithNamespace: optStr(o, 'path_with_namespace') ?? str(o, 'path', 'project'),
    webUrl: optStr(o, 'web_url'),
    accessLevel: levels.length ? Math.max(...levels) : undefined,
    personalOwnerId: typeof o.owner === 'object' && o.owner !== null ? optNum(o.owner as Json, 'id') : undefined,
  };
}

export function parseUser(v: unknown): User {
  const o = obj(v, 'the user');
  return { id: num(o, 'id', 'user'), username: str(o, 'username', 'user'), name: optStr(o, 'name'), isAdmin: o.is_admin === true };
}

export function parseTokenInfo(v: unknown): TokenInfo {
  const o = obj(v, 'the token information');
  const scopes = Array.isArray(o.scopes) ? o.scopes.filter((s): s is string => typeof s === 'string') : [];
  return {
    name: optStr(o, 'name'),
    scopes,
    expiresAt: optNullableStr(o, 'expires_at'),
    active: typeof o.active === 'boolean' ? o.active : undefined,
    revoked: typeof o.revoked === 'boolean' ? o.revoked : undefined,
  };
}

export function parseVersion(v: unknown): ServerVersion {
  const o = obj(v, 'the version');
  return { version: str(o, 'version', 'version'), revision: optStr(o, 'revision') };
}

/** The name a person knows a package by (Conan's `name` is the full recipe reference). */
export function displayName(p: Package): string {
  return p.packageType === 'conan' && p.conanPackageName ? p.conanPackageName : p.name;
}

/**
 * The version as a person tells versions apart: Conan's with the recipe's `@user/channel`
 * (`0.2@mycompany/stable`: `Hello/0.2@mycompany/stable` and `…@mycompany/testing` are two
 * versions 0.2 of one name); undefined for a versionless package.
 */
export function versionLabel(p: Package): string | undefined {
  const at = p.packageType === 'conan' && p.conanPackageName ? p.name.lastIndexOf('@') : -1;
  const channel = at < 0 ? '' : p.name.slice(at);
  return p.version === null ? channel || undefined : p.version + channel;
}
