/** The tree with several instances, read-only tokens and old servers: instance rows, token state on them, what old servers cannot do. */
import { strict as assert } from 'node:assert';
import { InstanceFacts } from '../../../src/core/instances/instanceFacts';
import type { InstanceStatus } from '../../../src/core/instances/instanceHealth';
import { parseGitLabVersion } from '../../../src/core/instances/versionGates';
import { parseGroupEntry, parseProjectEntry } from '../../../src/core/projects/projectRef';
import { GitLabClient } from '../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../src/platform/node';
import { PackagesTreeModel } from '../../../src/tree/model';
import { type InstanceNode, type PackageNode, type ProjectNode, type TreeNode } from '../../../src/tree/nodes';
import { FakeGitLab } from '../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../fake-gitlab/seed';
import { shown } from '../../support/shown';

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
