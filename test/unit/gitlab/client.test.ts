import { strict as assert } from 'node:assert';
import { errorText } from '../../../src/core/errorText';
import { word } from '../../../src/util/text';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeFetch as fetch } from '../../../src/platform/node';
import { GitLabClient, type ClientOptions } from '../../../src/gitlab/client';
import { deletePackages } from '../../../src/core/delete/bulkDelete';
import { answerMayBeLost } from '../../../src/core/delete/deleteCheck';
import {
  BadResponseError,
  CancelledError,
  ForbiddenError,
  InsecureRequestError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  TokenReadError,
  UnauthorizedError,
} from '../../../src/gitlab/errors';
import type { RequestLogEntry } from '../../../src/gitlab/types';
import { ClientPool } from '../../../src/core/instances/clientPool';
import { collectAll } from '../../../src/gitlab/pagination';
import { parseProjectEntry } from '../../../src/core/projects/projectRef';
import { FakeGitLab } from '../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../fake-gitlab/seed';
import { waitFor } from '../../support/wait';
import type { GitLabError } from '../../../src/gitlab/errors';

const nodeFetch = fetch;

/** A second origin that records what reached it (for redirect tests). */
async function recordingServer(): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 1, username: 'elsewhere' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://localhost:${port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

/** What the user is told about a failure, in English. */
const said = (e: unknown): string => word(errorText(e));

describe('GitLab client against the fake GitLab', function () {
  let fake: FakeGitLab;
  const logs: RequestLogEntry[] = [];

  const client = (over: Partial<ClientOptions> = {}): GitLabClient =>
    new GitLabClient({
      instanceUrl: fake.url,
      fetch: nodeFetch,
      getToken: () => Promise.resolve(SAMPLE.apiToken),
      userAgent: 'gitlab-packages-vscode/test',
      log: (e) => logs.push(e),
      maxRetryDelayMs: 2000,
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
      ...over,
    });

  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.clearRequests();
    fake.clearFaults();
    logs.length = 0;
  });

  describe('endpoints', () => {
    it('lists project packages with every query parameter and the token header', async () => {
      const page = await client().projectPackagesPage(
        'acme/app',
        {
          orderBy: 'name',
          sort: 'desc',
          packageType: 'maven',
          packageName: 'my-app',
          includeVersionless: true,
          status: 'default',
          packageVersion: '1.0-SNAPSHOT',
        },
        1,
      );
      assert.deepEqual(
        page.items.map((p) => [p.name, p.version, p.packageType]),
        [['com/mycompany/my-app', '1.0-SNAPSHOT', 'maven']],
      );
      const req = fake.requests[0];
      assert.equal(req.path, '/api/v4/projects/acme%2Fapp/packages');
      assert.deepEqual(
        { ...req.query },
        {
          order_by: 'name',
          sort: 'desc',
          package_type: 'maven',
          package_name: 'my-app',
          include_versionless: 'true',
          status: 'default',
          package_version: '1.0-SNAPSHOT',
          page: '1',
          per_page: '100',
        },
      );
      assert.equal(req.auth, 'private-token');
      assert.equal(req.tokenKnown, true);
    });

    it('sends Authorization: Bearer when configured', async () => {
      await client({ authStyle: 'bearer' }).getCurrentUser();
      assert.equal(fake.requests[0].auth, 'bearer');
    });

    it('gets one package (with versions), its files, the project, user, token info and version', async () => {
      const c = client();
      const list = await c.projectPackagesPage(101, { packageName: 'my-app', packageVersion: '1.0-SNAPSHOT' }, 1);
      const pkg = await c.getPackage(101, list.items[0].id);
      assert.deepEqual(
        pkg.versions?.map((v) => v.version),
        ['0.9.0'],
      );
      assert.equal(pkg.name, 'com/mycompany/my-app');
      assert.ok(Array.isArray(pkg.versions));
      const files = await collectAll((p, s) => c.packageFilesPage(101, pkg.id, p, { orderBy: 'file_name', sort: 'asc' }, s), { concurrency: 4 });
      assert.deepEqual(
        files.items.map((f) => f.fileName),
        ['maven-metadata.xml', 'my-app-1.0-20180724.120000-1.jar', 'my-app-1.0-20180724.120000-1.pom'],
      );
      assert.ok(files.items.every((f) => f.fileSha256?.length === 64 && f.fileSha1?.length === 40 && f.fileMd5?.length === 32));
      const project = await c.getProject('acme/app');
      assert.equal(project.id, 101);
      assert.equal(project.pathWithNamespace, 'acme/app');
      assert.ok((project.accessLevel ?? 0) >= 40);
      assert.equal((await c.getCurrentUser()).username, 'demo');
      assert.ok((await c.getTokenInfo()).scopes.includes('api'));
      assert.match((await c.getVersion()).version, /^\d+\.\d+/);
    });

    it('lists group packages with project paths', async () => {
      const all = await collectAll((p, s) => client().groupPackagesPage('acme', { excludeSubgroups: true }, p, s), { concurrency: 4 });
      assert.ok(all.items.length > 10);
      assert.ok(all.items.every((p) => typeof p.projectId === 'number'));
      assert.equal(fake.requests[0].query.exclude_subgroups, 'true');
    });

    it('follows GitLab: order_by=type is the enum order, a group lists public projects to non-members, a read_api token sees the delete link', async () => {
      // app/models/packages/package.rb (`order_type`), app/finders/packages/group_packages_finder.rb
      // (Project.public_or_visible_to_user), lib/api/entities/package.rb (`can_destroy`, the role not the scopes).
      fake.addProject({ id: 901, pathWithNamespace: 'order/public', visibility: 'public', members: { 2: 50 } });
      fake.addProject({ id: 902, pathWithNamespace: 'order/mine', members: { [SAMPLE.userId]: 40 } });
      fake.addProject({ id: 903, pathWithNamespace: 'order/private', members: { 2: 50 } });
      fake.addGroup({ id: 900, fullPath: 'order', projectIds: [901, 902, 903] });
      for (const packageType of ['generic', 'composer', 'npm', 'maven', 'conan', 'pypi'])
        fake.addPackage(902, { name: `t-${packageType}`, version: '1.0.0', packageType });
      fake.addPackage(901, { name: 'public-one', version: '1.0.0', packageType: 'npm' });
      fake.addPackage(903, { name: 'private-one', version: '1.0.0', packageType: 'npm' });

      const byType = await collectAll((p, s) => client().projectPackagesPage(902, { orderBy: 'type', sort: 'asc' }, p, s), { concurrency: 1 });
      assert.deepEqual(
        byType.items.map((p) => p.packageType),
        ['maven', 'npm', 'conan', 'pypi', 'composer', 'generic'],
      );

      const group = await collectAll((p, s) => client().groupPackagesPage('order', {}, p, s), { concurrency: 1 });
      assert.deepEqual(group.items.map((p) => p.name).sort(), ['public-one', 't-composer', 't-conan', 't-generic', 't-maven', 't-npm', 't-pypi']);
      assert.equal(group.items.find((p) => p.name === 'public-one')?.deleteApiPath, undefined, 'no delete link where the user has no role');

      const read = client({ getToken: () => Promise.resolve(SAMPLE.readToken) });
      const mine = await collectAll((p, s) => read.projectPackagesPage(902, {}, p, s), { concurrency: 1 });
      assert.ok(
        mine.items.every((p) => p.deleteApiPath),
        'the link follows the role, not the token scope',
      );
      const refused = await read.deletePackage(902, mine.items[0].id).catch((e: unknown) => e);
      assert.ok(refused instanceof ForbiddenError && refused.reason === 'scope', 'its DELETE is refused for the scope');
    });

    it('deletes a package (204) and a package file; both are gone afterwards', async () => {
      const c = client();
      const pkg = (await c.projectPackagesPage('acme/big', { orderBy: 'name', sort: 'asc' }, 1)).items[0];
      await c.deletePackage('acme/big', pkg.id);
      await assert.rejects(c.getPackage('acme/big', pkg.id), NotFoundError);
      const next = (await c.projectPackagesPage('acme/big', { orderBy: 'name', sort: 'asc' }, 1)).items;
      assert.ok(!next.some((p) => p.id === pkg.id));

      const maven = (await c.projectPackagesPage('acme/app', { packageName: 'release-assets' }, 1)).items[0];
      const files = (await c.packageFilesPage('acme/app', maven.id, 1)).items;
      await c.deletePackageFile('acme/app', maven.id, files[0].id);
      const after = (await c.packageFilesPage('acme/app', maven.id, 1)).items;
      assert.equal(after.length, files.length - 1);
    });

    it('parses 11.9-shape answers (four fields, no _links, no sha256) and passes unknown types through', async () => {
      const c = client();
      const page = await c.projectPackagesPage('legacy/old-server', {}, 1);
      assert.ok(page.items.length > 0);
      for (const p of page.items) {
        assert.equal(p.hasLinks, false);
        assert.equal(p.status, undefined);
        assert.equal(p.createdAt, undefined);
      }
      const files = await c.packageFilesPage('legacy/old-server', page.items[0].id, 1);
      assert.ok(files.items.every((f) => f.fileSha256 === undefined && typeof f.fileSha1 === 'string'));
    });
  });

  describe('pagination', () => {
    it('fetches the remaining pages concurrently when the total is known', async () => {
      const c = client({ concurrency: 3 });
      const pages: number[] = [];
      const paged = fake.addProject({ id: 991, pathWithNamespace: 'acme/paged', members: { [SAMPLE.userId]: 40 } });
      fake.addPackagesBulk(paged.id, 250);
      for await (const page of c.projectPackages('acme/paged')) pages.push(page.items.length);
      assert.deepEqual(pages, [100, 100, 50]);
      assert.deepEqual(
        fake.requests.map((r) => r.query.page),
        ['1', '2', '3'],
      );
    });

    it('pages sequentially when the server omits totals (over 10,000 rows)', async function () {
      this.timeout(20_000);
      const huge = fake.addProject({ id: 990, pathWithNamespace: 'acme/huge', members: { [SAMPLE.userId]: 50 } });
      fake.addPackagesBulk(huge.id, 10_050);
      const first = await client().projectPackagesPage('acme/huge', {}, 1);
      assert.equal(first.totalPages, undefined);
      assert.equal(first.nextPage, 2);
      const all = await collectAll((p, s) => client().projectPackagesPage('acme/huge', {}, p, s), { concurrency: 8 });
      assert.equal(all.items.length, 10_050);
      assert.equal(new Set(all.items.map((p) => p.id)).size, 10_050);
    });
  });

  describe('errors', () => {
    it('names the instance on its errors, so "Set Access Token…" needs no question first', async () => {
      const e = await client({ getToken: () => Promise.resolve('not-a-token'), maxRetries: 0 })
        .getCurrentUser()
        .then(
          () => assert.fail('expected a 401'),
          (err: unknown) => err as GitLabError,
        );
      assert.equal(e.kind, 'unauthorized');
      assert.equal(e.instanceUrl, fake.url);
    });

    it('401: a bad PRIVATE-TOKEN, and an expired OAuth token with its description', async () => {
      const bad = await client({ getToken: () => Promise.resolve('not-a-real-token') })
        .getCurrentUser()
        .catch((e: unknown) => e);
      assert.ok(bad instanceof UnauthorizedError);
      assert.equal(bad.status, 401);
      assert.equal(bad.noToken, false);
      assert.equal(bad.serverMessage, '401 Unauthorized');
      const expired = await client({ authStyle: 'bearer', getToken: () => Promise.resolve(SAMPLE.expiredToken) })
        .getCurrentUser()
        .catch((e: unknown) => e);
      assert.ok(expired instanceof UnauthorizedError);
      assert.match(expired.serverMessage ?? '', /expired/i);
      const none = await client({ getToken: () => Promise.resolve(undefined) })
        .getCurrentUser()
        .catch((e: unknown) => e);
      assert.ok(none instanceof UnauthorizedError && none.noToken);
    });

    it('403: role, token scope and deletion protection are told apart', async () => {
      const c = client();
      const readonly = (await client({ getToken: () => Promise.resolve(SAMPLE.readToken) }).projectPackagesPage('acme/app', {}, 1)).items[0];
      const scope = await client({ getToken: () => Promise.resolve(SAMPLE.readToken) })
        .deletePackage('acme/app', readonly.id)
        .catch((e: unknown) => e);
      assert.ok(scope instanceof ForbiddenError);
      assert.equal(scope.reason, 'scope');
      const dev = (await c.projectPackagesPage('acme/readonly', {}, 1)).items[0];
      const role = await c.deletePackage('acme/readonly', dev.id).catch((e: unknown) => e);
      assert.ok(role instanceof ForbiddenError);
      assert.equal(role.reason, 'role');
      const all = await collectAll((p, s) => c.projectPackagesPage('acme/app', {}, p, s), { concurrency: 2 });
      const protectedPkg = all.items.find((p) => fake.getPackage(p.id)?.protected);
      assert.ok(protectedPkg, 'the sample has a protected package');
      const prot = await c.deletePackage('acme/app', protectedPkg.id).catch((e: unknown) => e);
      assert.ok(prot instanceof ForbiddenError);
      assert.equal(prot.reason, 'protected');
      assert.match(prot.serverMessage ?? '', /deletion protected/);
    });

    it('404 carries the server message', async () => {
      const e = await client()
        .getProject('secret/hidden')
        .catch((err: unknown) => err);
      assert.ok(e instanceof NotFoundError);
      assert.match(e.serverMessage ?? '', /Project Not Found/);
      assert.equal(e.path, '/projects/secret%2Fhidden');
    });

    it('429 with Retry-After is waited for and retried; a too-long Retry-After is reported', async () => {
      fake.fail({ path: '/api/v4/user' }, { status: 429, body: 'Retry later', headers: { 'Retry-After': '1' } }, 1);
      const slept: number[] = [];
      const user = await client({ sleep: (ms) => (slept.push(ms), Promise.resolve()) }).getCurrentUser();
      assert.equal(user.username, 'demo');
      assert.deepEqual(slept, [1000]);
      fake.fail({ path: '/api/v4/user' }, { status: 429, body: 'Retry later', headers: { 'Retry-After': '3600' } }, 1);
      const e = await client()
        .getCurrentUser()
        .catch((err: unknown) => err);
      assert.ok(e instanceof RateLimitedError);
      assert.equal(e.retryAfterMs, 3_600_000);
      assert.equal(e.serverMessage, 'Retry later');
    });

    it('503 with a readable Retry-After is waited for and retried; a too-long one is reported with its wait', async () => {
      fake.fail({ path: '/api/v4/user' }, { status: 503, body: 'Maintenance', headers: { 'Retry-After': '1' } }, 1);
      const slept: number[] = [];
      const user = await client({ sleep: (ms) => (slept.push(ms), Promise.resolve()) }).getCurrentUser();
      assert.equal(user.username, 'demo');
      assert.deepEqual(slept, [1000]);
      fake.clearRequests();
      fake.fail({ path: '/api/v4/user' }, { status: 503, body: 'Maintenance', headers: { 'Retry-After': '120' } }, 1);
      const e = await client()
        .getCurrentUser()
        .catch((err: unknown) => err);
      assert.ok(e instanceof ServerError && e.retryAfterMs === 120_000, String(e));
      assert.equal(fake.requests.length, 1, 'not retried before GitLab asked');
      assert.match(said(e), /HTTP 503 and asks to retry in 120 s/);
    });

    it('reads are retried at most twice on 502/503/504, never on 500', async () => {
      fake.fail({ path: '/api/v4/user' }, { status: 502 }, 5);
      const e = await client()
        .getCurrentUser()
        .catch((err: unknown) => err);
      assert.ok(e instanceof ServerError);
      assert.equal(fake.requests.filter((r) => r.path === '/api/v4/user').length, 3);
      fake.clearRequests();
      fake.fail({ path: '/api/v4/version' }, { status: 500, body: { message: '500 Internal Server Error' } }, 1);
      const e500 = await client()
        .getVersion()
        .catch((err: unknown) => err);
      assert.ok(e500 instanceof ServerError);
      assert.equal(fake.requests.length, 1);
      assert.equal(e500.serverMessage, '500 Internal Server Error');
    });

    it('a DELETE is never retried, whatever the failure', async () => {
      const pkg = (await client().projectPackagesPage('acme/big', {}, 1)).items[5];
      fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { status: 503 }, 1);
      await assert.rejects(client().deletePackage('acme/big', pkg.id), ServerError);
      fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { kind: 'reset' }, 1);
      await assert.rejects(client().deletePackage('acme/big', pkg.id), NetworkError);
      assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 2);
      assert.equal(fake.getPackage(pkg.id)?.status, 'default');
    });

    it('a connection reset mid-body is a NetworkError naming the cause (after retries for reads)', async () => {
      fake.fail({ path: '/api/v4/version' }, { kind: 'reset' }, 3);
      const e = await client()
        .getVersion()
        .catch((err: unknown) => err);
      assert.ok(e instanceof NetworkError, String(e));
      assert.match(said(e), /closed|reset/);
      assert.equal(fake.requests.length, 3);
    });

    it('a refused connection names the cause', async () => {
      const closed = await recordingServer();
      await closed.close();
      const e = await new GitLabClient({ instanceUrl: closed.url, fetch: nodeFetch, getToken: () => Promise.resolve(undefined), userAgent: 't', maxRetries: 0 })
        .getVersion()
        .catch((err: unknown) => err);
      assert.ok(e instanceof NetworkError);
      assert.match(said(e), /refused/);
    });

    it('times out a request that hangs, and cancels on AbortSignal', async () => {
      fake.fail({ path: '/api/v4/version' }, { kind: 'hang' }, 2);
      const t = await client({ timeoutMs: 150, maxRetries: 0 })
        .getVersion()
        .catch((err: unknown) => err);
      assert.ok(t instanceof TimeoutError);
      const controller = new AbortController();
      const pending = client({ maxRetries: 0 })
        .getVersion(controller.signal)
        .catch((err: unknown) => err);
      // Cancelled once GitLab has the request (it never answers), not before it was sent.
      await waitFor(() => fake.requests.filter((r) => r.path === '/api/v4/version').length === 2, 'the second request');
      controller.abort();
      assert.ok((await pending) instanceof CancelledError);
    });

    it('a secret store that never answers is timed out and cancelled like a request; one that fails says so, and sends nothing', async () => {
      const never = (): Promise<string | undefined> => new Promise(() => undefined);
      const t = await client({ getToken: never, timeoutMs: 100 })
        .getVersion()
        .catch((err: unknown) => err);
      // Nothing was sent, so not "GitLab did not answer" (a DELETE must not be taken for one that may have gone).
      assert.ok(t instanceof TokenReadError && !answerMayBeLost(t), String(t));
      assert.equal(said(t), "Could not read the access token from VS Code's secret storage: no answer within 1 s");
      const controller = new AbortController();
      const pending = client({ getToken: never })
        .getVersion(controller.signal)
        .catch((err: unknown) => err);
      setTimeout(() => controller.abort(), 30);
      assert.ok((await pending) instanceof CancelledError);
      const failed = await client({ getToken: () => Promise.reject(new Error('Cannot get password: no keyring\nstack…')) })
        .getVersion()
        .catch((err: unknown) => err);
      assert.ok(failed instanceof TokenReadError, String(failed));
      assert.equal(said(failed), "Could not read the access token from VS Code's secret storage: Cannot get password: no keyring");
      assert.equal(fake.requests.length, 0, 'nothing sent, and not retried');
    });

    it('HTML, truncated JSON and wrong shapes are BadResponseErrors that say so', async () => {
      fake.fail({ path: '/api/v4/projects/101/packages' }, { kind: 'html' }, 1);
      const html = await client()
        .projectPackagesPage(101, {}, 1)
        .catch((e: unknown) => e);
      assert.ok(html instanceof BadResponseError);
      assert.match(said(html), /HTML/);
      fake.fail({ path: '/api/v4/projects/101/packages' }, { kind: 'truncated' }, 1);
      const cut = await client()
        .projectPackagesPage(101, {}, 1)
        .catch((e: unknown) => e);
      assert.ok(cut instanceof BadResponseError);
      assert.match(said(cut), /JSON/);
      fake.fail({ path: '/api/v4/projects/101/packages' }, { status: 200, body: { not: 'a list' } }, 1);
      const shape = await client()
        .projectPackagesPage(101, {}, 1)
        .catch((e: unknown) => e);
      assert.ok(shape instanceof BadResponseError);
      assert.match(said(shape), /list/);
      fake.fail({ path: '/api/v4/projects/101/packages' }, { status: 200, body: [{ id: 1, name: 'x' }] }, 1);
      const missing = await client()
        .projectPackagesPage(101, {}, 1)
        .catch((e: unknown) => e);
      assert.ok(missing instanceof BadResponseError);
      assert.match(said(missing), /package_type/);
    });
  });

  describe('token safety', () => {
    it('follows a redirect to another origin without the token; same-origin redirects keep it', async () => {
      const other = await recordingServer();
      try {
        fake.fail({ path: '/api/v4/user' }, { kind: 'redirect', location: `${other.url}/api/v4/user`, status: 302 }, 1);
        const user = await client().getCurrentUser();
        assert.equal(user.username, 'elsewhere');
        assert.equal(other.seen.length, 1);
        assert.equal(other.seen[0]['private-token'], undefined);
        assert.equal(other.seen[0].authorization, undefined);
        assert.match(String(other.seen[0]['user-agent']), /gitlab-packages-vscode/);
      } finally {
        await other.close();
      }
      fake.fail({ path: '/api/v4/version' }, { kind: 'redirect', location: '/api/v4/user', status: 301 }, 1);
      await client()
        .getVersion()
        .catch(() => undefined);
      const followed = fake.requests.find((r) => r.path === '/api/v4/user');
      assert.equal(followed?.auth, 'private-token');
    });

    it('never puts the token in URLs, log lines or errors', async () => {
      const token = SAMPLE.apiToken;
      fake.fail({ path: '/api/v4/user' }, { status: 400, body: { message: `bad token ${token}` } }, 1);
      const e = await client()
        .getCurrentUser()
        .catch((err: unknown) => err);
      await client().projectPackagesPage('acme/app', {}, 1);
      const text = JSON.stringify(e) + String(e) + (e as Error).message + JSON.stringify(logs) + JSON.stringify(fake.requests);
      assert.ok(!text.includes(token), 'token leaked');
      assert.ok(logs.length >= 2);
      assert.ok(fake.requests.every((r) => !Object.values(r.query).some((v) => v.includes(token))));
    });

    it('never follows a Link header to another host: pages are requested from the instance itself', async () => {
      const other = await recordingServer();
      try {
        const evilNext = `<${other.url}/api/v4/projects/101/packages?page=2&per_page=100>; rel="next"`;
        fake.fail(
          { path: '/api/v4/projects/101/packages' },
          { status: 200, body: [{ id: 1, name: 'a', version: '1', package_type: 'npm' }], headers: { link: evilNext, 'x-total-pages': '2' } },
          1,
        );
        await collectAll((p, s) => client().projectPackagesPage(101, {}, p, s), { concurrency: 2 });
        assert.equal(other.seen.length, 0);
        assert.ok(fake.requests.some((r) => r.query.page === '2'));
      } finally {
        await other.close();
      }
    });

    it("a project URL on another host gets that host's token (none here), never this one's", async () => {
      const other = await recordingServer();
      try {
        const pool = new ClientPool({
          fetch: nodeFetch,
          getToken: (origin) => Promise.resolve(origin === fake.url ? SAMPLE.apiToken : undefined),
          userAgent: 't',
          log: () => undefined,
          settings: () => ({ authHeader: 'private-token', timeoutMs: 2000, concurrency: 2, allowHttpFor: [] }),
        });
        const ref = parseProjectEntry(`${other.url}/acme/app`, fake.url);
        assert.ok(ref.ok);
        await pool
          .get(ref.ref.instanceUrl)
          .getProject(ref.ref.key)
          .catch(() => undefined);
        assert.equal(other.seen.length, 1);
        assert.equal(other.seen[0]['private-token'], undefined);
        await pool.get(fake.url).getCurrentUser();
        assert.equal(fake.requests[0].auth, 'private-token');
      } finally {
        await other.close();
      }
    });

    it('refuses to send a token over plain http to a non-loopback host', async () => {
      let called = false;
      const c = new GitLabClient({
        instanceUrl: 'http://gitlab.example.com',
        fetch: () => ((called = true), Promise.reject(new Error('no'))),
        getToken: () => Promise.resolve('t0ken'),
        userAgent: 't',
      });
      await assert.rejects(
        c.getVersion(),
        (e: unknown) => e instanceof InsecureRequestError && /gitlabPackages\.allowHttpFor/.test(said(e)) && !said(e).includes('t0ken'),
      );
      assert.equal(called, false);
      const allowed = new GitLabClient({
        instanceUrl: 'http://gitlab.example.com',
        fetch: () => ((called = true), Promise.reject(new Error('offline'))),
        getToken: () => Promise.resolve('t0ken'),
        userAgent: 't',
        allowInsecureHttp: true,
        maxRetries: 0,
      });
      await assert.rejects(allowed.getVersion(), NetworkError);
      assert.equal(called, true);
    });
  });

  describe('bulk delete', () => {
    it('deletes each package exactly once with bounded concurrency and honours 429 Retry-After', async () => {
      const c = client({ concurrency: 4 });
      const pkgs = (await c.projectPackagesPage('acme/big', { orderBy: 'name', sort: 'desc' }, 1)).items.slice(0, 20);
      fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { status: 429, body: 'Retry later', headers: { 'Retry-After': '7' } }, 2);
      // The pauses are recorded, not slept: what is waited for is what GitLab asked.
      const pauses: number[] = [];
      const outcomes = await deletePackages(
        c,
        pkgs.map((p) => ({ project: 'acme/big', packageId: p.id })),
        { concurrency: 4, sleep: (ms) => (pauses.push(ms), Promise.resolve()) },
      );
      assert.ok(outcomes.every((o) => o.ok));
      assert.ok(pauses.length > 0 && pauses.every((ms) => ms > 6_000 && ms <= 7_000), `paused ${pauses.join(', ')} ms`);
      const deletes = fake.requests.filter((r) => r.method === 'DELETE' && r.status === 204).map((r) => r.path);
      assert.equal(deletes.length, 20);
      assert.equal(new Set(deletes).size, 20);
    });
  });
});
