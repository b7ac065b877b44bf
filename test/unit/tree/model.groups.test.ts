import type { ListNode } from '../../../src/tree/rows';
import { strict as assert } from 'node:assert';
import { nodeFetch as fetch } from '../../../src/platform/node';
import { deletePackages } from '../../../src/core/delete/bulkDelete';
import { GitLabClient } from '../../../src/gitlab/client';
import { parseGroupEntry, parseProjectEntry } from '../../../src/core/projects/projectRef';
import { PackagesTreeModel } from '../../../src/tree/model';
import { type PackageNode, type ProjectNode, type TreeNode } from '../../../src/tree/nodes';
import { shown } from '../../support/shown';
import { FakeGitLab } from '../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../fake-gitlab/seed';

describe('group view and group by name', () => {
  let fake: FakeGitLab;
  let client: GitLabClient;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
    client = new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', maxRetries: 0 });
  });
  after(() => fake.stop());

  const model = (opts: { projects?: string[]; groups?: string[]; byName?: boolean; subgroups?: boolean }) =>
    new PackagesTreeModel({
      entries: () => (opts.projects ?? []).map((e) => parseProjectEntry(e, fake.url)),
      groupEntries: () => (opts.groups ?? []).map((e) => parseGroupEntry(e, fake.url)),
      includeSubgroups: () => opts.subgroups ?? true,
      groupByName: () => opts.byName ?? false,
      clientFor: () => client,
      hasToken: () => Promise.resolve(true),
      onDidChange: () => undefined,
    });

  const settled = async (m: PackagesTreeModel, n: TreeNode): Promise<TreeNode[]> => {
    await m.whenSettled(n as ListNode);
    return m.children(n);
  };

  it('group entries may be top-level paths, ids or URLs', () => {
    const g = parseGroupEntry('acme', fake.url);
    assert.ok(g.ok && g.ref.key === 'acme');
    const u = parseGroupEntry(`${fake.url}/groups/acme/platform/-/packages`, fake.url);
    assert.ok(u.ok && u.ref.key === 'acme/platform');
    assert.equal(parseProjectEntry('acme', fake.url).ok, false);
  });

  it("a group lists its projects' packages, each naming its project; delete goes to that project", async () => {
    fake.clearRequests();
    const m = model({ groups: ['acme'] });
    const group = (await m.children())[0] as ProjectNode;
    assert.equal(shown(group).label, 'acme');
    assert.equal(shown(group).description, 'group');
    assert.equal(shown(group).contextValue, 'group');
    const rows = (await settled(m, group)).filter((r): r is PackageNode => r.kind === 'package');
    assert.ok(fake.requests.some((r) => r.path === '/api/v4/groups/acme/packages'));
    const projects = new Set(rows.map((r) => r.pkg.projectPath));
    assert.deepEqual([...projects].sort(), ['acme/app', 'acme/big', 'acme/fips', 'acme/readonly']);
    const fips = rows.find((r) => r.pkg.name === 'fips-lib')!;
    assert.match(shown(fips).description ?? '', /1\.0\.0 · generic · acme\/fips$/);
    const outcome = await deletePackages(client, [{ project: fips.pkg.projectId!, packageId: fips.pkg.id }], { concurrency: 1 });
    assert.ok(outcome[0].ok);
    assert.equal(fake.requests.at(-1)!.path, `/api/v4/projects/${SAMPLE.projects.fips.id}/packages/${fips.pkg.id}`);
  });

  it('a group that does not exist says so when expanded', async () => {
    const m = model({ groups: ['nope'] });
    const rows = await m.children((await m.children())[0]);
    assert.equal(shown(rows[0]).label, 'Group not found');
  });

  it('group by name: one row per name and type, versions below', async () => {
    const m = model({ projects: ['acme/app'], byName: true });
    const project = (await m.children())[0];
    const names = await settled(m, project);
    const maven = names.find((n) => shown(n).label === 'com/mycompany/my-app');
    assert.ok(maven && maven.kind === 'packageName');
    assert.equal(shown(maven).description, '2 versions · maven');
    assert.deepEqual((await m.children(maven)).map((r) => (r as PackageNode).pkg.version).sort(), ['0.9.0', '1.0-SNAPSHOT']);
    assert.ok(names.every((n) => n.kind === 'packageName'));
  });

  it("group by name: Conan versions are one name (GitLab's name is each version's recipe, conan_package_name the name)", async () => {
    const m = model({ projects: ['acme/app'], byName: true });
    const names = await settled(m, (await m.children())[0]);
    const conan = names.filter((n) => shown(n).label === 'Hello');
    assert.equal(conan.length, 1);
    assert.equal(shown(conan[0]).description, '3 versions · conan');
    assert.deepEqual((await m.children(conan[0])).map((r) => (r as PackageNode).pkg.name).sort(), [
      'Hello/0.1@mycompany/stable',
      'Hello/0.2@mycompany/stable',
      'Hello/0.2@mycompany/testing',
    ]);
  });

  it('group by name in a group: a name is one per project (as GitLab and the clean-up count it), each row saying its project', async () => {
    const twin = fake.addPackage(SAMPLE.projects.fips.id, { name: 'acme-tools', version: '0.5.0', packageType: 'pypi' });
    try {
      const m = model({ groups: ['acme'], byName: true });
      const names = await settled(m, (await m.children())[0]);
      const tools = names.filter((n) => shown(n).label === 'acme-tools');
      assert.deepEqual(tools.map((n) => shown(n).description).sort(), ['1 version · pypi · acme/app', '1 version · pypi · acme/fips']);
      const fipsRow = tools.find((n) => String(shown(n).description).endsWith('acme/fips'))!;
      assert.deepEqual(
        (await m.children(fipsRow)).map((r) => (r as PackageNode).pkg.id),
        [twin.id],
      );
    } finally {
      fake.markDeleted(twin.id);
    }
  });
});

describe('projects detected from git remotes', () => {
  let fake: FakeGitLab;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  });
  after(() => fake.stop());

  it('come first, marked as detected, and are not listed twice when also configured', async () => {
    const client = new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', maxRetries: 0 });
    const detected = ['acme/big', 'acme/app'].map((key) => ({ entry: `origin: ${key}`, instanceUrl: fake.url, origin: fake.url, key }));
    const m = new PackagesTreeModel({
      entries: () => [parseProjectEntry('acme/app', fake.url)],
      detectedProjects: () => detected,
      clientFor: () => client,
      hasToken: () => Promise.resolve(true),
      onDidChange: () => undefined,
    });
    const roots = await m.children();
    assert.deepEqual(
      roots.map((r) => [shown(r).label, shown(r).description]),
      [
        ['acme/big', 'detected'],
        ['acme/app', undefined],
      ],
    );
    assert.equal(shown(roots[0]).contextValue, 'project.detected');
  });
});
