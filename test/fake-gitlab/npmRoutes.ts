/**
 * The npm registry routes as GitLab serves them to npm, yarn and pnpm (README.md beside this file
 * names the GitLab file each behaviour follows):
 * - `GET /projects/:id/packages/npm/:name` and, for a scope that is a top-level group,
 *   `GET /packages/npm/:name` (the instance-level endpoint): the package document;
 * - `GET /projects/:id/packages/npm/*name/-/*file`: the tarball;
 * - `GET …/-/package/:name/dist-tags`: the dist-tags.
 * `publish` and `republish` change the registry as `npm publish` (after a DELETE) does.
 */
import { npmTarball, type NpmManifest } from './artefacts';
import { assertReadable, INSTALLABLE, installableFiles, type Answer, type Caller, type FakeParts } from './registryAccess';
import type { Package, Pipeline, Project } from './store';

export interface NpmPublish {
  /** The tarball's files besides package.json (an index.js by default): other files, other bytes. */
  files?: Record<string, string>;
  /** The dist-tag the publish sets (`npm publish --tag`; `latest` unless given); null sets none. */
  tag?: string | null;
  createdAt?: string;
  pipeline?: Pipeline;
}

export class NpmRegistry {
  /**
   * The application setting `npm_package_requests_forwarding`, on as GitLab ships it: a package
   * the endpoint does not find is redirected (302) to the npm registry, whose URL then goes into
   * the lockfile. GitLab: lib/api/helpers/packages/dependency_proxy_helpers.rb.
   */
  forwarding = true;
  /** Where a forwarded request goes: GitLab's is fixed; a test points it at a registry of its own. */
  forwardTo = 'https://registry.npmjs.org/';
  /** The dependencies each package version declared when published (GitLab: its dependency links). */
  private readonly dependencies = new Map<number, Record<string, string>>();

  constructor(private readonly fake: FakeParts) {}

  /**
   * Publishes a version as `npm publish` to the project's endpoint does. GitLab:
   * app/services/packages/npm/create_package_service.rb — one file, `<name>-<version>.tgz` (for a
   * scoped name that is `@scope/name-1.0.0.tgz`), whose only checksum kept is the client's SHA-1
   * (`dist.shasum`); a version the project holds already is refused ("Package already exists", 403),
   * and the dist-tag moves to the new version (create_tag_service.rb).
   */
  publish(projectId: number, manifest: NpmManifest, opts: NpmPublish = {}): Package {
    if (this.live(projectId, manifest.name).some((p) => p.version === manifest.version)) {
      throw new Error(`403 Package already exists: ${manifest.name}@${manifest.version} (GitLab refuses to publish a version twice)`);
    }
    const tag = opts.tag === undefined ? 'latest' : opts.tag;
    if (tag) for (const other of this.live(projectId, manifest.name)) other.tags = other.tags.filter((t) => t !== tag);
    const pkg = this.fake.addPackage(projectId, {
      name: manifest.name,
      version: manifest.version,
      packageType: 'npm',
      tags: tag ? [tag] : [],
      createdAt: opts.createdAt,
      pipeline: opts.pipeline,
      files: [{ fileName: `${manifest.name}-${manifest.version}.tgz`, content: npmTarball(manifest, opts.files), createdAt: opts.createdAt }],
    });
    for (const f of pkg.files) f.recorded = { md5: null, sha1: f.sha1, sha256: null };
    this.dependencies.set(pkg.id, manifest.dependencies ?? {});
    return pkg;
  }

  /**
   * The same version with other bytes, the only way GitLab lets it happen: the version is deleted
   * (marked `pending_destruction` with its files) and published again. The new package has a new
   * id; the tarball URL stays the same, the document's `shasum` and the files' `file_sha1` change.
   */
  republish(projectId: number, manifest: NpmManifest, opts: NpmPublish = {}): Package {
    const old = this.live(projectId, manifest.name).find((p) => p.version === manifest.version);
    if (!old) throw new Error(`no ${manifest.name}@${manifest.version} in project ${projectId} to publish again`);
    this.fake.markDeleted(old.id);
    for (const f of old.files) f.status = 'pending_destruction';
    return this.publish(projectId, manifest, opts);
  }

  /** The npm routes, or undefined when the path is not one of them. */
  route(method: string, path: string, caller: Caller): Answer | undefined {
    if (method !== 'GET') return undefined;
    const project = /^\/api\/v4\/projects\/([^/]+)\/packages\/npm\/(.+)$/.exec(path);
    if (project) return this.projectRoute(decodeURIComponent(project[1]), project[2], caller);
    const instance = /^\/api\/v4\/packages\/npm\/(.+)$/.exec(path);
    if (instance) return this.instanceRoute(instance[1], caller);
    return undefined;
  }

  private projectRoute(key: string, rest: string, caller: Caller): Answer | undefined {
    const project = this.fake.store.projectByKey(key);
    const tags = /^-\/package\/([^/]+)\/dist-tags$/.exec(rest);
    // GitLab: lib/api/npm_project_packages.rb — `*package_name/-/*file_name`: the package with that name
    // holding a file of that name, the last (newest) one whatever its status, then its newest installable
    // file of that name (app/models/packages/package.rb `by_name_and_file_name`, package_file_finder.rb).
    const tarball = tags ? null : /^(.+?)\/-\/(.+)$/.exec(rest);
    if (tarball) {
      if (!project) throw this.fake.fail(404, { message: '404 Project Not Found' });
      assertReadable(this.fake, project, caller, 'hidden');
      const [name, fileName] = [tarball[1], tarball[2]].map(decodeURIComponent);
      const pkg = this.fake.store
        .packagesOf(project.id)
        .filter((p) => p.packageType === 'npm' && p.name === name && p.files.some((f) => f.fileName === fileName))
        .at(-1);
      if (!pkg) throw this.fake.fail(404, { message: '404 Package Not Found', error: 'Package not found' });
      return this.fake.serveFile(
        pkg,
        installableFiles(pkg)
          .filter((f) => f.fileName === fileName)
          .at(-1),
      );
    }
    // The package name is one path segment (`NPM_ENDPOINT_REQUIREMENTS`): a scoped name comes as `@scope%2fname`.
    const name = tags ? tags[1] : rest.includes('/') ? undefined : rest;
    if (name === undefined) return undefined;
    const packageName = decodeURIComponent(name);
    const packages = project ? this.live(project.id, packageName).filter((p) => INSTALLABLE.has(p.status)) : [];
    return this.document(project, packageName, packages, caller, !!tags);
  }

  /**
   * GitLab: lib/api/npm_instance_packages.rb, lib/api/concerns/packages/npm_namespace_endpoints.rb —
   * the scope names a top-level group; the project is the one of the newest package of that name in
   * the group's projects, and the document lists that project's versions (the flag
   * `npm_allow_packages_in_multiple_projects` off). Tarball URLs still name that project.
   */
  private instanceRoute(rest: string, caller: Caller): Answer | undefined {
    const tags = /^-\/package\/([^/]+)\/dist-tags$/.exec(rest);
    if (!tags && rest.includes('/')) return undefined;
    const packageName = decodeURIComponent(tags ? tags[1] : rest);
    const scope = /^@([^/]+)\//.exec(packageName)?.[1]?.toLowerCase();
    const group = scope ? [...this.fake.store.groups.values()].find((g) => !g.fullPath.includes('/') && g.fullPath.toLowerCase() === scope) : undefined;
    const newest = group
      ? this.fake
          .projectsOf(group)
          .flatMap((p) => this.live(p.id, packageName))
          .filter((p) => INSTALLABLE.has(p.status))
          .sort((a, b) => a.id - b.id)
          .at(-1)
      : undefined;
    const project = newest ? this.fake.store.projects.get(newest.projectId) : undefined;
    const packages = project ? this.live(project.id, packageName).filter((p) => INSTALLABLE.has(p.status)) : [];
    return this.document(project, packageName, packages, caller, !!tags);
  }

  /**
   * The package document (or its dist-tags). GitLab: app/services/packages/npm/generate_metadata_service.rb
   * and lib/api/entities/npm_package.rb — `{ name, versions, dist-tags }`; each version's `dist` is
   * `{ shasum, tarball }` only (`file_sha1` of the newest installable file; no `integrity`: the publisher's
   * `dist` kept in the package's metadata is overwritten by this one); `latest` is the dist-tag, else the
   * highest version. Nothing found: a redirect to the npm registry while forwarding is on, else 404.
   */
  private document(project: Project | undefined, packageName: string, packages: Package[], caller: Caller, onlyTags: boolean): Answer {
    if (project && project.visibility !== 'public' && (!caller.user || caller.rejected)) throw this.fake.fail(401, { message: '401 Unauthorized' });
    if (!onlyTags && packages.length === 0 && this.forwarding) return { status: 302, body: '', headers: { location: `${this.forwardTo}${packageName}` } };
    if (!project) throw this.fake.fail(404, { message: '404 Project Not Found' });
    assertReadable(this.fake, project, caller, 'plain');
    if (packages.length === 0) throw this.fake.fail(404, { message: '404 Packages Not Found', error: 'Packages not found' });
    const versions: Record<string, unknown> = {};
    const distTags: Record<string, string> = {};
    let latest: string | undefined;
    for (const pkg of [...packages].sort((a, b) => a.id - b.id)) {
      const version = pkg.version ?? '';
      for (const t of pkg.tags) distTags[t] = version;
      if (latest === undefined || compareVersions(version, latest) > 0) latest = version;
      const file = installableFiles(pkg).at(-1);
      if (!file) continue;
      const deps = this.dependencies.get(pkg.id) ?? {};
      versions[version] = {
        name: pkg.name,
        version,
        dist: {
          shasum: (file.recorded ?? file).sha1,
          tarball: `${caller.baseUrl}/api/v4/projects/${pkg.projectId}/packages/npm/${pkg.name}/-/${file.fileName}`,
        },
        ...(Object.keys(deps).length ? { dependencies: deps } : {}),
      };
    }
    if (latest !== undefined) distTags.latest ??= latest;
    return { status: 200, body: onlyTags ? distTags : { name: packageName, versions, 'dist-tags': distTags } };
  }

  /** The project's npm packages of that name not marked for destruction, oldest first. */
  private live(projectId: number, name: string): Package[] {
    return this.fake.store.packagesOf(projectId).filter((p) => p.packageType === 'npm' && p.name === name && p.status !== 'pending_destruction');
  }
}

/** VersionSorter's order, as far as npm versions go: numeric parts compared as numbers, a pre-release before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = splitPre(a);
  const [coreB, preB] = splitPre(b);
  for (let i = 0; i < Math.max(coreA.length, coreB.length); i++) {
    const d = (coreA[i] ?? 0) - (coreB[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

function splitPre(v: string): [number[], string | undefined] {
  const dash = v.indexOf('-');
  const core = dash < 0 ? v : v.slice(0, dash);
  return [core.split('.').map((n) => Number(n) || 0), dash < 0 ? undefined : v.slice(dash + 1)];
}
