/** Add Project…: looked up first (a token offered first for a private project), then written where the list lives. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

describe('Add Project…', () => {
  const t = harnessPerTest();

  it('a private project on an instance without a token: offers (modal) to set one, then adds the project once the token is checked', async () => {
    const h = await t.start({ settings: { projects: [] } });
    const host = new URL(h.fake.url).host;
    h.ui.type('acme/app', SAMPLE.apiToken).answer('Set Access Token…');
    await h.run('gitlabPackages.addProject');
    const [offer] = h.ui.modals;
    assert.equal(h.ui.modals.length, 1);
    assert.equal(offer.text, `acme/app was not found. If it is private, set an access token for ${host} first.`);
    assert.equal(offer.detail, 'It is added once the token is checked.');
    assert.deepEqual(offer.buttons, ['Set Access Token…']);
    // The token input is for this instance (no question which), checked, stored.
    assert.equal(h.ui.quickPicks.length, 0);
    assert.equal(h.ui.inputBoxes.length, 2);
    assert.equal(h.ui.inputBoxes[1].options.password, true);
    assert.equal(h.storedToken(h.fake.url), SAMPLE.apiToken);
    // Anonymous lookup (404), token check, lookup with the token, in that order.
    const order = h.fake.requests
      .filter((r) => ['/api/v4/projects/acme%2Fapp', '/api/v4/user'].includes(r.path))
      .map((r) => `${r.path} ${r.status} ${r.tokenKnown}`);
    assert.deepEqual(order, ['/api/v4/projects/acme%2Fapp 404 false', '/api/v4/user 200 true', '/api/v4/projects/acme%2Fapp 200 true']);
    assert.deepEqual(h.inspect('projects')?.globalValue, ['acme/app']);
    assert.equal(h.ui.toasts.at(-1)?.text, 'Added acme/app.');
    assert.deepEqual(
      (await h.rows()).map((r) => r.label),
      ['acme/app'],
    );
  });

  it('declining the token offer adds nothing and asks nothing more', async () => {
    const h = await t.start({ settings: { projects: [] } });
    h.ui.type('acme/app').answer(undefined);
    await h.run('gitlabPackages.addProject');
    assert.equal(h.ui.modals.length, 1);
    assert.equal(h.ui.inputBoxes.length, 1);
    assert.deepEqual(h.inspect('projects')?.globalValue, []);
    assert.deepEqual(h.ui.toasts, []);
  });

  it('the input is validated as it is typed: a bad entry is refused, a good one is looked up', async () => {
    const h = await t.start({ settings: { projects: [] }, token: SAMPLE.apiToken });
    h.ui.type('acme', 'acme/big');
    await h.run('gitlabPackages.addProject');
    const [box] = h.ui.inputBoxes;
    assert.equal(box.attempts.length, 2);
    assert.ok(box.attempts[0].verdict, 'a single segment is refused with a reason');
    assert.equal(box.attempts[1].verdict, undefined);
    assert.deepEqual(h.inspect('projects')?.globalValue, ['acme/big']);
  });

  it('a project already listed is not added twice', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
    h.ui.type(String(SAMPLE.projects.app.id));
    await h.run('gitlabPackages.addProject');
    assert.equal(h.ui.toasts.at(-1)?.text, 'acme/app is already in the list.');
    assert.deepEqual(h.inspect('projects')?.globalValue, ['acme/app']);
  });

  it('writes to the workspace settings when the list lives there', async () => {
    const h = await t.start({ settings: {}, workspaceSettings: { projects: ['acme/big'] }, workspaceFolders: ['/work/some-repo'], token: SAMPLE.apiToken });
    h.ui.type('acme/app');
    await h.run('gitlabPackages.addProject');
    assert.deepEqual(h.inspect('projects')?.workspaceValue, ['acme/big', 'acme/app']);
    assert.equal(h.inspect('projects')?.globalValue, undefined);
  });
});
