/**
 * Edit Rule…: starts from the rule as it is, the modal says before and after, one PATCH. Where
 * GitLab may keep a delete level it does not show (its feature flag
 * `packages_protected_packages_delete` off: an edit keeps the old level, the answer reads null):
 * an edit clearing the delete level says the old one may apply again; an answer that changed
 * something else and dropped the delete level says the flag too; a delete-only rule is not
 * forced to take a push level just to be renamed.
 */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;
const FLAG = 'packages_protected_packages_delete';

describe('Edit Rule…', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
  const ruleWrites = (h: Harness) => h.fake.requests.filter((r) => r.method !== 'GET' && r.path.includes('/protection/rules'));

  it('Edit Rule…: starts from the rule as it is; the modal says before and after; one PATCH', async () => {
    const h = await start();
    const rule = await h.find('acme/app', 'Protection Rules', '@acme/*');
    h.ui.type('@acme/*').pick('npm', 'maintainer+', 'admin+').answer('Save Rule');
    await h.run('gitlabPackages.editProtectionRule', rule.node);
    assert.equal(h.ui.inputBoxes[0].options.value, '@acme/*');
    assert.equal(h.ui.quickPicks[1].items.length, 4, 'push: developer+ (no restriction), maintainer+, owner+, admin+');
    assert.equal((h.ui.quickPicks[1].items[0] as vscode.QuickPickItem).label, 'maintainer+', 'the current level first');
    assert.equal((h.ui.quickPicks[2].items[0] as vscode.QuickPickItem).label, 'owner+');
    const [modal] = h.ui.modals;
    assert.equal(modal.text, 'Change protection rule @acme/* (npm) in acme/app?');
    assert.match(
      modal.detail ?? '',
      /Before: @acme\/\* \(npm\) · push: maintainer\+, delete: owner\+\nAfter: @acme\/\* \(npm\) · push: maintainer\+, delete: admin\+/,
    );
    const [patch] = ruleWrites(h);
    assert.equal(patch.method, 'PATCH');
    assert.match(patch.path, /\/protection\/rules\/\d+$/);
    assert.equal((patch.body as Record<string, unknown>).minimum_access_level_for_delete, 'admin');
    assert.equal(h.ui.toasts.at(-1)?.text, 'Saved protection rule @acme/* (npm) (push: maintainer+, delete: admin+).');
    assert.equal((await h.pkg('acme/app', '@acme/ui', '2.3.1')).item.contextValue, 'package', 'now only an administrator may delete it');
  });
});

describe('Edit Rule… and delete levels GitLab does not show', () => {
  const t = harnessPerTest();
  const start = (flag: boolean) =>
    t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, prepareFake: (f) => (f.deleteProtectionFlag = flag) });
  const stored = (h: Harness, pattern: string) => h.fake.protectionRulesOf(APP).find((r) => r.packageNamePattern === pattern);
  const patches = (h: Harness) => h.requests('PATCH', /\/protection\/rules\/\d+$/);

  it('clearing the delete level where no rule shows one: "Saved", and that an earlier level may apply again', async () => {
    const h = await start(false);
    const rule = await h.find('acme/app', 'Protection Rules', '@acme/*');
    h.ui.type('@acme/*').pick('npm', 'maintainer+', 'maintainer+').answer('Save Rule');
    await h.run('gitlabPackages.editProtectionRule', rule.node);
    assert.deepEqual(patches(h)[0].body, {
      package_name_pattern: '@acme/*',
      package_type: 'npm',
      minimum_access_level_for_push: 'maintainer',
      minimum_access_level_for_delete: null,
    });
    assert.equal(stored(h, '@acme/*')?.minimumAccessLevelForDelete, 'owner', 'GitLab kept the old level');
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [
        [
          'info',
          `Saved protection rule @acme/* (npm) (push: maintainer+). If GitLab has delete protection switched off for this project (feature flag ${FLAG}), it keeps an earlier delete level of this rule without showing it, and that level applies again when delete protection is switched on.`,
        ],
      ],
    );
  });

  it('clearing it where rules show delete levels (the flag is on): plainly "Saved"', async () => {
    const h = await start(true);
    const rule = await h.find('acme/app', 'Protection Rules', '@acme/*');
    h.ui.type('@acme/*').pick('npm', 'maintainer+', 'maintainer+').answer('Save Rule');
    await h.run('gitlabPackages.editProtectionRule', rule.node);
    assert.equal(stored(h, '@acme/*')?.minimumAccessLevelForDelete, null);
    assert.deepEqual(
      h.ui.toasts.map((m) => m.text),
      ['Saved protection rule @acme/* (npm) (push: maintainer+).'],
    );
  });

  it('an answer that changed something else and brought no delete level back also says delete protection is off', async () => {
    const h = await start(false);
    const rule = await h.find('acme/app', 'Protection Rules', '@acme/*');
    const id = stored(h, '@acme/*')!.id;
    const body = {
      id,
      project_id: APP,
      package_name_pattern: '@acme/*',
      package_type: 'npm',
      minimum_access_level_for_push: 'maintainer',
      minimum_access_level_for_delete: null,
    };
    h.fake.fail({ method: 'PATCH', path: /\/protection\/rules\/\d+$/ }, { status: 200, body }, 1);
    h.ui.type('@acme/*').pick('npm', 'owner+', 'admin+').answer('Save Rule');
    await h.run('gitlabPackages.editProtectionRule', rule.node);
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [
        [
          'warning',
          `GitLab saved the protection rule as @acme/* (npm) · push: maintainer+, not as asked (@acme/* (npm) · push: owner+, delete: admin+). No delete level came back: GitLab has delete protection switched off for this project (feature flag ${FLAG}).`,
        ],
      ],
    );
  });

  it('a delete-only rule is renamed without a push level forced on it, where the delete question is not asked', async () => {
    const h = await start(false);
    h.fake.addProtectionRule({
      projectId: APP,
      packageNamePattern: 'only-*',
      packageType: 'npm',
      minimumAccessLevelForPush: null,
      minimumAccessLevelForDelete: 'owner',
    });
    // A write showing delete protection off: the delete question is no longer asked for acme/app.
    h.ui.type('acme-*').pick('pypi', 'owner+', 'admin+').answer('Add Rule');
    await h.run('gitlabPackages.addProtectionRule', (await h.find('acme/app', 'Protection Rules')).node);
    assert.match(h.ui.toasts[0]?.text ?? '', /without a delete level/);
    const row = await h.find('acme/app', 'Protection Rules', 'only-*');
    const before = h.ui.quickPicks.length;
    h.ui.type('solo-*').pick('npm', 'developer+').answer('Save Rule');
    await h.run('gitlabPackages.editProtectionRule', row.node);
    const push = h.ui.quickPicks[before + 1];
    assert.equal(push.options.placeHolder, 'Who may push (publish) matching packages?');
    assert.equal(h.ui.quickPicks.length - before, 2, 'type and push only');
    assert.deepEqual(
      (push.items as vscode.QuickPickItem[]).map((i) => i.label),
      ['developer+', 'maintainer+', 'owner+', 'admin+'],
      'no restriction, as now, is on offer',
    );
    assert.deepEqual(patches(h)[0]?.body, { package_name_pattern: 'solo-*', package_type: 'npm', minimum_access_level_for_push: null });
    assert.deepEqual(stored(h, 'solo-*')?.minimumAccessLevelForDelete, 'owner', 'its delete level kept');
    assert.equal(h.ui.toasts.at(-1)?.text, 'Saved protection rule solo-* (npm) (push: developer+).');
  });
});
