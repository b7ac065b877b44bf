/**
 * What rule writes come to, in the command layer: the message words the rule GitLab returned
 * (a different answer is a warning, never "Saved"); where GitLab has delete protection switched
 * off (its feature flag, off by default) a delete level it did not keep or a delete-only rule
 * it refused is said so and the delete question is no longer asked there; and an instance
 * administrator is refused by no rule.
 */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('protection rule writes, delete protection switched off, administrators', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
  const rulesRow = (h: Harness) => h.find('acme/app', 'Protection Rules');
  const ruleWrites = (h: Harness) => h.fake.requests.filter((r) => r.method !== 'GET' && r.path.includes('/protection/rules'));

  it('Edit Rule… says what GitLab answered, not what was asked: an answer that kept the rule as it was is a warning, never "Saved"', async () => {
    const h = await start();
    const rule = await h.find('acme/app', 'Protection Rules', '@acme/*');
    const id = h.fake.protectionRulesOf(APP).find((r) => r.packageNamePattern === '@acme/*')!.id;
    const asItIs = { id, project_id: APP, package_name_pattern: '@acme/*', package_type: 'npm' };
    // A proxy that passed the PATCH on without its body: GitLab changed nothing and returned the rule as it was.
    h.fake.fail(
      { method: 'PATCH', path: /\/protection\/rules\/\d+$/ },
      { status: 200, body: { ...asItIs, minimum_access_level_for_push: 'maintainer', minimum_access_level_for_delete: 'owner' } },
      1,
    );
    h.ui.type('@acme/*').pick('npm', 'owner+', 'admin+').answer('Save Rule');
    await h.run('gitlabPackages.editProtectionRule', rule.node);
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [
        [
          'warning',
          'GitLab saved the protection rule as @acme/* (npm) · push: maintainer+, delete: owner+, not as asked (@acme/* (npm) · push: owner+, delete: admin+).',
        ],
      ],
    );
  });

  describe('where GitLab has delete protection switched off (feature flag packages_protected_packages_delete, off by default)', () => {
    const startOff = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, prepareFake: (f) => (f.deleteProtectionFlag = false) });
    const OFF =
      'GitLab has delete protection switched off for this project (feature flag packages_protected_packages_delete), so no rule restricts deleting here.';

    it('Add Rule… with a delete level: GitLab keeps none, that is said; the delete question is then no longer asked there', async () => {
      const h = await startOff();
      const rules = await rulesRow(h);
      h.ui.type('acme-*').pick('pypi', 'owner+', 'admin+').answer('Add Rule');
      await h.run('gitlabPackages.addProtectionRule', rules.node);
      assert.equal(ruleWrites(h)[0].status, 201);
      assert.deepEqual(
        h.ui.toasts.map((m) => [m.level, m.text]),
        [['warning', `Added protection rule acme-* (pypi) (push: owner+) without a delete level: ${OFF}`]],
      );
      const before = h.ui.quickPicks.length;
      h.ui.type('beta-*').pick('npm', 'maintainer+').answer('Add Rule');
      await h.run('gitlabPackages.addProtectionRule', rules.node);
      const asked = h.ui.quickPicks.slice(before);
      assert.deepEqual(
        asked.map((q) => q.options.placeHolder),
        ['Which package type does the rule protect?', 'Who may push (publish) matching packages?'],
      );
      assert.ok(!(asked[1].items as vscode.QuickPickItem[]).some((i) => i.label === 'developer+'), 'a push level is required: no delete-only rules');
      assert.deepEqual(ruleWrites(h)[1].body, { package_name_pattern: 'beta-*', package_type: 'npm', minimum_access_level_for_push: 'maintainer' });
      assert.equal(h.ui.toasts.at(-1)?.text, 'Added protection rule beta-* (npm) (push: maintainer+).');
    });

    it('Edit Rule… to another delete level: GitLab keeps the old one and reads it back null; said so, not "Saved"', async () => {
      const h = await startOff();
      const rule = await h.find('acme/app', 'Protection Rules', '@acme/*');
      h.ui.type('@acme/*').pick('npm', 'maintainer+', 'admin+').answer('Save Rule');
      await h.run('gitlabPackages.editProtectionRule', rule.node);
      assert.equal(ruleWrites(h)[0].status, 200);
      assert.deepEqual(
        h.ui.toasts.map((m) => [m.level, m.text]),
        [['warning', `Saved protection rule @acme/* (npm) (push: maintainer+) without the delete level asked for: ${OFF}`]],
      );
    });

    it('a delete-only rule: GitLab refuses it (422); said why, no error, and the delete question is no longer asked', async () => {
      const h = await startOff();
      const rules = await rulesRow(h);
      h.ui.type('x-*').pick('npm', 'developer+', 'owner+').answer('Add Rule');
      await h.run('gitlabPackages.addProtectionRule', rules.node);
      assert.equal(ruleWrites(h)[0].status, 422);
      assert.deepEqual(h.ui.errors, []);
      assert.equal(
        h.ui.toasts.at(-1)?.text,
        'GitLab has delete protection switched off for this project (feature flag packages_protected_packages_delete): a rule here must restrict push. Nothing was added.',
      );
      const before = h.ui.quickPicks.length;
      h.ui.type('x-*').pick('npm', 'owner+').answer('Add Rule');
      await h.run('gitlabPackages.addProtectionRule', rules.node);
      assert.equal(h.ui.quickPicks.length - before, 2, 'type and push only');
      assert.equal(ruleWrites(h)[1].status, 201);
    });
  });

  it('a delete-only rule refused 422 in another language (GitLab answers in the user\'s locale) is still read as "delete protection off"', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, prepareFake: (f) => (f.deleteProtectionFlag = false) });
    const rules = await rulesRow(h);
    // GitLab: lib/api/api.rb sets the locale from the user's preference; the model's message is translated.
    const german = { message: { error: ['Eine Regel muss mindestens eine Rolle für Push oder Löschen haben.'] } };
    h.fake.fail({ method: 'POST', path: /\/protection\/rules$/ }, { status: 422, body: german }, 1);
    h.ui.type('x-*').pick('npm', 'developer+', 'owner+').answer('Add Rule');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    assert.deepEqual(h.ui.errors, []);
    assert.match(h.ui.toasts.at(-1)?.text ?? '', /delete protection switched off for this project/);
  });

  it('"delete protection off" is kept per project (GitLab checks the flag per project) and forgotten when the project is refreshed', async () => {
    const h = await t.start({ settings: { projects: ['acme/app', 'acme/big'] }, token: SAMPLE.apiToken });
    // GitLab: the flag's actor is the project — off for acme/app only.
    h.fake.deleteProtectionFor.set(APP, false);
    const rules = await rulesRow(h);
    h.ui.type('x-*').pick('npm', 'developer+', 'owner+').answer('Add Rule');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    assert.equal(ruleWrites(h)[0].status, 422);
    const questions = async (project: string): Promise<number> => {
      const before = h.ui.quickPicks.length;
      h.ui.type('y-*').pick('npm', 'maintainer+', 'owner+').answer('Add Rule');
      await h.run('gitlabPackages.addProtectionRule', (await h.find(project, 'Protection Rules')).node);
      return h.ui.quickPicks.length - before;
    };
    assert.equal(await questions('acme/big'), 3, 'another project of the same GitLab is still asked who may delete');
    h.fake.deleteProtectionFor.set(APP, true);
    await h.run('gitlabPackages.refresh', (await h.find('acme/app')).node);
    assert.equal(await questions('acme/app'), 3, 'after a refresh the flag may be on again: asked');
  });

  it('an instance administrator (GET /user is_admin) is not refused by a rule: the delete is offered and GitLab decides', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.adminToken });
    const release = await h.pkg('acme/app', 'protected-release', '1.0.0');
    assert.match(release.description ?? '', /🔒 protected$/);
    assert.equal(release.item.contextValue, 'package.deletable', 'a Maintainer, but an administrator');
    assert.equal(h.requests('GET', '/api/v4/user').length, 1);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', release.node);
    assert.equal(h.requests('DELETE', /\/packages\/\d+$/).length, 1);
    assert.equal(h.fake.packagesOf(APP).find((p) => p.name === 'protected-release')?.status, 'pending_destruction');
    assert.deepEqual(h.ui.errors, []);
  });
});
