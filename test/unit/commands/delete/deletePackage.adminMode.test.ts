/**
 * Delete Package… by an instance administrator where GitLab's Admin Mode is enabled: with the
 * `admin_mode` scope no protection rule refuses; without it the delete is offered and GitLab
 * decides — its 403 says Admin Mode.
 */
import { strict as assert } from 'node:assert';
import { ADMIN_MODE, adminModeOptions, protectedRelease, tooltip } from '../../../support/adminMode';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('Delete Package… by administrators, and Admin Mode', () => {
  const t = harnessPerTest();

  it('without the admin_mode scope where Admin Mode is on: offered, GitLab refuses, and its 403 says Admin Mode', async () => {
    const h = await t.start(adminModeOptions(SAMPLE.adminToken, true));
    const row = await protectedRelease(h);
    assert.equal(row.item.contextValue, 'package.deletable', 'GitLab decides');
    assert.match(await tooltip(h, row), /GitLab decides: administrators need Admin Mode/);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(h.requests('DELETE', /\/packages\/\d+$/).length, 1);
    assert.equal(h.ui.errors.length, 1);
    assert.ok(h.ui.errors[0].text.includes(`Package is deletion protected.): ${ADMIN_MODE}`), h.ui.errors[0].text);
    assert.equal(h.fake.packagesOf(APP).find((p) => p.name === 'protected-release')?.status, 'default');
  });

  it('with the admin_mode scope: no rule refuses, and GitLab deletes', async () => {
    const h = await t.start(adminModeOptions(SAMPLE.adminModeToken, true));
    const row = await protectedRelease(h);
    assert.equal(row.item.contextValue, 'package.deletable');
    assert.doesNotMatch(await tooltip(h, row), /GitLab decides/);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.deepEqual(h.ui.errors, []);
    assert.equal(h.fake.packagesOf(APP).find((p) => p.name === 'protected-release')?.status, 'pending_destruction');
  });
});
