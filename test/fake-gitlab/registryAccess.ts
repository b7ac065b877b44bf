/**
 * What the package-manager routes (npm, PyPI: npmRoutes.ts, pypiRoutes.ts) need of the fake, and
 * who may read there. These routes answer the package managers, not the REST API's callers:
 * public projects are read anonymously, PyPI takes a token as the password of HTTP Basic auth
 * (GitLab: lib/api/helpers/packages/basic_auth_helpers.rb), and an anonymous read of a private
 * project is told to authenticate (401) rather than that the project does not exist.
 */
import type { Answer } from './protection';
import type { Group, NewPackage, Package, PackageFile, Project, Store, Token, User } from './store';

export type { Answer };

/** The parts of the fake the package-manager routes use (server.ts gives them). */
export interface FakeParts {
  readonly store: Store;
  /** The caller's access level in the project (0: none). */
  accessLevel(project: Project, user: User | undefined): number;
  /** The user an active token with `api` or `read_api` belongs to. */
  authenticate(token: Token | undefined): User | undefined;
  /** The group's projects and its subgroups'. */
  projectsOf(group: Group): Project[];
  /** Adds a package (and forgets cached lists). */
  addPackage(projectId: number, p: NewPackage): Package;
  /** Marks a package `pending_destruction`, as a DELETE does. */
  markDeleted(packageId: number): void;
  /** The file's bytes (404 unless it is installable); touches `last_downloaded_at`. */
  serveFile(pkg: Package | undefined, file: PackageFile | undefined): Answer;
  fail(status: number, body: string | object, headers?: Record<string, string>): Error;
}

export interface Caller {
  user: User | undefined;
  /** A credential was sent that names no active user: 401 wherever it is sent. */
  rejected: boolean;
  /** The instance as the client reached it (links are built on it, as GitLab's `expose_url` does). */
  baseUrl: string;
}

/**
 * The caller of a package-manager route: a `PRIVATE-TOKEN`, `Authorization: Bearer` or `JOB-TOKEN`
 * (already read by server.ts), or, where `basic` (GitLab's `basic_auth_personal_access_token`
 * route setting: PyPI), the password of `Authorization: Basic` taken as a token.
 */
export function callerOf(fake: FakeParts, token: Token | undefined, authorization: string | undefined, basic: boolean, baseUrl: string): Caller {
  const credentials = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (!token && basic && credentials) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const password = decoded.slice(decoded.indexOf(':') + 1);
    token = fake.store.tokens.get(password) ?? {
      value: '',
      userId: -1,
      scopes: [],
      kind: 'personal',
      expired: false,
      revoked: true,
      expiresAt: null,
      name: '',
    };
  }
  const user = fake.authenticate(token);
  return { user, rejected: token !== undefined && !user, baseUrl };
}

/**
 * What an anonymous caller of a private project is told, per route: `basic`, sign in with a Basic
 * challenge (PyPI: basic_auth_helpers.rb `unauthorized_with_header!`, which pip answers with the
 * credentials it has); `plain`, sign in (the npm document: `authenticate_non_public`, lib/api/helpers.rb
 * `unauthorized!`); `hidden`, no such project (the npm tarball: `user_project` → `not_found!`).
 */
export type SignIn = 'basic' | 'plain' | 'hidden';

export function mustAuthenticate(fake: FakeParts, signIn: SignIn): Error {
  return fake.fail(401, { message: '401 Unauthorized' }, signIn === 'basic' ? { 'www-authenticate': 'Basic realm="GitLab Packages Registry"' } : {});
}

/**
 * May the caller read the project's packages? GitLab: `authorize_read_package!` — a public
 * project's to anyone, a private one's to a Reporter or more (or an administrator); an anonymous
 * caller of a private project is answered as `signIn` says, a signed-in stranger is told the
 * project does not exist, a member below Reporter is refused. A token that names no one is 401.
 */
export function assertReadable(fake: FakeParts, project: Project, caller: Caller, signIn: SignIn): void {
  if (caller.rejected) throw mustAuthenticate(fake, signIn);
  const level = fake.accessLevel(project, caller.user);
  const admin = caller.user?.admin === true;
  if (project.visibility !== 'public' && !caller.user && signIn !== 'hidden') throw mustAuthenticate(fake, signIn);
  if (project.visibility !== 'public' && level === 0 && !admin) throw fake.fail(404, { message: '404 Project Not Found' });
  if (!project.packagesEnabled || (project.visibility !== 'public' && level < 20 && !admin)) throw fake.fail(403, { message: '403 Forbidden' });
}

/** Whether the caller may read the project's packages (assertReadable without the answer). */
export function canRead(fake: FakeParts, project: Project, caller: Caller): boolean {
  try {
    assertReadable(fake, project, caller, 'hidden');
    return true;
  } catch {
    return false;
  }
}

/** The files a package manager may install: not marked for destruction (GitLab: `installable_package_files`). */
export function installableFiles(pkg: Package): PackageFile[] {
  return pkg.files.filter((f) => f.status === 'default');
}

/** GitLab: Packages::Package::INSTALLABLE_STATUSES — what the package managers see. */
export const INSTALLABLE = new Set(['default', 'hidden', 'deprecated']);
