/** Group by Package Name: the toggle and the view-title pair, written where the value comes from. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

describe('grouping by package name', () => {
  const t = harnessPerTest();
  const start = (more: Parameters<typeof t.start>[0] = {}) => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, ...more });

  it('Toggle Grouping by Package Name (user settings): the project lists names, then versions', async () => {
    const h = await start();
    await h.run('gitlabPackages.toggleGroupByName');
    assert.equal(h.inspect('groupByName')?.globalValue, true);
    const name = await h.find('acme/app', 'com/mycompany/my-app');
    assert.equal(name.item.contextValue, 'packageName');
    assert.equal(name.description, '2 versions · maven');
    assert.deepEqual(
      (await h.rows(name.node)).map((r) => r.description?.split(' · ')[0]),
      ['1.0-SNAPSHOT', '0.9.0'],
    );
    await h.run('gitlabPackages.toggleGroupByName');
    assert.equal(h.setting('groupByName'), false);
    assert.equal((await h.find('acme/app', { label: 'com/mycompany/my-app', description: '0.9.0 ·' })).item.contextValue, 'package.deletable');
  });

  it('the view-title pair shows the grouping state: Group by Package Name sets it, its twin clears it, the context key follows', async () => {
    const h = await start();
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.groupedByName'), false);
    await h.run('gitlabPackages.groupByName');
    assert.equal(h.setting('groupByName'), true);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.groupedByName'), true, 'the title now offers the other button');
    await h.run('gitlabPackages.groupByName');
    assert.equal(h.setting('groupByName'), true, 'not a toggle: pressing it again keeps it on');
    await h.run('gitlabPackages.ungroupByName');
    assert.equal(h.setting('groupByName'), false);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.groupedByName'), false);
  });

  // Toggle Grouping wrote user settings only: with the setting in the workspace, the effective
  // value never changed (issue 12).
  it('Toggle Grouping by Package Name changes the effective value when groupByName is set in workspace settings', async () => {
    const h = await start({ workspaceSettings: { groupByName: true }, workspaceFolders: ['/work/repo'] });
    assert.equal(h.setting('groupByName'), true);
    assert.equal((await h.find('acme/app', 'com/mycompany/my-app')).item.contextValue, 'packageName');
    await h.run('gitlabPackages.toggleGroupByName');
    assert.equal(
      h.setting('groupByName'),
      false,
      `still grouped (user: ${String(h.inspect('groupByName')?.globalValue)}, workspace: ${String(h.inspect('groupByName')?.workspaceValue)})`,
    );
    const rows = await h.rows((await h.find('acme/app')).node);
    assert.ok(!rows.some((r) => r.item.contextValue === 'packageName'), 'the tree is no longer grouped');
  });
});
