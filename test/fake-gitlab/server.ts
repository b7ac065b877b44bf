/**
 * A fake GitLab: a real node:http server on loopback implementing the Packages REST API as
 * GitLab's source does it (README.md beside this file names the GitLab file each behaviour
 * follows, and where the fake still differs; `../shared/docs/gitlab-packages-api.md` is the
 * summary), recording every request (never the token) and able to inject latency and faults.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { applyCors, EXPOSED_HEADERS } from './cors';
import { Faults, Gate, isLostAnswer, loseAnswer, type ChaosRates, type Fault, type RouteMatch } from './faults';
import { NpmRegistry } from './npmRoutes';
import { PypiRegistry } from './pypiRoutes';
import { callerOf, type FakeParts } from './registryAccess';
import { Protection, atLeast, pipelinesRoute, type Rule, type RouteContext } from './protection';
import { fileJson, packageJson, pipelineJson, projectJson } from './serialize';
import {
  DISPLAYABLE,
  PACKAGE_TYPES,
  STATUSES,
  Store,
  type Group,
  type NewPackage,
  type Package,
  type PackageFile,
  type Project,
  type Scope,
  type Token,
  type User,
} from './store';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  auth: 'private-token' | 'bearer' | 'job-token' | 'none';
  tokenKnown: boolean;
  status: number;
  at: number;
  /** The JSON body of a POST or PATCH. */
  body?: unknown;
  /** The `Origin` header: set by a browser (the web build's requests), absent from Node's. */
  origin?: string;
  /** The fault injected into it: its kind (`appliedThenNoAnswer`, `delay`…) or `status 502`. */
  fault?: string;
}

export interface StartOptions {
  port?: number;
  /** `sample`: the tests' registry, probes included (seed.ts); `demo`: a team's registry for the demo and the screenshots (demoSeed.ts). */
  seed?: 'sample' | 'demo' | 'none';
  latencyMs?: number;
  /** Serve https with this key and certificate (PEM) instead of plain http. */
  https?: { key: string | Buffer; cert: string | Buffer };
  /** A relative URL root, as a self-managed GitLab under `https://host/gitlab` has (e.g. `/gitlab`). */
  basePath?: string;
  /** Loopback address to listen on (default 127.0.0.1; 127.0.0.2 is loopback that VS Code does not treat as localhost). */
  host?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string | object,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

const notFound = (what: string): HttpError => new HttpError(404, { message: `404 ${what} Not Found` });
const MAX_COUNTED_ROWS = 10_000;

export class FakeGitLab {
  readonly requests: RecordedRequest[] = [];
  latencyMs = 0;
  /** 0..1: random 500/502/503 on reads. */
  failureRate = 0;
  version = '18.5.1-ee';
  /** Serve file bytes that do not match their checksums (a corrupted object store, a proxy). */
  corruptDownloads = false;
  /** Answer browsers as GitLab's Rack::Cors does (cors.ts); false: as a proxy that strips those headers. */
  cors = true;
  /** The response headers the CORS answer exposes (a proxy may expose fewer: say which). */
  exposedHeaders: readonly string[] = EXPOSED_HEADERS;
  /**
   * GitLab's feature flag `packages_protected_packages_delete`: off by default, as on GitLab.
   * Off, rules keep no delete level (`minimum_access_level_for_delete` reads null) and no
   * package delete is refused by a rule. The sample (seed.ts) and the demo (demoSeed.ts) switch it on.
   */
  deleteProtectionFlag = false;
  /**
   * The flag per project, over the instance default above: GitLab's actor is the project
   * (`Feature.disabled?(:packages_protected_packages_delete, project)` in
   * lib/api/entities/projects/packages/protection/rule.rb, mark_package_for_destruction_service.rb, lib/api/package_files.rb).
   */
  readonly deleteProtectionFor = new Map<number, boolean>();
  /**
   * The instance setting `admin_mode` (Admin area > Settings > General > Sign-in restrictions):
   * off by default, as GitLab ships it. On, an administrator acts as one only in Admin Mode, which
   * an API token has through its `admin_mode` scope; without it they are a plain user everywhere,
   * though `GET /user` still says `is_admin`. GitLab: app/policies/base_policy.rb (`admin`),
   * lib/api/api_guard.rb (`bypass_session_for_admin_mode?`), lib/gitlab/auth/current_user_mode.rb.
   */
  adminMode = false;
  private readonly store = new Store();
  /** What the package-manager routes (npmRoutes.ts, pypiRoutes.ts) use of this fake. */
  private readonly parts: FakeParts = {
    store: this.store,
    accessLevel: (project, user) => this.accessLevel(project, user),
    authenticate: (token) => this.actingUser(token),
    projectsOf: (group) => this.groupProjects(group, false).map((id) => this.store.projects.get(id)!),
    addPackage: (projectId, p) => this.addPackage(projectId, p),
    markDeleted: (id) => this.markDeleted(id),
    serveFile: (pkg, file) => this.serveFile(pkg, file),
    fail: (status, body, headers) => new HttpError(status, body, headers),
  };
  /** The npm registry routes (project and instance level) and their publish hooks. */
  readonly npm = new NpmRegistry(this.parts);
  /** The PyPI routes (project and group level) and their upload hooks. */
  readonly pypi = new PypiRegistry(this.parts);
  private readonly faults = new Faults();
  private readonly protection = new Protection();
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly gates = new Set<Gate>();
  /** Sorted list per project and query: paging through 10,000 rows should not re-sort each page. */
  private readonly listCache = new Map<string, Package[]>();
  private throttleState: { limit: number; windowMs: number; retryAfterSeconds: number; hits: number[] } | undefined;
  /** Requests being handled (a delayed one keeps going after its client gave up). */
  private handling = 0;

  private constructor(
    private readonly server: http.Server | https.Server,
    readonly url: string,
  ) {}

  static async start(opts: StartOptions = {}): Promise<FakeGitLab> {
    const server = opts.https ? https.createServer({ key: opts.https.key, cert: opts.https.cert }) : http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
    });
    const port = (server.address() as AddressInfo).port;
    const fake = new FakeGitLab(server, `${opts.https ? 'https' : 'http'}://${opts.host ?? '127.0.0.1'}:${port}${opts.basePath ?? ''}`);
    fake.latencyMs = opts.latencyMs ?? 0;
    server.on('connection', (s: Socket) => {
      fake.sockets.add(s);
      s.on('close', () => fake.sockets.delete(s));
    });
    server.on('request', (req, res) => void fake.handle(req, res));
    if (opts.seed === 'sample') {
      const { seedSample } = await import('./seed');
      seedSample(fake);
    } else if (opts.seed === 'demo') {
      const { seedDemo } = await import('./demoSeed');
      seedDemo(fake);
    }
    return fake;
  }

  async stop(): Promise<void> {
    for (const gate of this.gates) gate.release();
    for (const res of this.hanging) res.destroy();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- state API -------------------------------------------------------------------------

  addUser(user: User): User {
    this.store.users.set(user.id, user);
    return user;
  }

  addToken(t: {
    value: string;
    userId: number;
    scopes: Scope[];
    kind?: 'personal' | 'oauth';
    expired?: boolean;
    revoked?: boolean;
    expiresAt?: string | null;
    name?: string;
  }): Token {
    const token: Token = { kind: 'personal', expired: false, revoked: false, expiresAt: null, name: 'token', ...t };
    this.store.tokens.set(token.value, token);
    return token;
  }

  addProject(p: {
    id: number;
    pathWithNamespace: string;
    shape?: 'modern' | '11.9';
    visibility?: 'private' | 'public';
    members?: Record<number, number>;
    fips?: boolean;
    packagesEnabled?: boolean;
    redirectFrom?: string[];
    personalOwnerId?: number;
  }): Project {
    const project: Project = { shape: 'modern', visibility: 'private', members: {}, fips: false, packagesEnabled: true, redirectFrom: [], ...p };
    this.store.projects.set(project.id, project);
    return project;
  }

  addGroup(g: { id: number; fullPath: string; projectIds: number[]; subgroupIds?: number[]; visibility?: Group['visibility'] }): Group {
    const group: Group = { subgroupIds: [], ...g };
    this.store.groups.set(group.id, group);
    return group;
  }

  addPackage(projectId: number, p: NewPackage): Package {
    this.listCache.clear();
    return this.store.addPackage(projectId, p);
  }

  /** Many small packages at once (benchmarks, paging past 10,000 rows). */
  addPackagesBulk(projectId: number, count: number, opts: { packageType?: string; namePrefix?: string } = {}): Package[] {
    this.listCache.clear();
    const out: Package[] = [];
    for (let i = 0; i < count; i++) {
      out.push(
        this.store.addPackage(projectId, {
          name: `${opts.namePrefix ?? 'pkg'}-${String(i).padStart(5, '0')}`,
          version: `1.0.${i}`,
          packageType: opts.packageType ?? 'generic',
        }),
      );
    }
    return out;
  }

  addFilesBulk(packageId: number, count: number): PackageFile[] {
    const pkg = this.store.packages.get(packageId);
    if (!pkg) throw new Error(`no package ${packageId}`);
    return Array.from({ length: count }, (_, i) => this.store.addFile(pkg, `file-${String(i).padStart(4, '0')}.bin`, Buffer.from(`content of file ${i}\n`)));
  }

  /**
   * Another file of the same name in the package, as a second upload to a format that allows
   * duplicates does (GitLab: generic and Maven by default, NuGet and Terraform modules by setting —
   * app/models/namespace/package_setting.rb): both stay, `package_files` lists both, and a download
   * by name serves the newest (app/finders/packages/package_file_finder.rb `.last`). npm and PyPI
   * uploads refuse a duplicate: use `npm.republish` / `pypi.reupload` for what GitLab lets happen there.
   */
  addDuplicateFile(packageId: number, fileName: string, content: Buffer | string, createdAt?: string): PackageFile {
    const pkg = this.store.packages.get(packageId);
    if (!pkg) throw new Error(`no package ${packageId}`);
    const file = this.store.addFile(pkg, fileName, typeof content === 'string' ? Buffer.from(content) : content, createdAt ?? new Date().toISOString());
    const first = pkg.files.find((f) => f.fileName === fileName && f !== file);
    // The duplicate records what its upload recorded (an npm tarball only its SHA-1, say).
    if (first?.recorded)
      file.recorded = { md5: first.recorded.md5 && file.md5, sha1: first.recorded.sha1 && file.sha1, sha256: first.recorded.sha256 && file.sha256 };
    return file;
  }

  /** Read-only view: change state through the methods here (lists are cached per query). */
  getPackage(id: number): Package | undefined {
    return this.store.packages.get(id);
  }

  /** Someone else deleted the package (marked for destruction, as GitLab does). */
  markDeleted(id: number): void {
    const pkg = this.store.packages.get(id);
    if (pkg) pkg.status = 'pending_destruction';
    this.listCache.clear();
  }

  packagesOf(projectId: number): Package[] {
    return this.store.packagesOf(projectId);
  }

  /** A package protection rule (GitLab 17.6+). */
  addProtectionRule(r: Omit<Rule, 'id' | 'minimumAccessLevelForPush' | 'minimumAccessLevelForDelete'> & Partial<Rule>): Rule {
    return this.protection.addRule(r);
  }

  protectionRulesOf(projectId: number): Rule[] {
    return this.protection.rulesOf(projectId);
  }

  projectByPath(path: string): Project | undefined {
    return this.store.projectByKey(path);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Resolves once no request is being handled: a slow DELETE whose client gave up has been applied (or not) by then. */
  async idle(): Promise<void> {
    for (let i = 0; this.handling > 0 && i < 2_000; i++) await sleep(5);
  }

  // ---- fault API -------------------------------------------------------------------------

  fail(match: RouteMatch, fault: Fault, times = 1): void {
    this.faults.add(match, fault, times);
  }

  /**
   * Holds the next `times` requests matching `match` until the returned gate is released, then
   * answers them as usual: `await gate.arrived()` is the moment GitLab has the request in hand.
   */
  hold(match: RouteMatch, times = 1): Gate {
    const gate = new Gate();
    this.gates.add(gate);
    this.fail(match, { kind: 'hold', gate }, times);
    return gate;
  }

  chaos(rates: ChaosRates | undefined, seed?: number): void {
    this.faults.chaos = rates;
    if (seed !== undefined) this.faults.reseed(seed);
  }

  clearFaults(): void {
    this.faults.clear();
    this.throttleState = undefined;
  }

  /** Rack::Attack-style throttling: over `limit` requests per window → 429. `limit: 0` turns it off. */
  throttle(t: { limit: number; windowMs: number; retryAfterSeconds: number }): void {
    this.throttleState = t.limit > 0 ? { ...t, hits: [] } : undefined;
  }

  // ---- HTTP ------------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.handling++;
    try {
      await this.handleRequest(req, res);
    } finally {
      this.handling--;
    }
  }

  private async handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = req.method ?? 'GET';
    const rawPath = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const { auth, token } = this.authOf(req);
    const body = method === 'POST' || method === 'PATCH' ? await readJson(req) : undefined;
    const origin = header(req, 'origin');
    const record: RecordedRequest = {
      method,
      path: rawPath,
      query,
      auth,
      tokenKnown: token !== undefined,
      status: 0,
      at: Date.now(),
      body,
      ...(origin ? { origin } : {}),
    };
    this.requests.push(record);
    res.on('finish', () => (record.status = res.statusCode));
    res.on('close', () => (record.status ||= -1));

    if (this.latencyMs > 0) await sleep(this.latencyMs);
    // Under a relative URL root only paths below it exist; routes and links see it stripped and added.
    const root = new URL(this.url).pathname.replace(/\/+$/, '');
    const baseUrl = `${new URL(this.url).protocol}//${req.headers.host ?? '127.0.0.1'}${root}`;
    if (root && !rawPath.startsWith(root + '/')) return send(res, 404, { error: '404 Not Found' });
    const routePath = rawPath.slice(root.length);
    if (this.cors && applyCors(req, res, routePath, this.exposedHeaders)) return;

    const throttled = this.throttled();
    if (throttled) return send(res, throttled.status, throttled.body, throttled.headers);

    // A chaos redirect points back here once, marked, so it cannot loop.
    const fault = this.faults.take(
      method,
      routePath,
      query.redirected ? undefined : `${baseUrl}${routePath}${url.search ? url.search + '&' : '?'}redirected=1`,
      query,
    );
    if (fault) record.fault = 'kind' in fault ? fault.kind : `status ${fault.status}`;
    if (fault && !isLostAnswer(fault) && (await this.applyFault(fault, res))) return;
    if (this.failureRate > 0 && method === 'GET' && Math.random() < this.failureRate) {
      return send(res, 502, { message: '502 Bad Gateway' });
    }

    let answer: { status: number; body: unknown; headers?: Record<string, string> };
    try {
      answer =
        this.packageManagerRoute(method, routePath, token, header(req, 'authorization'), baseUrl) ?? this.route(method, routePath, query, token, baseUrl, body);
    } catch (e) {
      answer = e instanceof HttpError ? e : { status: 500, body: { message: '500 Internal Server Error' } };
    }
    // GitLab did the work; the answer is lost on its way back (or was, before GitLab got to it).
    if (isLostAnswer(fault)) return loseAnswer(fault, res, (r) => this.park(r));
    if (fault && 'kind' in fault && fault.kind === 'droppedThenAppliedLater') return;
    send(res, answer.status, answer.body, answer.headers);
  }

  /** A response that never ends (until its client gives up, or stop()). */
  private park(res: http.ServerResponse): void {
    this.hanging.add(res);
    res.on('close', () => this.hanging.delete(res));
  }

  /** Returns true when the fault answered the request itself. */
  private async applyFault(fault: Exclude<Fault, { kind: `applied${string}` }>, res: http.ServerResponse): Promise<boolean> {
    if (!('kind' in fault)) {
      send(res, fault.status, fault.body ?? { message: `${fault.status} ${http.STATUS_CODES[fault.status] ?? ''}`.trim() }, fault.headers);
      return true;
    }
    switch (fault.kind) {
      case 'delay':
        await sleep(fault.ms);
        return false;
      case 'hold':
        await fault.gate.pass();
        return false;
      case 'droppedThenAppliedLater':
        res.socket?.destroy();
        await sleep(fault.ms);
        return false;
      case 'hang':
        this.park(res);
        return true;
      case 'reset':
        // Chunked, as GitLab behind nginx answers: the client can tell the body was cut.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[{"id": 1, "na');
        setTimeout(() => res.socket?.destroy(), 5);
        return true;
      case 'html':
        send(res, 200, '<!DOCTYPE html><html><head><title>Sign in · GitLab</title></head><body><form action="/users/sign_in">…</form></body></html>', {
          'content-type': 'text/html; charset=utf-8',
        });
        return true;
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('[{"id": 1, "name": "trunc');
        return true;
      case 'redirect':
        res.writeHead(fault.status ?? 302, { location: fault.location });
        res.end();
        return true;
    }
  }

  private throttled(): HttpError | undefined {
    const t = this.throttleState;
    if (!t) return undefined;
    const now = Date.now();
    t.hits = t.hits.filter((h) => h > now - t.windowMs);
    if (t.hits.length < t.limit) {
      t.hits.push(now);
      return undefined;
    }
    const reset = Math.ceil((now + t.retryAfterSeconds * 1000) / 1000);
    return new HttpError(429, 'Retry later\n', {
      'content-type': 'text/plain',
      'retry-after': String(t.retryAfterSeconds),
      'ratelimit-name': 'throttle_authenticated_api',
      'ratelimit-limit': String(t.limit),
      'ratelimit-observed': String(t.hits.length + 1),
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(reset),
      'ratelimit-resettime': new Date(reset * 1000).toUTCString(),
    });
  }

  private authOf(req: http.IncomingMessage): { auth: RecordedRequest['auth']; token?: Token; bearer?: boolean; presented?: string } {
    const pt = header(req, 'private-token');
    const bearer = /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')?.[1];
    const job = header(req, 'job-token');
    const presented = pt ?? bearer ?? job;
    const auth = pt ? 'private-token' : bearer ? 'bearer' : job ? 'job-token' : 'none';
    const token = presented ? this.store.tokens.get(presented) : undefined;
    if (presented && !token)
      return {
        auth,
        presented,
        bearer: !!bearer,
        token: { value: '', userId: -1, scopes: [], kind: bearer ? 'oauth' : 'personal', expired: false, revoked: true, expiresAt: null, name: '' },
      };
    return { auth, token, bearer: !!bearer, presented };
  }

  // ---- routes ----------------------------------------------------------------------------

  /** The npm and PyPI routes package managers use; PyPI's take a token as a Basic password too (GitLab: lib/api/pypi_packages.rb). */
  private packageManagerRoute(
    method: string,
    path: string,
    token: Token | undefined,
    authorization: string | undefined,
    baseUrl: string,
  ): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
    const caller = callerOf(this.parts, token, authorization, path.includes('/packages/pypi/'), baseUrl);
    return this.npm.route(method, path, caller) ?? this.pypi.route(method, path, caller);
  }

  /** The user a token acts as. GitLab: app/policies/base_policy.rb — with `admin_mode` on, an administrator without Admin Mode is a plain user. */
  private actingUser(token: Token | undefined): User | undefined {
    const account = this.authenticate(token);
    return account?.admin && this.adminMode && !token?.scopes.includes('admin_mode') ? { ...account, admin: false } : account;
  }

  private route(
    method: string,
    path: string,
    q: Record<string, string>,
    token: Token | undefined,
    baseUrl: string,
    body?: Record<string, unknown>,
  ): { status: number; body: unknown; headers?: Record<string, string> } {
    const m = (re: RegExp): RegExpExecArray | null => re.exec(path);
    let r: RegExpExecArray | null;
    const account = this.authenticate(token);
    const user = this.actingUser(token);

    if (method === 'GET' && path === '/api/v4/user') {
      if (!account) throw this.unauthorized(token);
      // GitLab: lib/api/users.rb presents UserWithAdmin (with `is_admin`) to administrators, UserPublic (without it) to
      // others — by `current_user.admin?`, whatever Admin Mode.
      const json = {
        id: account.id,
        username: account.username,
        name: account.name,
        state: 'active',
        avatar_url: null,
        web_url: `${baseUrl}/${account.username}`,
      };
      return ok(account.admin ? { ...json, is_admin: true } : json);
    }
    if (method === 'GET' && path === '/api/v4/personal_access_tokens/self') {
      if (!atLeast(this.version, 15, 5)) throw new HttpError(404, { error: '404 Not Found' });
      if (!user || !token) throw this.unauthorized(token);
      if (token.kind === 'oauth') throw new HttpError(401, { message: '401 Unauthorized' });
      return ok({
        id: 1,
        name: token.name,
        revoked: token.revoked,
        created_at: '2025-01-01T00:00:00.000Z',
        scopes: token.scopes,
        user_id: token.userId,
        last_used_at: new Date().toISOString(),
        active: true,
        expires_at: token.expiresAt,
      });
    }
    if (method === 'GET' && path === '/api/v4/version') {
      if (!user) throw this.unauthorized(token);
      return ok({ version: this.version, revision: 'fake1234' });
    }
    if ((r = m(/^\/api\/v4\/groups\/([^/]+)\/packages$/)) && method === 'GET') {
      // Group package lists arrived in GitLab 12.5.
      if (!atLeast(this.version, 12, 5)) throw new HttpError(404, { error: '404 Not Found' });
      if (token && !user) throw this.unauthorized(token);
      const group = this.store.groupByKey(decodeURIComponent(r[1]));
      if (!group || !this.mayReadGroup(group, user)) throw notFound('Group');
      const projectIds = this.groupProjects(group, q.exclude_subgroups === 'true');
      const readable = projectIds
        .map((id) => this.store.projects.get(id)!)
        // Project.public_or_visible_to_user (app/models/project.rb): a Reporter's projects, and every project whose
        // visibility the caller may see (Gitlab::VisibilityLevel.levels_for_user): public ones for anyone, signed in
        // or not (internal ones too when signed in; this fake's projects are public or private).
        .filter((p) => this.accessLevel(p, user) >= 20 || p.visibility === 'public');
      const filter = this.filterOf(this.knownParams(q, true), true);
      const pkgs = this.store.listPackages(
        readable.flatMap((p) => this.store.packagesOf(p.id)),
        filter,
        (p) => this.store.projects.get(p.projectId)?.pathWithNamespace ?? '',
      );
      return this.paged(pkgs, q, baseUrl, path, (p) => {
        const project = this.store.projects.get(p.projectId)!;
        return packageJson(p, project, { baseUrl, canDelete: this.canDelete(project, user) }, { group: true });
      });
    }
    if ((r = m(/^\/api\/v4\/projects\/([^/]+)(\/.*)?$/))) {
      const key = decodeURIComponent(r[1]);
      const rest = r[2] ?? '';
      const project = this.store.projectByKey(key);
      if (token && !user) throw this.unauthorized(token);
      if (!project) {
        const moved = this.store.projectRedirect(key);
        if (moved && method === 'GET') return { status: 301, body: '', headers: { location: `${baseUrl}/api/v4/projects/${moved.id}${rest}` } };
        throw notFound('Project');
      }
      const level = this.accessLevel(project, user);
      // Administrators may read every project (and act in it) without being a member.
      if (project.visibility === 'private' && level === 0 && !user?.admin) throw notFound('Project');
      return this.projectRoute(method, rest, q, project, user, token, baseUrl, level, body);
    }
    throw new HttpError(404, { error: '404 Not Found' });
  }

  private projectRoute(
    method: string,
    rest: string,
    q: Record<string, string>,
    project: Project,
    user: User | undefined,
    token: Token | undefined,
    baseUrl: string,
    level: number,
    body?: Record<string, unknown>,
  ): { status: number; body: unknown; headers?: Record<string, string> } {
    // `permissions.project_access` is the member record (lib/api/entities/project_with_access.rb `project.member(user)`).
    if (rest === '' && method === 'GET') return ok(projectJson(project, baseUrl, (user && project.members[user.id]) || undefined));
    if (!rest.startsWith('/packages')) throw new HttpError(404, { error: '404 Not Found' });
    if (!project.packagesEnabled) throw new HttpError(403, { message: '403 Forbidden' });
    if (level < 20 && !user?.admin && !(project.visibility === 'public' && method === 'GET')) throw new HttpError(403, { message: '403 Forbidden' });
    const viewer = { baseUrl, canDelete: this.canDelete(project, user), version: this.version };
    let r: RegExpExecArray | null;
    const ctx: RouteContext = {
      project,
      level,
      admin: user?.admin === true,
      deleteProtection: this.deleteProtectionOn(project.id),
      version: this.version,
      baseUrl,
      body,
      query: q,
      packageIn: (id) => this.packageIn(project, id),
      fail: (status, errorBody) => new HttpError(status, errorBody),
    };
    const extra = this.protection.route(method, rest, ctx) ?? pipelinesRoute(method, rest, ctx, (p, pkg) => pipelineJson(p, pkg, project, baseUrl));
    if (extra) return extra;

    if (rest === '/packages' && method === 'GET') {
      // GitLab 11.9 knew none of the filter or sort parameters; Grape drops undeclared ones silently.
      const filter = project.shape === '11.9' ? this.filterOf({}, false) : this.filterOf(this.knownParams(q), false);
      const cacheKey = `${project.id}|${JSON.stringify(filter)}`;
      const pkgs = this.listCache.get(cacheKey) ?? this.store.listPackages(this.store.packagesOf(project.id), filter);
      this.listCache.set(cacheKey, pkgs);
      return this.paged(pkgs, q, baseUrl, `/api/v4/projects/${encodeURIComponent(project.pathWithNamespace)}/packages`, (p) => packageJson(p, project, viewer));
    }
    if ((r = /^\/packages\/(\d+)$/.exec(rest))) {
      const pkg = this.packageIn(project, Number(r[1]));
      if (method === 'GET') {
        // Recent servers answer the single GET only for default/deprecated packages (GitLab: lib/api/project_packages.rb, `detailed_info?`).
        if (pkg.status !== 'default' && pkg.status !== 'deprecated') throw new HttpError(404, { message: '404 Package Not Found' });
        const versions = this.store
          .packagesOf(project.id)
          .filter((o) => o.id !== pkg.id && o.name === pkg.name && o.packageType === pkg.packageType && o.status === 'default');
        return ok(packageJson(pkg, project, viewer, { versions }));
      }
      if (method === 'DELETE') {
        this.assertMayDelete(project, pkg, user, token);
        this.markDeleted(pkg.id);
        return { status: 204, body: '' };
      }
    }
    if ((r = /^\/packages\/(\d+)\/package_files$/.exec(rest)) && method === 'GET') {
      const pkg = this.packageIn(project, Number(r[1]));
      // GitLab: lib/api/package_files.rb — order_by/sort on package files came with 18.x; older servers drop the
      // parameters without a word. From 14.9 the list is ascending by id; before, it had no ORDER BY: here an
      // order that is not the id's (a fixed scramble), as PostgreSQL may return rows in any order.
      const orderBy = (atLeast(this.version, 18, 0) ? q.order_by : undefined) ?? 'id';
      if (!['id', 'created_at', 'file_name'].includes(orderBy)) throw new HttpError(400, { error: 'order_by does not have a valid value' });
      const dir = q.sort === 'desc' && atLeast(this.version, 18, 0) ? -1 : 1;
      const unordered = !atLeast(this.version, 14, 9);
      const key = (f: PackageFile): string | number =>
        unordered ? (f.id * 2654435761) % 4294967296 : orderBy === 'file_name' ? f.fileName : orderBy === 'created_at' ? f.createdAt : f.id;
      const files = pkg.files.filter((f) => f.status === 'default').sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id) * dir);
      return this.paged(files, q, baseUrl, `/api/v4/projects/${project.id}/packages/${pkg.id}/package_files`, (f) => fileJson(f, project));
    }
    if ((r = /^\/packages\/(\d+)\/package_files\/(\d+)$/.exec(rest)) && method === 'DELETE' && atLeast(this.version, 13, 12)) {
      const pkg = this.packageIn(project, Number(r[1]));
      const file = pkg.files.find((f) => f.id === Number(r![2]) && f.status === 'default');
      if (!file) throw new HttpError(404, { message: '404 Package File Not Found' });
      this.assertMayDelete(project, pkg, user, token);
      file.status = 'pending_destruction';
      return { status: 204, body: '' };
    }
    if ((r = /^\/packages\/(\d+)\/package_files\/(\d+)\/download$/.exec(rest)) && method === 'GET') {
      // The download-by-id route exists from GitLab 18.4 on.
      if (project.shape === '11.9' || !atLeast(this.version, 18, 4)) throw new HttpError(404, { error: '404 Not Found' });
      const pkg = this.packageIn(project, Number(r[1]));
      return this.serveFile(
        pkg,
        pkg.files.find((f) => f.id === Number(r![2])),
      );
    }
    // Per-format download routes of older servers (generic, maven; npm and PyPI: npmRoutes.ts, pypiRoutes.ts).
    if ((r = /^\/packages\/generic\/([^/]+)\/([^/]+)\/(.+)$/.exec(rest)) && method === 'GET') {
      const [name, version, fileName] = [r[1], r[2], r[3]].map(decodeURIComponent);
      const pkg = this.store
        .packagesOf(project.id)
        .find((p) => p.packageType === 'generic' && p.name === name && p.version === version && p.status === 'default');
      // Of duplicates, the newest installable one (GitLab: app/finders/packages/package_file_finder.rb `.last`).
      return this.serveFile(pkg, pkg?.files.filter((f) => f.fileName === fileName && f.status === 'default').at(-1));
    }
    if ((r = /^\/packages\/maven\/(.+)\/([^/]+)\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const [name, version, fileName] = [r[1], r[2], r[3]].map(decodeURIComponent);
      const pkg = this.store
        .packagesOf(project.id)
        .find((p) => p.packageType === 'maven' && p.name === name && p.version === version && p.status === 'default');
      return this.serveFile(pkg, pkg?.files.filter((f) => f.fileName === fileName && f.status === 'default').at(-1));
    }
    throw new HttpError(404, { error: '404 Not Found' });
  }

  private serveFile(pkg: Package | undefined, file: PackageFile | undefined): { status: number; body: unknown; headers: Record<string, string> } {
    if (!pkg || !file || file.status !== 'default') throw new HttpError(404, { message: '404 Package File Not Found' });
    pkg.lastDownloadedAt = new Date().toISOString();
    const body = this.corruptDownloads ? Buffer.concat([file.content, Buffer.from('tampered')]) : file.content;
    return {
      status: 200,
      body,
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${file.fileName.split('/').pop() ?? 'file'}"` },
    };
  }

  private paged<T>(
    rows: T[],
    q: Record<string, string>,
    baseUrl: string,
    path: string,
    toJson: (row: T) => unknown,
  ): { status: number; body: unknown; headers: Record<string, string> } {
    const perPage = Math.min(Math.max(Number(q.per_page) || 20, 1), 100);
    const page = Math.max(Number(q.page) || 1, 1);
    const total = rows.length;
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    const slice = rows.slice((page - 1) * perPage, page * perPage);
    const counted = total <= MAX_COUNTED_ROWS;
    const hasNext = page * perPage < total;
    const link = (p: number): string => {
      const params = new URLSearchParams({ ...q, page: String(p), per_page: String(perPage) });
      return `${baseUrl}${path}?${params.toString()}`;
    };
    const links = [
      ...(page > 1 ? [`<${link(page - 1)}>; rel="prev"`] : []),
      ...(hasNext ? [`<${link(page + 1)}>; rel="next"`] : []),
      `<${link(1)}>; rel="first"`,
      ...(counted ? [`<${link(totalPages)}>; rel="last"`] : []),
    ];
    const headers: Record<string, string> = {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': hasNext ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
      link: links.join(', '),
    };
    if (counted) {
      headers['x-total'] = String(total);
      headers['x-total-pages'] = String(totalPages);
    }
    return { status: 200, body: slice.map(toJson), headers };
  }

  /** Grape drops parameters an older server does not declare, without a word (the group list's `package_name` came in 13.0). */
  private knownParams(q: Record<string, string>, group = false): Record<string, string> {
    const known = { ...q };
    if (!atLeast(this.version, 12, 8)) for (const k of ['order_by', 'sort']) delete known[k];
    if (!atLeast(this.version, 12, 9)) for (const k of ['package_type', 'package_name']) delete known[k];
    if (group && !atLeast(this.version, 13, 0)) delete known.package_name;
    if (!atLeast(this.version, 13, 9)) delete known.status;
    if (!atLeast(this.version, 16, 6)) delete known.package_version;
    return known;
  }

  private filterOf(q: Record<string, string>, group: boolean): Parameters<Store['listPackages']>[1] {
    const orderBy = q.order_by ?? 'created_at';
    const allowed = ['created_at', 'name', 'version', 'type', ...(group ? ['project_path'] : [])];
    if (!allowed.includes(orderBy)) throw new HttpError(400, { error: 'order_by does not have a valid value' });
    if (q.sort && !['asc', 'desc'].includes(q.sort)) throw new HttpError(400, { error: 'sort does not have a valid value' });
    // GitLab: lib/api/project_packages.rb validates `package_type` against Packages::Package's enum
    // (app/models/packages/package.rb), which has terraform_module since 13.11 (the Infrastructure Registry).
    const types = atLeast(this.version, 13, 11) ? PACKAGE_TYPES : PACKAGE_TYPES.filter((t) => t !== 'terraform_module');
    if (q.package_type && !types.includes(q.package_type)) throw new HttpError(400, { error: 'package_type does not have a valid value' });
    if (q.status && !STATUSES.includes(q.status)) throw new HttpError(400, { error: 'status does not have a valid value' });
    return {
      orderBy,
      sort: q.sort === 'desc' ? 'desc' : 'asc',
      packageType: q.package_type,
      packageName: q.package_name,
      packageVersion: q.package_version,
      includeVersionless: q.include_versionless === 'true',
      status: q.status,
    };
  }

  /** GitLab: app/finders/packages/package_finder.rb — the single-package routes (GET, DELETE, files) find displayable packages only. */
  private packageIn(project: Project, id: number): Package {
    const pkg = this.store.packages.get(id);
    if (!pkg || pkg.projectId !== project.id || !DISPLAYABLE.has(pkg.status)) throw new HttpError(404, { message: '404 Package Not Found' });
    return pkg;
  }

  private assertMayDelete(project: Project, pkg: Package, user: User | undefined, token: Token | undefined): void {
    if (!user || !token) throw new HttpError(401, { message: '401 Unauthorized' });
    if (!token.scopes.includes('api')) {
      throw new HttpError(403, {
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the access token.',
        scope: 'api',
      });
    }
    const level = this.accessLevel(project, user);
    if (level < 40 && !user.admin) throw new HttpError(403, { message: '403 Forbidden' });
    // GitLab: app/services/packages/mark_package_for_destruction_service.rb (and lib/api/package_files.rb) ask the
    // rules only with `packages_protected_packages_delete` on, and
    // app/services/packages/protection/check_delete_rule_existence_service.rb finds none for
    // `can_admin_all_resources?` (an administrator, in Admin Mode where `adminMode` is on).
    if (user.admin || !this.deleteProtectionOn(project.id)) return;
    if (pkg.protected || this.protection.refusesDelete(pkg, level, this.version))
      throw new HttpError(403, { message: '403 Forbidden - Package is deletion protected.' });
  }

  private deleteProtectionOn(projectId: number): boolean {
    return this.deleteProtectionFor.get(projectId) ?? this.deleteProtectionFlag;
  }

  /**
   * Whether a package's `_links.delete_api_path` is shown: lib/api/entities/package.rb exposes it
   * `if: can_destroy(:package, &:project)` (Ability `destroy_package`: Maintainer+), which asks the
   * role, not the token's scopes. A `read_api` token still sees the link; its DELETE is the 403
   * `insufficient_scope` the request itself answers.
   */
  private canDelete(project: Project, user: User | undefined): boolean {
    return !!user && (this.accessLevel(project, user) >= 40 || user.admin === true);
  }

  /** The user's role as GitLab checks it (`max_member_access_for_project`): a personal project's owner is Owner. */
  private accessLevel(project: Project, user: User | undefined): number {
    if (!user) return 0;
    const member = project.members[user.id] ?? 0;
    return project.personalOwnerId === user.id ? Math.max(member, 50) : member;
  }

  private authenticate(token: Token | undefined): User | undefined {
    if (!token || token.expired || token.revoked) return undefined;
    if (!token.scopes.some((s) => s === 'api' || s === 'read_api')) return undefined;
    return this.store.users.get(token.userId);
  }

  private unauthorized(token: Token | undefined): HttpError {
    if (token?.kind === 'oauth') {
      const description = token.expired
        ? 'Token is expired. You can either do re-authorization or token refresh.'
        : 'Token was revoked. You have to re-authorize from the user.';
      return new HttpError(
        401,
        { error: 'invalid_token', error_description: description },
        { 'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${description}"` },
      );
    }
    return new HttpError(401, { message: '401 Unauthorized' });
  }

  /**
   * GitLab's `read_group` (`find_group!` answers 404 without it): a public group; an internal one
   * once signed in; a private one for administrators and anyone with access to a project in it.
   */
  private mayReadGroup(group: Group, user: User | undefined): boolean {
    const visibility = group.visibility ?? 'private';
    if (visibility === 'public') return true;
    if (!user) return false;
    if (visibility === 'internal' || user.admin) return true;
    return this.groupProjects(group, false).some((id) => {
      const project = this.store.projects.get(id);
      return !!project && this.accessLevel(project, user) > 0;
    });
  }

  private groupProjects(group: Group, excludeSubgroups: boolean): number[] {
    const ids = [...group.projectIds];
    if (!excludeSubgroups) {
      for (const sub of group.subgroupIds) {
        const g = this.store.groups.get(sub);
        if (g) ids.push(...this.groupProjects(g, false));
      }
    }
    return ids;
  }
}

function ok(body: unknown): { status: number; body: unknown } {
  return { status: 200, body };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (status === 204 || status === 301 || body === '') {
    res.writeHead(status, lower);
    res.end();
    return;
  }
  if (Buffer.isBuffer(body)) {
    res.writeHead(status, { 'content-length': String(body.length), ...lower });
    res.end(body);
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...lower });
  res.end(text);
}

/** A JSON request body (Grape also takes form fields; the extension sends JSON). */
async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
