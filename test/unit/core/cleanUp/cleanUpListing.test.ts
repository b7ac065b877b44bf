/**
 * What a clean-up can list and delete, as GitLab has it: hidden (processing, pending
 * destruction) packages and terraform modules are left out of lists unless asked for; the
 * single-package routes, DELETE too, find only default, error and deprecated packages. A name
 * row lists its own type; each listing is counted apart, and one GitLab refuses is said.
 */
import { strict as assert } from 'node:assert';
import { listEveryPackage, listingQueries, listingTypes, type ListingProgress } from '../../../../src/core/cleanUp/cleanUpListing';
import { NotFoundError } from '../../../../src/gitlab/errors';
import { text, word } from '../../../../src/util/text';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

const APP = SAMPLE.projects.app.id;

describe('clean-up listing', () => {
  const fake = useSampleFake();

  it('the fake as GitLab: hidden packages and terraform modules are listed only when asked; a hidden package cannot be deleted', async () => {
    const hidden = fake().addPackage(APP, { name: 'half-upload', version: '1.0.0', packageType: 'generic', status: 'hidden' });
    try {
      const client = fakeClient(fake());
      const names = async (query: Parameters<typeof client.projectPackagesPage>[1]) =>
        (await client.projectPackagesPage(APP, query, 1)).items.map((p) => `${p.name} ${p.status ?? ''}`);
      const listed = await names({});
      assert.ok(!listed.includes('half-upload hidden'));
      assert.ok(!listed.some((n) => n.startsWith('acme-network ')));
      assert.deepEqual(await names({ status: 'hidden' }), ['half-upload hidden']);
      assert.deepEqual(await names({ packageType: 'terraform_module' }), ['acme-network default']);
      await assert.rejects(client.deletePackage(APP, hidden.id), NotFoundError);
      assert.equal(fake().getPackage(hidden.id)?.status, 'hidden');
    } finally {
      fake().getPackage(hidden.id)!.status = 'pending_destruction';
    }
  });

  it('a listing stops at its cap, asks nothing past it, and says so (a server that always names a next page ends too)', async () => {
    const big = SAMPLE.projects.big.id;
    const all = await listEveryPackage(fakeClient(fake()), { kind: 'project', key: big });
    assert.ok(all.packages.length > 200, `acme/big has ${all.packages.length}`);
    assert.deepEqual(all.notes, []);
    fake().clearRequests();
    const capped = await listEveryPackage(fakeClient(fake()), { kind: 'project', key: big }, undefined, undefined, 2);
    assert.equal(capped.packages.length, 200);
    assert.deepEqual(
      capped.notes.map((n) => word(n)),
      ['Stopped listing at 200 packages; the rest were not looked at'],
    );
    assert.equal(fake().requests.filter((r) => r.path.endsWith('/packages')).length, 2);
  });

  it('terraform modules are listed, with package_type, when the rule names their type', async () => {
    assert.deepEqual(listingQueries(undefined), [{}]);
    assert.deepEqual(listingQueries(['npm']), [{}]);
    assert.deepEqual(listingQueries(['terraform_module']), [{ packageType: 'terraform_module' }]);
    assert.deepEqual(listingQueries(['npm', 'terraform_module']), [{}, { packageType: 'terraform_module' }]);
    fake().clearRequests();
    const { packages: all } = await listEveryPackage(fakeClient(fake()), { kind: 'project', key: APP, packageTypes: ['generic', 'terraform_module'] });
    assert.ok(all.some((p) => p.packageType === 'terraform_module' && p.name === 'acme-network'));
    assert.ok(all.some((p) => p.packageType === 'generic'));
    assert.deepEqual(
      fake()
        .requests.filter((r) => r.path.endsWith('/packages'))
        .map((r) => r.query.package_type),
      [undefined, 'terraform_module'],
    );
    const { packages: group } = await listEveryPackage(fakeClient(fake()), { kind: 'group', key: 'acme', packageTypes: ['terraform_module'] });
    assert.deepEqual(
      group.map((p) => p.name),
      ['acme-network'],
    );
  });

  it("a name row lists its own type: terraform_module with package_type, whatever the rule's types", () => {
    assert.deepEqual(listingTypes(['npm'], 'terraform_module'), ['terraform_module']);
    assert.deepEqual(listingTypes(['npm'], undefined), ['npm']);
    assert.deepEqual(listingQueries(listingTypes(undefined, 'terraform_module')), [{ packageType: 'terraform_module' }]);
    assert.deepEqual(listingQueries(listingTypes(undefined, 'npm')), [{}]);
  });

  it('two listings are counted apart; a GitLab before 13.11 refuses terraform modules, and the rest is listed, saying so', async () => {
    const progress: ListingProgress[] = [];
    const types = ['generic', 'terraform_module'];
    const listing = await listEveryPackage(fakeClient(fake()), { kind: 'project', key: SAMPLE.projects.app.id, packageTypes: types }, undefined, (p) =>
      progress.push(p),
    );
    assert.deepEqual(listing.notes, []);
    const generic = listing.packages.length - 1;
    assert.deepEqual(progress, [
      { listed: generic, total: generic, part: 1, parts: 2 },
      { listed: 1, total: 1, part: 2, parts: 2 },
    ]);
    fake().clearRequests();
    fake().version = '13.10.3-ee';
    try {
      const old = await listEveryPackage(fakeClient(fake()), { kind: 'project', key: SAMPLE.projects.app.id, packageTypes: types });
      assert.deepEqual(
        old.notes.map((t) => word(t)),
        [word(text('GitLab refused package_type={0} (HTTP 400: a GitLab before 13.11): none were listed', 'terraform_module'))],
      );
      assert.equal(old.packages.length, generic);
      assert.deepEqual(
        fake().requests.map((r) => r.query.package_type),
        [undefined, 'terraform_module'],
      );
    } finally {
      fake().version = '18.5.1-ee';
    }
  });
});
