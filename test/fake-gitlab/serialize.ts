/** JSON shapes as GitLab sends them: modern (18.x) and the 11.9 shape (four fields). */
import { atLeast } from './protection';
import type { Package, PackageFile, Pipeline, Project } from './store';

export interface Viewer {
  /** Base URL of the instance as the client reached it (for absolute links). */
  baseUrl: string;
  canDelete: boolean;
  /** The server's version, for fields that changed over time. */
  version?: string;
}

/** A pipeline as GitLab's Package::Pipeline entity sends it. */
export function pipelineJson(pl: Pipeline, p: Package, project: Project, baseUrl: string): Record<string, unknown> {
  return {
    id: pl.id,
    iid: pl.id,
    project_id: project.id,
    sha: pl.sha,
    ref: pl.ref,
    status: pl.status,
    source: 'push',
    created_at: p.createdAt,
    updated_at: p.createdAt,
    web_url: `${baseUrl}/${project.pathWithNamespace}/-/pipelines/${pl.id}`,
    user: pl.user ? { ...pl.user, id: 1, state: 'active', avatar_url: null, web_url: `${baseUrl}/${pl.user.username}` } : undefined,
  };
}

/**
 * The `name` a package is sent with. GitLab: lib/api/entities/package.rb — for Conan the recipe
 * (app/models/packages/conan/metadatum.rb: `name/version@user/channel`), else the name.
 */
export function apiName(p: Package): string {
  return p.conan ? `${p.name}/${p.version ?? ''}@${p.conan.username}/${p.conan.channel}` : p.name;
}

export function packageJson(p: Package, project: Project, v: Viewer, extra: { group?: boolean; versions?: Package[] } = {}): Record<string, unknown> {
  if (project.shape === '11.9') return { id: p.id, name: p.name, version: p.version, package_type: p.packageType };
  const json: Record<string, unknown> = {
    id: p.id,
    name: apiName(p),
    // GitLab: lib/api/entities/package.rb — Conan only.
    ...(p.conan ? { conan_package_name: p.name } : {}),
    version: p.version,
    package_type: p.packageType,
    status: p.status,
    _links: {
      // Absolute on the host: it carries the instance's relative URL root (`/gitlab/...`).
      web_path: `${new URL(v.baseUrl).pathname.replace(/\/+$/, '')}/${project.pathWithNamespace}/-/packages/${p.id}`,
      ...(v.canDelete ? { delete_api_path: `${v.baseUrl}/api/v4/projects/${project.id}/packages/${p.id}` } : {}),
    },
    created_at: p.createdAt,
    last_downloaded_at: p.lastDownloadedAt,
    tags: p.tags.map((name, i) => ({ id: p.id * 100 + i, package_id: p.id, name, created_at: p.createdAt, updated_at: p.createdAt })),
  };
  if (p.pipeline) {
    json.pipeline = pipelineJson(p.pipeline, p, project, v.baseUrl);
    // Deprecated since 16.0 and always empty on recent servers (the `…/pipelines` endpoint replaced it).
    json.pipelines = v.version && atLeast(v.version, 16, 0) ? [] : [json.pipeline];
  }
  if (extra.group) {
    json.project_id = project.id;
    json.project_path = project.pathWithNamespace;
  }
  if (extra.versions) {
    json.versions = extra.versions.map((o) => ({ id: o.id, version: o.version, created_at: o.createdAt, tags: o.tags.map((name) => ({ name })) }));
  }
  return json;
}

export function fileJson(f: PackageFile, project: Project): Record<string, unknown> {
  const sums = f.recorded ?? f;
  const base = { id: f.id, package_id: f.packageId, created_at: f.createdAt, file_name: f.fileName, size: f.size, file_md5: sums.md5, file_sha1: sums.sha1 };
  return project.shape === '11.9' ? base : { ...base, file_sha256: sums.sha256 };
}

export function projectJson(p: Project, baseUrl: string, accessLevel: number | undefined): Record<string, unknown> {
  const path = p.pathWithNamespace.split('/').pop() ?? p.pathWithNamespace;
  return {
    id: p.id,
    name: path,
    path,
    path_with_namespace: p.pathWithNamespace,
    name_with_namespace: p.pathWithNamespace.split('/').join(' / '),
    web_url: `${baseUrl}/${p.pathWithNamespace}`,
    visibility: p.visibility,
    packages_enabled: p.packagesEnabled,
    permissions: { project_access: accessLevel !== undefined ? { access_level: accessLevel, notification_level: 3 } : null, group_access: null },
    // lib/api/entities/project.rb: `owner` only for a project in a user's namespace; `namespace.kind` says which.
    namespace: { kind: p.personalOwnerId !== undefined ? 'user' : 'group', full_path: p.pathWithNamespace.split('/').slice(0, -1).join('/') },
    ...(p.personalOwnerId !== undefined ? { owner: { id: p.personalOwnerId } } : {}),
  };
}
