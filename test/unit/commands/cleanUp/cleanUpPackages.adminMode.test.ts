/**
 * Clean-up by an instance administrator without the `admin_mode` scope where GitLab's Admin Mode
 * is enabled: packages a rule covers are candidates GitLab decides on, and the preview says so.
 */
import { strict as assert } from 'node:assert';
import { ADMIN_MODE, adminModeOptions, protectedRelease } from '../../../support/adminMode';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

describe('clean-up by administrators, and Admin Mode', () => {
  const t = harnessPerTest();

  it('clean-up counts such packages as candidates only with a note that GitLab decides', async () => {
    const h = await t.start(adminModeOptions(SAMPLE.adminToken, true));
    await protectedRelease(h);
    await h.run('gitlabPackages.copyCleanUpPreview', (await h.find('acme/app')).node, { namePattern: 'protected-*', keepNewest: 0 });
    assert.ok(h.ui.clipboard.includes('To delete (1)'), h.ui.clipboard);
    assert.ok(
      h.ui.clipboard.includes(
        `Note: 1 of the candidates are covered by a protection rule above your role: GitLab deletes them only if it lets you through (${ADMIN_MODE})`,
      ),
      h.ui.clipboard,
    );
  });
});
