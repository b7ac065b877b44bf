/**
 * Activation in plain Node: the checks of test/extension-host/suite.ts (which needs a desktop
 * VS Code that cannot be downloaded here), against the `vscode` double and the fake GitLab.
 */
import { strict as assert } from 'node:assert';
import { contributedCommands, harnessPerTest, SAMPLE, VIEW_ID, waitFor } from '../support/double/harness';
import { twoInstances } from '../support/twoInstances';

describe('activation', () => {
  const t = harnessPerTest();

  it('registers every contributed command, and no command that is not contributed', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] } });
    assert.deepEqual([...h.vscode.commandHandlers.keys()].sort(), contributedCommands().sort());
    const all = new Set(await h.vscode.commands.getCommands(true));
    for (const id of contributedCommands()) assert.ok(all.has(id), id);
  });

  it('creates the contributed view (multi-select) and keeps the "no projects" context key current', async () => {
    const h = await t.start({ settings: { projects: [] } });
    assert.equal(h.view.viewId, VIEW_ID);
    assert.equal(h.view.options.canSelectMany, true);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.noProjects'), true);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.filtered'), false);
    assert.deepEqual(await h.rows(), []);
    await h.setSetting('projects', ['acme/app']);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.noProjects'), false);
    assert.deepEqual(
      (await h.rows()).map((r) => r.label),
      ['acme/app'],
    );
  });

  it('the provider lists projects, packages and files from the fake GitLab', async () => {
    const h = await t.start({ settings: { projects: ['acme/app', 'legacy/old-server'] }, token: SAMPLE.apiToken });
    const roots = await h.rows();
    assert.deepEqual(
      roots.map((r) => r.label),
      ['acme/app', 'legacy/old-server'],
    );
    const maven = await h.pkg('acme/app', 'com/mycompany/my-app', '1.0-SNAPSHOT');
    assert.equal(maven.description, '1.0-SNAPSHOT · maven');
    assert.equal(maven.item.contextValue, 'package.deletable');
    const files = await h.rows(maven.node);
    assert.equal(files.length, 3);
    assert.ok(files.every((f) => f.item.contextValue === 'packageFile.deletable'));
    const old = await h.rows(roots[1].node);
    assert.ok(old.length > 0 && old.every((p) => p.item.contextValue?.startsWith('package')));
    assert.ok(h.fake.requests.some((r) => r.path === '/api/v4/projects/acme%2Fapp' && r.auth === 'private-token' && r.tokenKnown));
  });

  it('SecretStorage round trip through Set Access Token… and Remove Access Token', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] } });
    const host = new URL(h.fake.url).host;
    h.ui.type(SAMPLE.apiToken);
    await h.run('gitlabPackages.setToken');
    // Only one instance: no "which instance?" question; a password box naming it.
    assert.equal(h.ui.quickPicks.length, 0);
    assert.equal(h.ui.inputBoxes.length, 1);
    assert.equal(h.ui.inputBoxes[0].options.password, true);
    assert.match(h.ui.inputBoxes[0].options.title ?? '', new RegExp(host.replace(/\./g, '\\.')));
    // Checked with GET /user before it is stored.
    assert.equal(h.requests('GET', '/api/v4/user').filter((r) => r.tokenKnown).length, 1);
    assert.equal(h.storedToken(h.fake.url), SAMPLE.apiToken);
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['info', `Signed in to ${host} as Demo User (@demo).`]],
    );
    // Never in settings or in the log.
    assert.ok(!JSON.stringify(Object.values(h.vscode.settings.layers).map((m) => [...m])).includes(SAMPLE.apiToken));
    assert.ok(!h.ui.log.some((l) => l.text.includes(SAMPLE.apiToken)));
    // The tree uses it from now on.
    h.fake.clearRequests();
    assert.ok((await h.rows((await h.find('acme/app')).node)).length > 5);
    assert.ok(h.requests('GET', '/api/v4/projects/101/packages').every((r) => r.tokenKnown));

    await h.run('gitlabPackages.clearToken');
    assert.equal(h.storedToken(h.fake.url), undefined);
    assert.equal(h.ui.toasts.at(-1)?.text, `Removed the access token for ${host}.`);
    h.fake.clearRequests();
    const rows = await h.rows((await h.find('acme/app')).node);
    assert.match(rows[0].label, /^No access token for /);
    assert.ok(h.fake.requests.length > 0 && h.fake.requests.every((r) => r.auth === 'none'));
  });

  it('a token GitLab rejects is not stored, and the user is told', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] } });
    h.ui.type('not-a-valid-token');
    void h.run('gitlabPackages.setToken');
    const error = await waitFor(() => h.ui.errors[0], 'an error message');
    assert.match(error.text, /rejected this token .*It was not saved\./);
    assert.equal(h.storedToken(h.fake.url), undefined);
  });

  it('disposing the subscriptions leaves no command, view or listener behind', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] } });
    await h.rows();
    await h.dispose();
    assert.equal(h.vscode.commandHandlers.size, 0);
    assert.ok(h.vscode.treeViews.length === 1 && h.vscode.treeViews.every((v) => v.disposed));
    assert.equal(h.vscode.settings.listenerCount, 0);
    assert.equal(h.context.secrets.listenerCount, 0);
    assert.equal(h.vscode.contentProviders.size, 0);
  });

  describe('with two instances', () => {
    const two = twoInstances(t);

    it('the root lists both instances, each with its project', async () => {
      const { h, hosts } = await two.start();
      assert.deepEqual(
        (await h.rows()).map((r) => r.label),
        hosts,
      );
      assert.deepEqual(
        (await h.rows((await h.find(hosts[1])).node)).map((r) => r.label),
        ['acme/app'],
      );
    });
  });
});
