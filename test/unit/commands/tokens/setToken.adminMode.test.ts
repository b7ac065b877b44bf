/** Set Token… replacing an administrator's token: the extension forgets that the user was an administrator. */
import { strict as assert } from 'node:assert';
import { adminModeOptions, protectedRelease, tooltip } from '../../../support/adminMode';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

describe('Set Token… after an administrator', () => {
  const t = harnessPerTest();

  it('an administrator token replaced by a non-administrator one: the protected package is refused here again', async () => {
    const h = await t.start(adminModeOptions(SAMPLE.adminModeToken, false));
    assert.equal((await protectedRelease(h)).item.contextValue, 'package.deletable');
    h.ui.type(SAMPLE.apiToken);
    await h.run('gitlabPackages.setToken');
    const row = await protectedRelease(h);
    assert.equal(row.item.contextValue, 'package', 'an owner, and no administrator');
    assert.match(await tooltip(h, row), /only admin\+ may delete it/);
  });
});
