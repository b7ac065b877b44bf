/**
 * JSON shapes as GitLab sends them (doc §1.2, §1.3, §3, §4, §9): the modern (18.x) entities
 * and the 11.9 shape (packages with four fields, files without SHA-256).
 */
import type { Json } from './respond';
import { DETAILED, type Package, type PackageFile, type Pipeline, type Project, type Token, type User } from './store';

export interface Viewer {
  /** The instance URL as the client reached it (absolute links are built from the Host header). */
  baseUrl: string;
  /** Token has `api` scope and role ≥ Maintainer: only then is `delete_api_path` sent. */
  canDelete: boolean;
  /** Resolves a pipeline user's username to their numeric id, for the `user` object. */
  userId: (username: string) => number | undefined;
}

type JsonObject = { [key: string]: Json | undefined };

export function packageJson(p: Package, project: Project, v: Viewer, extra: { group?: boolean; versions?: Package[] } = {}): JsonObject {
  if (project.shape === '11.9') return { id: p.id, name: p.name, version: p.version, package_type: p.packageType };
  const links: JsonObject = {};
  // Newest source: no web path for packages the UI cannot show (error, hidden, processing…).
  if (DETAILED.has(p.status)) links.web_path = webPath(p, project);
  if (v.canDelete) links.delete_api_path = `${v.baseUrl}/api/v4/projects/${project.id}/packages/${p.id}`;
  const json: JsonObject = {
    id: p.id,
    name: p.name,
    version: p.version,
    package_type: p.packageType,
    status: p.status,
    _links: links,
    created_at: p.createdAt,
    last_downloaded_at: p.lastDownloadedAt,
    tags: tagsJson(p),
  };
  if (p.conanPackageName !== undefined) json.conan_package_name = p.conanPackageName;
  // Both only when present (GitLab's entity uses presence checks).
  if (p.pipeline) json.pipeline = pipelineJson(p.pipeline, project, v);
  if (p.pipelines.length > 0) json.pipelines = p.pipelines.map((pl) => pipelineJson(pl, project, v));
  if (extra.group) {
    json.project_id = project.id;
    json.project_path = project.pathWithNamespace;
  }
  if (extra.versions) json.versions = extra.versions.map((o) => versionJson(o, project, v));
  return json;
}

function webPath(p: Package, project: Project): string {
  // Terraform modules have their own registry page.
  const section = p.packageType === 'terraform_module' ? 'infrastructure_registry' : 'packages';
  return `/${project.pathWithNamespace}/-/${section}/${p.id}`;
}

function tagsJson(p: Package): Json[] {
  return p.tags.map((name, i) => ({ id: p.id * 100 + i, package_id: p.id, name, created_at: p.createdAt, updated_at: p.createdAt }));
}

/** An entry of `versions` on the single GET (GitLab's PackageVersion entity). */
function versionJson(p: Package, project: Project, v: Viewer): JsonObject {
  const json: JsonObject = { id: p.id, version: p.version, created_at: p.createdAt, tags: tagsJson(p) };
  if (p.pipeline) json.pipeline = pipelineJson(p.pipeline, project, v);
  return json;
}

export function pipelineJson(pl: Pipeline, project: Project, v: Viewer): JsonObject {
  const at = pl.createdAt ?? '2025-01-15T09:00:00.000Z';
  const json: JsonObject = {
    id: pl.id,
    iid: pl.iid ?? pl.id % 1000,
    project_id: project.id,
    sha: pl.sha,
    ref: pl.ref,
    status: pl.status,
    source: pl.source ?? 'push',
    created_at: at,
    updated_at: at,
    web_url: `${v.baseUrl}/${project.pathWithNamespace}/-/pipelines/${pl.id}`,
  };
  if (pl.user) {
    json.user = {
      id: v.userId(pl.user.username) ?? null,
      username: pl.user.username,
      name: pl.user.name,
      state: 'active',
      avatar_url: null,
      web_url: `${v.baseUrl}/${pl.user.username}`,
    };
  }
  return json;
}

export function fileJson(f: PackageFile, project: Project): JsonObject {
  const base: JsonObject = { id: f.id, package_id: f.packageId, created_at: f.createdAt, file_name: f.fileName, size: f.size, file_md5: f.md5, file_sha1: f.sha1 };
  return project.shape === '11.9' ? base : { ...base, file_sha256: f.sha256 };
}

/** `GET /projects/:id`. `accessLevel` undefined = anonymous caller (no `permissions` at all). */
export function projectJson(p: Project, baseUrl: string, accessLevel: number | undefined): JsonObject {
  const segments = p.pathWithNamespace.split('/');
  const path = segments[segments.length - 1];
  const namespace = segments.slice(0, -1).join('/');
  const json: JsonObject = {
    id: p.id,
    description: null,
    name: path,
    name_with_namespace: segments.join(' / '),
    path,
    path_with_namespace: p.pathWithNamespace,
    created_at: new Date(Date.parse('2024-06-01T08:00:00Z') + p.id * 3_600_000).toISOString(),
    default_branch: 'main',
    web_url: `${baseUrl}/${p.pathWithNamespace}`,
    namespace: { name: namespace.split('/').pop() ?? namespace, path: namespace.split('/').pop() ?? namespace, full_path: namespace, kind: 'group' },
    visibility: p.visibility,
    archived: false,
    packages_enabled: p.packagesEnabled,
    package_registry_access_level: p.packagesEnabled ? (p.visibility === 'public' ? 'public' : 'enabled') : 'disabled',
  };
  if (accessLevel !== undefined) {
    json.permissions = { project_access: accessLevel > 0 ? { access_level: accessLevel, notification_level: 3 } : null, group_access: null };
  }
  return json;
}

export function userJson(u: User, baseUrl: string): JsonObject {
  return { id: u.id, username: u.username, name: u.name, state: 'active', locked: false, avatar_url: null, web_url: `${baseUrl}/${u.username}` };
}

export function tokenJson(t: Token, active: boolean): JsonObject {
  return {
    id: t.id,
    name: t.name,
    description: null,
    revoked: t.revoked,
    created_at: t.createdAt,
    scopes: [...t.scopes],
    user_id: t.userId,
    last_used_at: t.createdAt,
    active,
    expires_at: t.expiresAt,
  };
}
