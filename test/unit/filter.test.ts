import { strict as assert } from 'node:assert';
import { nodeFetch as fetch } from '../../src/platform/node';
import { GitLabClient } from '../../src/gitlab/client';
import { parsePackage } from '../../src/gitlab/models';
import { parseProjectEntry } from '../../src/core/projectRef';
import { applyLocally, describeFilter, isDefault, toQuery, type PackageFilter } from '../../src/core/packageFilter';
import { PackagesTreeModel } from '../../src/tree/model';
import { type PackageNode, type ProjectNode } from '../../src/tree/nodes';
import { shown } from './shown';
import { word } from '../../src/util/text';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';

const pkg = (id: number, name: string, version: string, type: string, created: string) =>
  parsePackage({ id, name, version, package_type: type, created_at: created });

describe('filter and sort', () => {
  it('goes to the server as query parameters, newest first by default', () => {
    assert.deepEqual(toQuery({}), {
      orderBy: 'created_at',
      sort: 'desc',
      packageType: undefined,
      packageName: undefined,
      packageVersion: undefined,
      status: undefined,
    });
    assert.equal(toQuery({ packageType: 'npm', orderBy: 'name', sort: 'asc' }).packageType, 'npm');
    assert.ok(isDefault({ orderBy: 'created_at', sort: 'desc' }));
    assert.ok(!isDefault({ sort: 'asc' }));
  });

  it('reads as words for the view description', () => {
    assert.equal(describeFilter({}), undefined);
    assert.equal(
      word(describeFilter({ packageType: 'maven', packageName: 'app', orderBy: 'name', sort: 'asc' })!),
      'type: maven · name: app · sorted by name ↑',
    );
  });

  it('applies locally the same way the server does (substring name, exact version, sort)', () => {
    const pkgs = [pkg(1, 'Alpha', '1.0', 'npm', '2025-01-01'), pkg(2, 'beta-alpha', '2.0', 'npm', '2025-02-01'), pkg(3, 'gamma', '1.0', 'maven', '2025-03-01')];
    const f: PackageFilter = { packageName: 'ALPHA', orderBy: 'name', sort: 'desc' };
    assert.deepEqual(
      applyLocally(pkgs, f).map((p) => p.id),
      [2, 1],
    );
    assert.deepEqual(
      applyLocally(pkgs, { packageVersion: '1.0' }).map((p) => p.id),
      [3, 1],
    );
  });

  describe('in the tree', () => {
    let fake: FakeGitLab;
    before(async () => {
      fake = await FakeGitLab.start({ seed: 'none' });
      seedSample(fake);
    });
    after(() => fake.stop());

    const model = (entry: string, filter: PackageFilter) => {
      const client = new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', maxRetries: 0 });
      return new PackagesTreeModel({
        entries: () => [parseProjectEntry(entry, fake.url)],
        clientFor: () => client,
        hasToken: () => Promise.resolve(true),
        onDidChange: () => undefined,
        filterFor: () => filter,
        batchMs: 0,
      });
    };

    it('sends the filter, shows it on the project row, and says when nothing matches', async () => {
      fake.clearRequests();
      const m = model('acme/app', { packageType: 'conan' });
      const project = (await m.children())[0] as ProjectNode;
      assert.equal(shown(project).description, 'type: conan');
      const rows = (await m.children(project)) as PackageNode[];
      assert.deepEqual(
        rows.map((r) => `${shown(r).label} ${r.pkg.version}`),
        ['Hello 0.2', 'Hello 0.2', 'Hello 0.1'],
      );
      assert.equal(fake.requests.find((r) => r.path.endsWith('/packages'))?.query.package_type, 'conan');
      const none = model('acme/app', { packageName: 'no-such-thing' });
      assert.equal(shown((await none.children((await none.children())[0]))[0]).label, 'No packages match the filter');
    });

    it('an old server that ignores the parameters still shows only matching packages', async () => {
      const m = model('legacy/old-server', { packageType: 'npm' });
      const rows = (await m.children((await m.children())[0])) as PackageNode[];
      assert.deepEqual(
        rows.map((r) => r.pkg.name),
        ['legacy-widgets'],
      );
    });

    it('a server that rejects the filter (400) gets it applied here, with a note saying so', async () => {
      fake.fail({ path: '/api/v4/projects/101/packages' }, { status: 400, body: { error: 'status does not have a valid value' } }, 1);
      const m = model('acme/app', { packageType: 'maven', orderBy: 'version', sort: 'asc' });
      const rows = await m.children((await m.children())[0]);
      assert.match(shown(rows[0]).label, /filtered here/);
      assert.deepEqual(
        rows.slice(1).map((r) => (r as PackageNode).pkg.version),
        ['0.9.0', '1.0-SNAPSHOT'],
      );
    });
  });
});
