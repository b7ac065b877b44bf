/**
 * Add Group…: a group path, id or URL, checked by reading one page of its packages before it is
 * written to `gitlabPackages.groups`; a token offered first when the group may be private.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';

const GROUP_PACKAGES = '/api/v4/groups/acme/packages';

describe('Add Group…', () => {
  const t = harnessPerTest();
  const groupLookups = (h: Harness) => h.requests('GET', GROUP_PACKAGES).map((r) => `${r.status} ${r.tokenKnown ? 'token' : 'anonymous'}`);

  it("a group path: looked up, written to the user settings, and its projects' packages listed under it", async () => {
    const h = await t.start({ settings: { projects: [] }, token: SAMPLE.apiToken });
    h.ui.type('acme');
    await h.run('gitlabPackages.addGroup');
    assert.deepEqual(groupLookups(h), ['200 token'], 'one page of its packages read first');
    assert.deepEqual(h.inspect('groups')?.globalValue, ['acme']);
    assert.deepEqual(h.ui.errors, []);
    assert.equal(h.ui.toasts.at(-1)?.text, 'Added acme.', 'said, as Add Project… says it');
    const group = await h.find('acme');
    assert.equal(group.item.contextValue, 'group');
    const rows = await h.settledRows(group.node);
    const projectsListed = new Set(rows.map((r) => r.description?.split(' · ').at(-1)));
    for (const project of ['acme/app', 'acme/big']) assert.ok(projectsListed.has(project), `${project}'s packages are listed`);
    assert.ok(
      rows.some((r) => r.label === 'acme-tools' && r.description?.startsWith('0.4.0 ·') && r.description.includes('acme/app')),
      'acme-tools 0.4.0 of acme/app',
    );
  });

  it('input is refused as it is typed, with the reason; a group GitLab does not know is said so and not written', async () => {
    const h = await t.start({ settings: { projects: [] }, token: SAMPLE.apiToken });
    h.ui.type('acme platform', 'no-such-group');
    await h.run('gitlabPackages.addGroup');
    const [box] = h.ui.inputBoxes;
    assert.deepEqual(
      box.attempts.map((a) => [a.value, a.verdict]),
      [
        ['acme platform', '"acme platform" is not a group path, a numeric id or a group URL'],
        ['no-such-group', undefined],
      ],
    );
    assert.deepEqual(
      h.ui.errors.map((m) => m.text),
      ['Group no-such-group was not found, or your token has no access to it.'],
    );
    assert.deepEqual(h.ui.modals, [], 'a token is set: none is offered');
    assert.deepEqual(h.setting('groups'), [], 'nothing written');
  });

  it('a group already listed is not added twice, nor looked up', async () => {
    const h = await t.start({ settings: { projects: [], groups: ['acme'] }, token: SAMPLE.apiToken });
    h.fake.clearRequests();
    h.ui.type('acme');
    await h.run('gitlabPackages.addGroup');
    assert.equal(h.ui.toasts.at(-1)?.text, 'acme is already in the list.');
    assert.deepEqual(groupLookups(h), []);
    assert.deepEqual(h.inspect('groups')?.globalValue, ['acme']);
  });

  it('a private group on an instance without a token: offers (modal) to set one first, then adds the group once the token is checked', async () => {
    const h = await t.start({ settings: { projects: [] } });
    const host = new URL(h.fake.url).host;
    h.ui.type('acme', SAMPLE.apiToken).answer('Set Access Token…');
    await h.run('gitlabPackages.addGroup');
    assert.deepEqual(
      h.ui.modals.map((m) => [m.text, m.detail, m.buttons]),
      [[`acme was not found. If it is private, set an access token for ${host} first.`, 'It is added once the token is checked.', ['Set Access Token…']]],
    );
    // The token input is for this instance (no question which), checked, stored; then the group is looked up again with it.
    assert.equal(h.ui.quickPicks.length, 0);
    assert.equal(h.ui.inputBoxes[1]?.options.password, true);
    assert.equal(h.storedToken(h.fake.url), SAMPLE.apiToken);
    const order = h.fake.requests.filter((r) => [GROUP_PACKAGES, '/api/v4/user'].includes(r.path)).map((r) => `${r.path} ${r.status} ${r.tokenKnown}`);
    assert.deepEqual(order, [`${GROUP_PACKAGES} 404 false`, '/api/v4/user 200 true', `${GROUP_PACKAGES} 200 true`]);
    assert.deepEqual(h.inspect('groups')?.globalValue, ['acme']);
    assert.deepEqual(h.ui.errors, []);
  });

  it('declining the token offer adds nothing and asks nothing more', async () => {
    const h = await t.start({ settings: { projects: [] } });
    h.ui.type('acme').answer(undefined);
    await h.run('gitlabPackages.addGroup');
    assert.equal(h.ui.modals.length, 1);
    assert.equal(h.ui.inputBoxes.length, 1);
    assert.deepEqual(h.ui.messages.slice(1), [], 'nothing after the declined offer');
    assert.deepEqual(h.setting('groups'), [], 'nothing written');
  });

  it('on a GitLab before 12.5 (no group packages API): says which GitLab it needs rather than "not found", and adds nothing', async () => {
    const h = await t.start({ settings: { projects: [] }, token: SAMPLE.apiToken, prepareFake: (fake) => (fake.version = '12.4.0') });
    h.ui.type('acme');
    await h.run('gitlabPackages.addGroup');
    assert.deepEqual(
      h.ui.errors.map((m) => m.text),
      [`Listing a group’s packages needs GitLab 12.5 or later; ${new URL(h.fake.url).host} runs 12.4.0.`],
    );
    assert.deepEqual(h.setting('groups'), [], 'nothing written');
  });

  it('writes to the workspace settings when the group list lives there', async () => {
    const h = await t.start({
      settings: { projects: [] },
      workspaceSettings: { groups: ['legacy'] },
      workspaceFolders: ['/work/some-repo'],
      token: SAMPLE.apiToken,
    });
    h.ui.type('acme');
    await h.run('gitlabPackages.addGroup');
    assert.deepEqual(h.inspect('groups')?.workspaceValue, ['legacy', 'acme']);
    assert.equal(h.inspect('groups')?.globalValue, undefined);
  });
});
