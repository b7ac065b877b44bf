/**
 * Add Rule…: every step escapable, one modal naming the rule and what it covers with an explicit
 * verb, exactly one POST, the rules read again, one message; before GitLab 17.11 no delete step.
 */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('Add Rule…', () => {
  const t = harnessPerTest();
  const start = (settings: Record<string, unknown> = { projects: ['acme/app'] }) => t.start({ settings, token: SAMPLE.apiToken });
  const rulesRow = (h: Harness) => h.find('acme/app', 'Protection Rules');
  const ruleWrites = (h: Harness) => h.fake.requests.filter((r) => r.method !== 'GET' && r.path.includes('/protection/rules'));

  it('Add Rule…: pattern, type, push, delete; one modal naming the rule and what it covers; one POST; the package then shows its lock', async () => {
    const h = await start();
    const rules = await rulesRow(h);
    h.ui.type('acme-*').pick('pypi', 'owner+', 'admin+').answer('Add Rule');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    assert.equal(h.ui.modals.length, 1);
    const [modal] = h.ui.modals;
    assert.equal(modal.text, 'Add protection rule acme-* (pypi) to acme/app?');
    assert.match(modal.detail ?? '', /push: owner\+, delete: admin\+/);
    assert.match(modal.detail ?? '', /It covers 1 of the packages listed:\n• acme-tools 0\.4\.0/);
    assert.deepEqual(modal.buttons, ['Add Rule']);
    const posts = ruleWrites(h);
    assert.equal(posts.length, 1);
    assert.deepEqual(posts[0].body, {
      package_name_pattern: 'acme-*',
      package_type: 'pypi',
      minimum_access_level_for_push: 'owner',
      minimum_access_level_for_delete: 'admin',
    });
    assert.equal(h.ui.toasts.at(-1)?.text, 'Added protection rule acme-* (pypi) (push: owner+, delete: admin+).');
    assert.equal((await rulesRow(h)).description, '3 rules');
    const tools = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    assert.match(tools.description ?? '', /🔒 protected$/);
    assert.equal(tools.item.contextValue, 'package', 'an owner may not delete what only an administrator may');
  });

  it('Add Rule… ended at any step, or at the modal, sends nothing', async () => {
    const h = await start();
    const rules = await rulesRow(h);
    h.ui.type(undefined);
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    h.ui.type('x-*').pick(undefined);
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    h.ui.type('x-*').pick('npm', 'maintainer+', 'owner+').answer('Cancel');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    assert.equal(h.ui.modals.length, 1);
    assert.deepEqual(ruleWrites(h), []);
    assert.deepEqual(h.ui.toasts, []);
  });

  it('Add Rule… that restricts nothing is not sent; one for a pattern already taken shows GitLab’s 422 once', async () => {
    const h = await start();
    const rules = await rulesRow(h);
    h.ui.type('x-*').pick('npm', 'developer+', 'maintainer+');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    assert.deepEqual(ruleWrites(h), []);
    assert.equal(h.ui.toasts.at(-1)?.text, 'A rule must restrict push or delete; nothing was added.');
    h.ui.type('@acme/*').pick('npm', 'owner+', 'owner+').answer('Add Rule');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    assert.equal(ruleWrites(h).length, 1);
    assert.equal(h.ui.errors.length, 1);
    assert.match(h.ui.errors[0].text, /HTTP 422.*already been taken/);
    assert.doesNotMatch(h.ui.errors[0].text, /[{["]/, "GitLab's validation errors read as a sentence, not as JSON");
    assert.equal(h.fake.protectionRulesOf(APP).length, 2);
  });

  it('on GitLab 17.6–17.10: no delete step, the POST names no delete level, rules say only push', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, prepareFake: (f) => (f.version = '17.8.2') });
    const rules = await rulesRow(h);
    assert.equal((await h.rows(rules.node))[0].description, 'npm · push: maintainer+');
    h.ui.type('acme-*').pick('pypi', 'owner+').answer('Add Rule');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    assert.equal(h.ui.quickPicks.length, 2);
    assert.ok(!(h.ui.quickPicks[1].items as vscode.QuickPickItem[]).some((i) => i.label === 'developer+'), 'a push level is required before 17.11');
    assert.deepEqual(ruleWrites(h)[0].body, { package_name_pattern: 'acme-*', package_type: 'pypi', minimum_access_level_for_push: 'owner' });
    assert.equal((await h.pkg('acme/app', 'protected-release', '1.0.0')).item.contextValue, 'package.deletable', 'no delete protection before 17.11');
  });
});
