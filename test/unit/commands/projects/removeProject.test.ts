/** Remove Project: from its row or from the palette, out of the settings and the tree. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

describe('Remove Project', () => {
  const t = harnessPerTest();

  it('Remove Project from a project row drops it from the settings and the tree', async () => {
    const h = await t.start({ settings: { projects: ['acme/app', 'acme/big'] }, token: SAMPLE.apiToken });
    const row = await h.find('acme/big');
    await h.run('gitlabPackages.removeProject', row.node);
    assert.deepEqual(h.inspect('projects')?.globalValue, ['acme/app']);
    assert.deepEqual(
      (await h.rows()).map((r) => r.label),
      ['acme/app'],
    );
  });

  it('Remove Project from the palette asks which entry', async () => {
    const h = await t.start({ settings: { projects: ['acme/app', 'acme/big'] }, token: SAMPLE.apiToken });
    h.ui.pick('acme/app');
    await h.run('gitlabPackages.removeProject');
    assert.deepEqual(h.ui.quickPicks[0].items, ['acme/app', 'acme/big']);
    assert.deepEqual(h.inspect('projects')?.globalValue, ['acme/big']);
  });
});
