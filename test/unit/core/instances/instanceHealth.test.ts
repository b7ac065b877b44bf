import { strict as assert } from 'node:assert';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { GitLabClient } from '../../../../src/gitlab/client';
import type { GitLabError } from '../../../../src/gitlab/errors';
import { parseGitLabVersion, supports, unsupportedMessage } from '../../../../src/core/instances/versionGates';
import { InstanceFacts } from '../../../../src/core/instances/instanceFacts';
import { assessToken } from '../../../../src/core/tokens/tokenFacts';
import { InstanceHealth, type InstanceStatus } from '../../../../src/core/instances/instanceHealth';
import { parseGroupEntry, parseProjectEntry } from '../../../../src/core/projects/projectRef';
import { PackagesTreeModel } from '../../../../src/tree/model';
import { type InstanceNode, type PackageNode, type ProjectNode, type TreeNode } from '../../../../src/tree/nodes';
import { shown } from '../../../support/shown';
import { word } from '../../../../src/util/text';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';

describe('GitLab versions and features', () => {
  it('parses the version strings servers send', () => {
    const table: [string, [number, number, number] | undefined][] = [
      ['18.1.1-ee', [18, 1, 1]],
      ['15.2-pre', [15, 2, 0]],
      ['11.9.0', [11, 9, 0]],
      ['v16.11.10-ee', [16, 11, 10]],
      ['nonsense', undefined],
    ];
    for (const [text, expected] of table) {
      const v = parseGitLabVersion(text);
      assert.deepEqual(v ? [v.major, v.minor, v.patch] : undefined, expected, text);
    }
  });

  it('gates each feature by the version that brought it, and trusts an unknown version', () => {
    const v = (t: string) => parseGitLabVersion(t);
    assert.equal(supports(v('12.4.9'), 'groupPackages'), false);
    assert.equal(supports(v('12.5.0'), 'groupPackages'), true);
    assert.equal(supports(v('13.11.0'), 'deletePackageFile'), false);
    assert.equal(supports(v('13.12.0'), 'deletePackageFile'), true);
    assert.equal(supports(v('9.0.0'), 'tokenInfo'), false);
    assert.equal(supports(undefined, 'tokenInfo'), true);
    assert.equal(
      word(unsupportedMessage(v('12.10.3'), 'deletePackageFile', 'git.example.com')!),
      'Deleting a single package file needs GitLab 13.12 or later; git.example.com runs 12.10.3.',
    );
    assert.equal(unsupportedMessage(v('18.0.0'), 'deletePackageFile', 'x'), undefined);
    assert.equal(unsupportedMessage(undefined, 'deletePackageFile', 'x'), undefined);
  });
});

describe('token lifecycle and instance facts (fake GitLab over loopback)', () => {
  let fake: FakeGitLab;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  });
  after(() => fake.stop());
  afterEach(() => {
    fake.version = '18.5.1-ee';
    fake.clearRequests();
  });

  const clientWith = (token: string | undefined) =>
    new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(token), userAgent: 't', maxRetries: 0 });
  const paths = () => fake.requests.map((r) => r.path);

  it('reads the version and the token once, however many ask at the same time', async () => {
    const facts = new InstanceFacts(() => clientWith(SAMPLE.readToken));
    const [a, b, info] = await Promise.all([facts.version(fake.url), facts.version(fake.url), facts.tokenInfo(fake.url)]);
    assert.equal(a?.major, 18);
    assert.equal(b, a);
    assert.deepEqual(info?.scopes, ['read_api']);
    assert.equal(info?.expiresAt, '2027-06-30');
    await facts.tokenInfo(fake.url);
    assert.deepEqual(paths().sort(), ['/api/v4/personal_access_tokens/self', '/api/v4/version']);
  });

  it('does not ask an instance older than 15.5 for token information, and forgets on a token change', async () => {
    fake.version = '14.10.5';
    const facts = new InstanceFacts(() => clientWith(SAMPLE.apiToken));
    assert.equal(await facts.tokenInfo(fake.url), undefined);
    assert.deepEqual(paths(), ['/api/v4/version']);
    facts.forget(new URL(fake.url).origin);
    fake.version = '17.0.0';
    assert.deepEqual((await facts.tokenInfo(fake.url))?.scopes, ['api']);
  });

  it('treats an OAuth token (or none) as unknown scopes, and does not remember a failure', async () => {
    let token: string | undefined;
    const facts = new InstanceFacts(() => clientWith(token));
    assert.equal(await facts.version(fake.url), undefined, 'no token: /version needs authentication');
    token = SAMPLE.apiToken;
    assert.equal((await facts.version(fake.url))?.major, 18, 'asked again once a token is there');
    fake.addToken({ value: 'oauth-live', userId: 1, scopes: ['api'], kind: 'oauth', name: 'oauth live' });
    token = 'oauth-live';
    facts.forget();
    assert.equal(await facts.tokenInfo(fake.url), undefined);
  });

  it('names the instance on its errors, so "Set Access Token…" needs no question first', async () => {
    const e = await clientWith('not-a-token')
      .getCurrentUser()
      .then(
        () => assert.fail('expected a 401'),
        (err: unknown) => err as GitLabError,
      );
    assert.equal(e.kind, 'unauthorized');
    assert.equal(e.instanceUrl, fake.url);
  });

  it('counts the days left and knows a read_api token cannot delete', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    assert.deepEqual(assessToken({ scopes: ['read_api'], expiresAt: '2026-11-30' }, now), {
      daysLeft: 5,
      expiresOn: '2026-11-30',
      canDelete: false,
      scopes: ['read_api'],
      name: undefined,
    });
    assert.equal(assessToken({ scopes: ['api'], expiresAt: '2026-11-26' }, now).daysLeft, 1);
    assert.equal(assessToken({ scopes: ['api'], expiresAt: '2026-11-01' }, now).daysLeft, 0);
    assert.equal(assessToken({ scopes: ['api'], expiresAt: null }, now).daysLeft, undefined);
    assert.equal(assessToken({ scopes: ['api'] }, now).canDelete, true);
    assert.equal(assessToken({ scopes: [] }, now).canDelete, undefined);
    assert.deepEqual(assessToken(undefined, now), {});
  });

  it('reports a status change once, and not again when nothing changed', async () => {
    const seen: InstanceStatus[] = [];
    const health = new InstanceHealth({
      facts: new InstanceFacts(() => clientWith(SAMPLE.readToken)),
      hasToken: () => Promise.resolve(true),
      now: () => new Date('2027-06-25T00:00:00Z'),
      onDidChange: (s) => seen.push(s),
    });
    await health.check(fake.url);
    await health.check(fake.url);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].token.daysLeft, 5);
    assert.equal(seen[0].token.canDelete, false);
    assert.equal(health.get(fake.url)?.token.canDelete, false);
    assert.equal(health.get('https://elsewhere.example'), undefined, 'nothing is assumed about an instance not checked');
  });

  it('does not let a check that began before a token change land after it', async () => {
    let token: string = SAMPLE.readToken;
    let releaseOld: () => void = () => undefined;
    const oldCheckWaits = new Promise<void>((r) => (releaseOld = r));
    let calls = 0;
    const health = new InstanceHealth({
      facts: new InstanceFacts(() => clientWith(token)),
      hasToken: async () => {
        if (calls++ === 0) await oldCheckWaits;
        return true;
      },
      onDidChange: () => undefined,
    });
    const oldCheck = health.check(fake.url);
    token = SAMPLE.apiToken;
    health.forget(new URL(fake.url).origin);
    await health.check(fake.url);
    releaseOld();
    await oldCheck;
    assert.equal(health.get(fake.url)?.token.canDelete, true, 'the new token (api) stands');
  });
});

describe('the tree with several instances, read-only tokens and old servers', () => {
  let fake: FakeGitLab;
  let other: FakeGitLab;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
    other = await FakeGitLab.start({ seed: 'none' });
    other.addUser({ id: 1, username: 'ops', name: 'Ops' });
    other.addToken({ value: 'other-token', userId: 1, scopes: ['api'], name: 'ops', expiresAt: null });
    const p = other.addProject({ id: 7, pathWithNamespace: 'platform/tools', members: { 1: 50 } });
    other.addPackage(p.id, { name: 'toolbox', version: '3.0.0', packageType: 'generic' });
  });
  after(async () => {
    await fake.stop();
    await other.stop();
  });
  afterEach(() => {
    fake.version = '18.5.1-ee';
  });

  const clients = new Map<string, GitLabClient>();
  const clientFor = (url: string, token: string) => {
    if (!clients.has(url + token))
      clients.set(url + token, new GitLabClient({ instanceUrl: url, fetch, getToken: () => Promise.resolve(token), userAgent: 't', maxRetries: 0 }));
    return clients.get(url + token)!;
  };

  function model(opts: { projects: string[]; groups?: string[]; status?: (url: string) => InstanceStatus | undefined; token?: string; filter?: object }) {
    const facts = new InstanceFacts((url) => clientFor(url, url === other.url ? 'other-token' : (opts.token ?? SAMPLE.apiToken)));
    return new PackagesTreeModel({
      entries: () => opts.projects.map((e) => parseProjectEntry(e, fake.url)),
      groupEntries: () => (opts.groups ?? []).map((e) => parseGroupEntry(e, fake.url)),
      clientFor: (ref) => clientFor(ref.instanceUrl, ref.instanceUrl === other.url ? 'other-token' : (opts.token ?? SAMPLE.apiToken)),
      hasToken: () => Promise.resolve(true),
      versionOf: (url) => facts.version(url),
      instanceStatus: opts.status,
      filterFor: () => opts.filter ?? {},
      onDidChange: () => undefined,
      batchMs: 0,
    });
  }
  const labels = (rows: TreeNode[]) => rows.map((r) => shown(r).label);

  it('lists projects at the root with one instance, and instances at the root with two', async () => {
    assert.deepEqual(labels(await model({ projects: ['acme/app'] }).children()), ['acme/app']);
    const m = model({ projects: ['acme/app', `${other.url}/platform/tools`, 'acme/fips'] });
    const roots = await m.children();
    assert.deepEqual(
      roots.map((r) => r.kind),
      ['instance', 'instance'],
    );
    assert.deepEqual(labels(roots), [new URL(fake.url).host, new URL(other.url).host]);
    assert.equal(shown(roots[0]).expanded, true);
    assert.deepEqual(labels(await m.children(roots[0])), ['acme/app', 'acme/fips']);
    const [tools] = (await m.children(roots[1])) as ProjectNode[];
    assert.equal(tools.parent, roots[1]);
    assert.deepEqual(labels(await m.children(tools)), ['toolbox']);
    assert.deepEqual(
      (await m.projects()).map((p) => p.project?.pathWithNamespace),
      ['acme/app', 'acme/fips', 'platform/tools'],
    );
  });

  it('shows an instance row’s token state, and hides delete for a read-only token', async () => {
    let status: InstanceStatus | undefined;
    const m = model({ projects: ['acme/app', `${other.url}/platform/tools`], status: (url) => (url === fake.url ? status : undefined) });
    const [first] = (await m.children()) as InstanceNode[];
    const [app] = (await m.children(first)) as ProjectNode[];
    const pkg = (await m.children(app)).find((r): r is PackageNode => r.kind === 'package')!;
    assert.equal(shown(pkg).contextValue, 'package.deletable');
    status = {
      instanceUrl: fake.url,
      hasToken: true,
      version: parseGitLabVersion('18.5.1'),
      token: { scopes: ['read_api'], canDelete: false, daysLeft: 3, expiresOn: '2026-11-28' },
    };
    m.instanceStatusChanged();
    assert.equal(shown(first).description, 'token expires in 3 days · read-only token · GitLab 18.5');
    assert.equal(shown(first).iconColor, 'warning');
    assert.equal(shown(pkg).contextValue, 'package', 'no delete action on a read-only token');
    status = { instanceUrl: fake.url, hasToken: false, token: {} };
    m.instanceStatusChanged();
    assert.equal(shown(first).description, 'no token');
  });

  it('applies a token state that became known while the root was still loading', async () => {
    let status: InstanceStatus | undefined = undefined;
    // GitLab holds the project lookup: the root is loading for as long as the test says.
    const lookup = fake.hold({ method: 'GET', path: '/api/v4/projects/acme%2Fapp' });
    const m = model({ projects: ['acme/app'], status: () => status });
    const loading = m.children();
    await lookup.arrived();
    status = { instanceUrl: fake.url, hasToken: true, token: { canDelete: false } };
    m.instanceStatusChanged();
    lookup.release();
    const [app] = (await loading) as ProjectNode[];
    assert.equal(app.readOnly, true);
  });

  it('lists instances at the root when a detected project is on another instance than the configured ones', async () => {
    const m = new PackagesTreeModel({
      entries: () => [parseProjectEntry('acme/app', fake.url)],
      detectedProjects: () => {
        const e = parseProjectEntry(`${other.url}/platform/tools`, fake.url);
        return e.ok ? [e.ref] : [];
      },
      clientFor: (ref) => clientFor(ref.instanceUrl, ref.instanceUrl === other.url ? 'other-token' : SAMPLE.apiToken),
      hasToken: () => Promise.resolve(true),
      onDidChange: () => undefined,
    });
    const roots = await m.children();
    assert.deepEqual(
      roots.map((r) => r.kind),
      ['instance', 'instance'],
    );
    assert.deepEqual(labels(await m.children(roots[0])), ['platform/tools']);
  });

  it('says which GitLab a group list needs instead of "not found" on a server before 12.5', async () => {
    fake.version = '12.4.0';
    const m = model({ projects: [], groups: ['acme'] });
    const [group] = await m.children();
    const rows = await m.children(group);
    assert.deepEqual(labels(rows), [`Listing a group’s packages needs GitLab 12.5 or later; ${new URL(fake.url).host} runs 12.4.0.`]);
  });

  it('works through on a GitLab 11.9 server: projects, packages, files; a group says what it needs', async () => {
    fake.version = '11.9.0';
    const m = model({ projects: ['legacy/old-server'], groups: ['acme'] });
    const [legacy, group] = (await m.children()) as ProjectNode[];
    const pkgs = (await m.children(legacy)).filter((r): r is PackageNode => r.kind === 'package');
    assert.ok(pkgs.length > 0);
    assert.ok((await m.children(pkgs[0])).some((r) => r.kind === 'packageFile'));
    assert.match(shown((await m.children(group))[0]).label, /needs GitLab 12\.5 or later; .* runs 11\.9\.0/);
  });

  it('filters here on a server too old to filter, instead of trusting a list it did not filter', async () => {
    fake.version = '12.1.0';
    const m = model({ projects: ['acme/app'], filter: { packageType: 'npm' } });
    const [app] = await m.children();
    const rows = await m.children(app);
    assert.match(shown(rows[0]).label, /filtered here/);
    const types = rows.filter((r): r is PackageNode => r.kind === 'package').map((r) => r.pkg.packageType);
    assert.ok(types.length > 0);
    assert.deepEqual([...new Set(types)], ['npm']);
    assert.ok(!fake.requests.some((r) => r.path.endsWith('/packages') && 'package_type' in r.query), 'no filter sent to a server that would ignore it');
  });
});

describe('an instance under a sub-path (https://host/gitlab), over HTTP', () => {
  let fake: FakeGitLab;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none', basePath: '/gitlab' });
    seedSample(fake);
  });
  after(() => fake.stop());

  it('asks everything below /gitlab/api/v4, pages through, and gets links under the sub-path', async () => {
    assert.match(fake.url, /\/gitlab$/);
    const client = new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', maxRetries: 0 });
    const m = new PackagesTreeModel({
      // As with gitlabPackages.instanceUrl = https://host/gitlab: a URL below it belongs to it.
      entries: () => [parseProjectEntry(`${fake.url}/${SAMPLE.projects.big.path}`, fake.url, [fake.url])],
      clientFor: () => client,
      hasToken: () => Promise.resolve(true),
      onDidChange: () => undefined,
      batchMs: 0,
    });
    const [big] = (await m.children()) as ProjectNode[];
    assert.equal(big.project?.pathWithNamespace, SAMPLE.projects.big.path);
    assert.equal(big.ref.instanceUrl, fake.url, 'the URL entry names the sub-path instance');
    await m.whenSettled(big);
    const rows = await m.children(big);
    const pkgs = rows.filter((r): r is PackageNode => r.kind === 'package');
    assert.equal(pkgs.length, 250, 'all three pages');
    assert.ok(fake.requests.length > 3);
    assert.deepEqual(
      fake.requests.filter((r) => !r.path.startsWith('/gitlab/api/v4/')),
      [],
      'nothing outside the sub-path',
    );
    assert.match(pkgs[0].pkg.webPath ?? '', /^\/gitlab\/acme\/big\/-\/packages\/\d+$/);
    await client.deletePackage(big.project.id, pkgs[0].pkg.id);
    assert.equal(fake.requests.at(-1)?.path, `/gitlab/api/v4/projects/${big.project.id}/packages/${pkgs[0].pkg.id}`);
  });
});
