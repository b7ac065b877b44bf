/**
 * The PyPI routes as GitLab serves them to pip, Poetry and uv (README.md beside this file names the
 * GitLab file each behaviour follows), for a project and for a group:
 * - `GET /projects/:id/packages/pypi/simple` and `GET /groups/:id/-/packages/pypi/simple`: the index;
 * - `GET …/pypi/simple/:name`: the package's files, each linked as `…/pypi/files/<sha256>/<file>#sha256=<sha256>`;
 * - `GET …/pypi/files/:sha256/*file`: a file.
 * `upload` and `reupload` change the registry as `twine upload` (after a file DELETE) does.
 */
import { type PythonDist } from './artefacts';
import { assertReadable, canRead, INSTALLABLE, installableFiles, mustAuthenticate, type Answer, type Caller, type FakeParts } from './registryAccess';
import type { Group, Package, PackageFile, Pipeline, Project } from './store';

export interface PypiUpload {
  createdAt?: string;
  pipeline?: Pipeline;
}

export class PypiRegistry {
  /**
   * The application setting `pypi_package_requests_forwarding`, on as GitLab ships it: a package the
   * index does not hold is redirected (302) to PyPI. GitLab: lib/api/helpers/packages/dependency_proxy_helpers.rb.
   */
  forwarding = true;
  /** Where a forwarded request goes: GitLab's is fixed; a test points it at a registry of its own. */
  forwardTo = 'https://pypi.org/simple/';
  /** `Requires-Python` per package version (GitLab: its pypi_metadatum, the last upload's). */
  private readonly requiresPython = new Map<number, string>();

  constructor(private readonly fake: FakeParts) {}

  /**
   * Uploads a file as `twine upload` does. GitLab: app/services/packages/pypi/create_package_service.rb —
   * the file joins the version's package (one package per name and version), with the checksums the
   * client sent: SHA-256 and MD5 (no MD5 in FIPS mode), no SHA-1; a file name the version holds
   * already is refused (app/models/packages/package_file.rb: "File name has already been taken", 400).
   */
  upload(projectId: number, dist: PythonDist, file: { fileName: string; content: Buffer }, opts: PypiUpload = {}): { pkg: Package; file: PackageFile } {
    const existing = this.fake.store
      .packagesOf(projectId)
      .find((p) => p.packageType === 'pypi' && p.name === dist.name && p.version === dist.version && p.status !== 'pending_destruction');
    if (existing && installableFiles(existing).some((f) => f.fileName === file.fileName)) {
      throw new Error(`400 Validation failed: File name has already been taken (${file.fileName})`);
    }
    const pkg =
      existing ??
      this.fake.addPackage(projectId, { name: dist.name, version: dist.version, packageType: 'pypi', createdAt: opts.createdAt, pipeline: opts.pipeline });
    const added = this.fake.store.addFile(pkg, file.fileName, file.content, opts.createdAt);
    const fips = this.fake.store.projects.get(projectId)?.fips ?? false;
    added.recorded = { md5: fips ? null : added.md5, sha1: null, sha256: added.sha256 };
    this.requiresPython.set(pkg.id, dist.requiresPython ?? '');
    return { pkg, file: added };
  }

  /**
   * The same file name with other bytes, the only way GitLab lets it happen: the file is deleted
   * (marked `pending_destruction`) and uploaded again. The index then links the new SHA-256; a URL
   * with the old one still finds the package (by any of its files) and is served the new bytes
   * until the old file is destroyed (app/models/packages/package.rb `by_file_name_and_sha256`).
   */
  reupload(projectId: number, dist: PythonDist, file: { fileName: string; content: Buffer }, opts: PypiUpload = {}): { pkg: Package; file: PackageFile } {
    const pkg = this.fake.store
      .packagesOf(projectId)
      .find((p) => p.packageType === 'pypi' && p.name === dist.name && p.version === dist.version && p.status !== 'pending_destruction');
    const old = pkg && installableFiles(pkg).find((f) => f.fileName === file.fileName);
    if (!old) throw new Error(`no ${file.fileName} in ${dist.name} ${dist.version} of project ${projectId} to upload again`);
    old.status = 'pending_destruction';
    return this.upload(projectId, dist, file, opts);
  }

  /** The PyPI routes, or undefined when the path is not one of them. */
  route(method: string, path: string, caller: Caller): Answer | undefined {
    if (method !== 'GET') return undefined;
    const project = /^\/api\/v4\/projects\/([^/]+)\/packages\/pypi\/(.+)$/.exec(path);
    if (project) {
      const p = this.fake.store.projectByKey(decodeURIComponent(project[1]));
      if (!p) throw this.fake.fail(404, { message: '404 Project Not Found' });
      return this.answer(p, project[2], caller);
    }
    const group = /^\/api\/v4\/groups\/([^/]+)\/-\/packages\/pypi\/(.+)$/.exec(path);
    if (group) {
      const g = this.fake.store.groupByKey(decodeURIComponent(group[1]));
      if (!g) throw this.fake.fail(404, { message: '404 Group Not Found' });
      return this.answer(g, group[2], caller);
    }
    return undefined;
  }

  private answer(owner: Project | Group, rest: string, caller: Caller): Answer | undefined {
    const isProject = 'pathWithNamespace' in owner;
    const projects = isProject ? [owner] : this.fake.projectsOf(owner);
    if (isProject) assertReadable(this.fake, owner, caller, 'basic');
    else if (!projects.some((p) => canRead(this.fake, p, caller))) {
      // GitLab: basic_auth_helpers.rb `unauthorized_or!` — sign in, or (signed in) no such group.
      if (!caller.user || caller.rejected) throw mustAuthenticate(this.fake, 'basic');
      throw this.fake.fail(404, { message: '404 Group Not Found' });
    }
    // GitLab: app/finders/packages/pypi/packages_finder.rb — a group lists what the caller may read.
    const visible = (): Package[] => this.packagesIn(isProject ? projects : projects.filter((p) => canRead(this.fake, p, caller)));
    const base = `${caller.baseUrl}/api/v4/${isProject ? 'projects' : 'groups'}/${owner.id}${isProject ? '' : '/-'}/packages/pypi`;
    if (rest === 'simple') {
      const links = visible().map((p) => link(`${base}/simple/${normalized(p.name)}`, this.requiresPython.get(p.id) ?? '', p.name));
      return html(isProject ? (owner.pathWithNamespace.split('/').pop() ?? '') : (owner.fullPath.split('/').pop() ?? ''), links);
    }
    const simple = /^simple\/(.+?)\/?$/.exec(rest);
    if (simple) {
      const wanted = decodeURIComponent(simple[1]).toLowerCase();
      const packages = visible().filter((p) => normalized(p.name) === wanted);
      if (packages.length === 0) {
        if (this.forwarding) return { status: 302, body: '', headers: { location: `${this.forwardTo}${decodeURIComponent(simple[1])}/` } };
        throw this.fake.fail(404, { message: '404 Package Not Found' });
      }
      const links = packages.flatMap((p) =>
        installableFiles(p).map((f) => {
          const sha256 = (f.recorded ?? f).sha256;
          return link(`${base}/files/${sha256}/${f.fileName}#sha256=${sha256}`, this.requiresPython.get(p.id) ?? '', f.fileName);
        }),
      );
      return html(packages[0].name, links);
    }
    const file = /^files\/([^/]+)\/(.+)$/.exec(rest);
    if (file) {
      // GitLab: app/finders/packages/pypi/package_finder.rb, `by_file_name_and_sha256` (any of the package's
      // files, whatever its status), then package_file_finder.rb: its newest installable file of that name.
      // A group's download looks in all its projects (the URL's SHA-256 stands in for the permission check).
      const [sha256, fileName] = [file[1], decodeURIComponent(file[2])];
      const pkg = this.packagesIn(projects)
        .filter((p) => p.files.some((f) => f.fileName === fileName && (f.recorded ?? f).sha256 === sha256))
        .at(-1);
      if (!pkg) throw this.fake.fail(404, { message: '404 Not found' });
      return this.fake.serveFile(
        pkg,
        installableFiles(pkg)
          .filter((f) => f.fileName === fileName)
          .at(-1),
      );
    }
    return undefined;
  }

  /** The versioned PyPI packages a package manager sees in these projects, oldest first. */
  private packagesIn(projects: Project[]): Package[] {
    return projects
      .flatMap((p) => this.fake.store.packagesOf(p.id))
      .filter((p) => p.packageType === 'pypi' && p.version !== null && INSTALLABLE.has(p.status))
      .sort((a, b) => a.id - b.id);
  }
}

/** PEP 503's normalized name, as GitLab compares it (`with_normalized_pypi_name`: runs of `-_.` → `-`, lower case). */
export function normalized(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** GitLab: app/presenters/packages/pypi/simple_presenter_base.rb (`package_link`): the text is not escaped. */
function link(url: string, requiresPython: string, text: string): string {
  return `<a href="${url}" data-requires-python="${escape(requiresPython)}">${text}</a>`;
}

/** GitLab: simple_presenter_base.rb `body` — a squiggly-less heredoc, so every line but the first keeps its indentation. */
function html(name: string, links: string[]): Answer {
  const body = `<!DOCTYPE html>
        <html>
          <head>
            <title>Links for ${escape(name)}</title>
          </head>
          <body>
            <h1>Links for ${escape(name)}</h1>
            ${links.join('')}
          </body>
        </html>
`;
  return { status: 200, body, headers: { 'content-type': 'text/html; charset=utf-8' } };
}
