import { strict as assert } from 'node:assert';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { GitLabClient } from '../../../../src/gitlab/client';
import { parsePackage } from '../../../../src/gitlab/models';
import { parseGroupEntry, parseProjectEntry } from '../../../../src/core/projects/projectRef';
import { applyLocally, describeFilter, isDefault, nameTerms, toQuery, type PackageFilter } from '../../../../src/core/browse/packageFilter';
import { parseGitLabVersion } from '../../../../src/core/instances/versionGates';
import { PackagesTreeModel } from '../../../../src/tree/model';
import { type PackageNode, type ProjectNode } from '../../../../src/tree/nodes';
import { shown } from '../../../support/shown';
import { word } from '../../../../src/util/text';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { searchTerms } from '../../../fake-gitlab/store';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';

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

  it('name terms as GitLab splits them: squished, "quoted words" whole, every term however short, ANDed (issue 21)', () => {
    const cases: [string, string[]][] = [
      ['acme ui', ['acme', 'ui']],
      ['  acme\t\u00a0ui ', ['acme', 'ui']],
      ['"acme ui" x', ['x', 'acme ui']],
      ['"a "b c"', ['"a', 'b c']],
      ['a"b c"', ['a"b', 'c"']],
      ['"unclosed x', ['"unclosed', 'x']],
      ['""', ['""']],
      ['"x"y z"', ['"x"y', 'z"']],
      ['a  "b"', ['a', 'b']],
      ['50%_off', ['50%_off']],
      // Ruby's squish is /[[:space:]]+/ (Unicode White_Space): U+FEFF is not one, U+0085 and U+3000 are.
      ['\ufeffa b\ufeff', ['\ufeffa', 'b\ufeff']],
      ['a\ufeffb', ['a\ufeffb']],
      ['\u0085a\u3000b\u2028', ['a', 'b']],
    ];
    for (const [query, terms] of cases) {
      assert.deepEqual(nameTerms(query), terms, query);
      // The fake follows lib/gitlab/sql/pattern.rb with its own regex: both agree.
      assert.deepEqual(searchTerms(query), terms, `fake: ${query}`);
    }
    const pkgs = [
      pkg(1, '@acme/ui', '1.0', 'npm', '2025-01-01'),
      pkg(2, 'acme-tools', '1.0', 'npm', '2025-02-01'),
      pkg(3, 'ui-kit', '1.0', 'npm', '2025-03-01'),
    ];
    const names = (packageName: string) => applyLocally(pkgs, { packageName }).map((p) => p.name);
    assert.deepEqual(names('ACME ui'), ['@acme/ui']);
    assert.deepEqual(names('ui acme'), ['@acme/ui'], 'any order');
    assert.deepEqual(names('"acme ui"'), [], 'quoted: together');
    assert.deepEqual(names('ui'), ['ui-kit', '@acme/ui'], 'two characters are a term too');
    assert.deepEqual(names('a%'), [], '% is literal');
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

  it('orders locally as GitLab does: types by their enum number, versions as text', () => {
    const types = ['generic', 'composer', 'npm', 'maven', 'conan', 'cargo-from-a-newer-gitlab', 'pypi'];
    const pkgs = types.map((t, i) => pkg(i + 1, `p-${t}`, '1.0', t, '2025-01-01'));
    assert.deepEqual(
      applyLocally(pkgs, { orderBy: 'type', sort: 'asc' }).map((p) => p.packageType),
      ['maven', 'npm', 'conan', 'pypi', 'composer', 'generic', 'cargo-from-a-newer-gitlab'],
    );
    const versions = ['1.9.0', '1.10.0', '2.0.0'].map((v, i) => pkg(i + 1, 'lib', v, 'npm', '2025-01-01'));
    assert.deepEqual(
      applyLocally(versions, { orderBy: 'version', sort: 'desc' }).map((p) => p.version),
      ['2.0.0', '1.9.0', '1.10.0'],
    );
  });

  describe('in the tree', () => {
    let fake: FakeGitLab;
    before(async () => {
      fake = await FakeGitLab.start({ seed: 'none' });
      seedSample(fake);
    });
    after(() => fake.stop());

    beforeEach(() => {
      fake.version = '18.5.1-ee';
    });

    const model = (entry: string, filter: PackageFilter, withVersion = false, group = false) => {
      const client = new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', maxRetries: 0 });
      return new PackagesTreeModel({
        entries: () => (group ? [] : [parseProjectEntry(entry, fake.url)]),
        groupEntries: () => (group ? [parseGroupEntry(entry, fake.url)] : []),
        clientFor: () => client,
        hasToken: () => Promise.resolve(true),
        versionOf: withVersion ? () => Promise.resolve(parseGitLabVersion(fake.version)) : undefined,
        onDidChange: () => undefined,
        filterFor: () => filter,
      });
    };
    const labels = async (m: PackagesTreeModel) => (await m.children((await m.children())[0])).map((r) => shown(r).label);

    it('two words: the server’s answer is shown as it came, not filtered again as one substring (issue 21, defect 5)', async () => {
      fake.clearRequests();
      assert.deepEqual(await labels(model('acme/app', { packageName: 'acme ui' }, true)), ['@acme/ui']);
      assert.equal(fake.requests.find((r) => r.path.endsWith('/packages'))?.query.package_name, 'acme ui');
      assert.deepEqual(await labels(model('acme/app', { packageName: '"acme ui"' }, true)), ['No packages match the filter']);
    });

    it('servers that drop a parameter without a word get the filter applied here, with GitLab’s terms, and "No packages match" when none does', async () => {
      fake.version = '12.8.0';
      const old = await labels(model('acme/app', { packageName: 'ui acme' }, true));
      assert.match(old[0], /cannot apply this filter on the server: filtered here/);
      assert.deepEqual(old.slice(1), ['@acme/ui']);
      assert.deepEqual((await labels(model('acme/app', { packageName: 'acme zzz' }, true))).slice(1), ['No packages match the filter']);
      fake.version = '16.0.0'; // package_version came in 16.6
      const versions = await labels(model('acme/app', { packageVersion: '0.4.0' }, true));
      assert.deepEqual(versions.slice(1), ['acme-tools']);
      fake.version = '12.10.0'; // a group's package_name came in 13.0
      const group = await labels(model('acme', { packageName: 'acme ui' }, true, true));
      assert.match(group[0], /filtered here/);
      assert.deepEqual(group.slice(1), ['@acme/ui']);
      // Conan: GitLab searches the bare name, not the recipe `Hello/0.1@mycompany/stable` it sends as `name`.
      fake.version = '12.8.0';
      assert.deepEqual((await labels(model('acme/app', { packageName: 'stable' }, true))).slice(1), ['No packages match the filter']);
      assert.ok((await labels(model('acme/app', { packageName: 'hel' }, true))).slice(1).every((l) => l === 'Hello'));
    });

    it('a server that lacks one parameter (version before 16.6) still gets the others; only the rest is filtered here (issue 21 review)', async () => {
      fake.version = '16.0.0';
      fake.clearRequests();
      const rows = await labels(model('acme/app', { packageVersion: '0.4.0', packageName: 'tools', packageType: 'pypi', orderBy: 'name', sort: 'asc' }, true));
      assert.match(rows[0], /filtered here/);
      assert.deepEqual(rows.slice(1), ['acme-tools']);
      const query = fake.requests.find((r) => r.path.endsWith('/packages'))?.query;
      assert.equal(query?.package_name, 'tools');
      assert.equal(query?.package_type, 'pypi');
      assert.equal(query?.order_by, 'name');
      assert.equal(query?.package_version, undefined);
    });

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
      fake.version = '11.9.0';
      const rows = await labels(model('legacy/old-server', { packageType: 'npm' }, true));
      assert.match(rows[0], /filtered here/);
      assert.deepEqual(rows.slice(1), ['legacy-widgets']);
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
