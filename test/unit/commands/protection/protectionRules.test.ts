/**
 * Protection rules in the command layer: the "Protection Rules" row for those who may read
 * them, Add / Edit / Delete Rule… (every step escapable, one modal with an explicit verb,
 * exactly one request, the rules read again, one message), what a rule does to deletes, and
 * provenance: pipelines in the details and the tooltip, dist-tags in install commands.
 */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { harnessPerTest, SAMPLE, waitFor, type Harness } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('protection rules', () => {
  const t = harnessPerTest();
  const start = (settings: Record<string, unknown> = { projects: ['acme/app'] }) => t.start({ settings, token: SAMPLE.apiToken });
  const rulesRow = (h: Harness) => h.find('acme/app', 'Protection Rules');
  const ruleWrites = (h: Harness) => h.fake.requests.filter((r) => r.method !== 'GET' && r.path.includes('/protection/rules'));

  it('a maintainer sees "Protection Rules" with its rules; a developer sees nothing of it and nothing is asked', async () => {
    const h = await start({ projects: ['acme/app', 'acme/readonly'] });
    const rules = await rulesRow(h);
    assert.equal(rules.description, '2 rules');
    assert.deepEqual(
      (await h.rows(rules.node)).map((r) => [r.label, r.description]),
      [
        ['@acme/*', 'npm · push: maintainer+, delete: owner+'],
        ['protected-*', 'generic · push: maintainer+, delete: admin+'],
      ],
    );
    const readonly = await h.rows((await h.find('acme/readonly')).node);
    assert.ok(readonly.every((r) => r.item.contextValue?.startsWith('package')));
    assert.equal(h.requests('GET', `/api/v4/projects/${SAMPLE.projects.readonly.id}/packages/protection/rules`).length, 0);
    assert.deepEqual(h.ui.messages, [], 'no error for those who may not read them');
  });

  it('with a read-only token (read_api) the rules are listed but offer no Add, Edit or Delete Rule…', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.readToken });
    // The token's scopes are known once its check lands; the rows are redrawn then.
    const rules = await waitFor(async () => {
      const row = await rulesRow(h);
      return row.item.contextValue === 'protectionRules.readOnly' && row;
    }, 'the rules row marked read-only');
    assert.ok((await h.rows(rules.node)).every((r) => r.item.contextValue === 'protectionRule.readOnly'));
  });

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

  it('Delete Rule…: one modal, exactly one DELETE; the package it protected may be deleted again', async () => {
    const h = await start();
    assert.equal((await h.pkg('acme/app', 'protected-release', '1.0.0')).item.contextValue, 'package');
    const rule = await h.find('acme/app', 'Protection Rules', 'protected-*');
    h.ui.answer('Delete Rule');
    await h.run('gitlabPackages.deleteProtectionRule', rule.node);
    const [modal] = h.ui.modals;
    assert.equal(modal.text, 'Delete protection rule protected-* (generic) from acme/app?');
    assert.match(modal.detail ?? '', /It covers 1 of the packages listed:\n• protected-release 1\.0\.0/);
    assert.deepEqual(modal.buttons, ['Delete Rule']);
    assert.equal(ruleWrites(h).length, 1);
    assert.equal(ruleWrites(h)[0].method, 'DELETE');
    assert.equal(h.ui.toasts.at(-1)?.text, 'Deleted protection rule protected-* (generic).');
    assert.equal((await rulesRow(h)).description, '1 rule');
    assert.equal((await h.pkg('acme/app', 'protected-release', '1.0.0')).item.contextValue, 'package.deletable');
  });

  it('Delete Rule… cancelled sends nothing; a rule someone else deleted meanwhile is said so, not as an error', async () => {
    const h = await start();
    const rule = await h.find('acme/app', 'Protection Rules', 'protected-*');
    h.ui.answer('Cancel');
    await h.run('gitlabPackages.deleteProtectionRule', rule.node);
    assert.deepEqual(ruleWrites(h), []);
    const id = h.fake.protectionRulesOf(APP).find((r) => r.packageNamePattern === 'protected-*')!.id;
    await fetch(`${h.fake.url}/api/v4/projects/${APP}/packages/protection/rules/${id}`, { method: 'DELETE', headers: { 'PRIVATE-TOKEN': SAMPLE.apiToken } });
    h.ui.answer('Delete Rule');
    await h.run('gitlabPackages.deleteProtectionRule', rule.node);
    assert.deepEqual(h.ui.errors, []);
    assert.equal(h.ui.toasts.at(-1)?.text, 'The protection rule protected-* (generic) was already deleted.');
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

  it('the palette delete marks what a rule keeps from the user and sends nothing for it', async () => {
    const h = await start();
    const run = h.run('gitlabPackages.deletePackage');
    const qp = await waitFor(() => h.ui.quickPickWidgets[0], 'the package search');
    qp.type('protected');
    await waitFor(() => !qp.busy && qp.items.some((i) => i.label.includes('protected-release')), 'the search results');
    const item = qp.items.find((i) => i.label.includes('protected-release'))!;
    assert.equal(item.label, '$(lock) protected-release');
    assert.equal(item.detail, 'protected by the rule protected-* (generic): only admin+ may delete it');
    qp.accept(item.label);
    await run;
    assert.equal(h.ui.modals.length, 0);
    assert.equal(h.requests('DELETE', /\/packages\/\d+$/).length, 0);
    assert.match(h.ui.toasts.at(-1)?.text ?? '', /^Not deleted: protected-release 1\.0\.0 — protected by the rule/);
  });
});

describe('provenance: pipelines and dist-tags', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });

  it('Show Package Details lists every pipeline, newest first, with ref, short sha, status and link, and the rule', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'com/mycompany/my-app', '1.0-SNAPSHOT');
    await h.run('gitlabPackages.showDetails', row.node);
    const text = (await h.documentsRead())[0].getText();
    assert.match(text, /Pipeline: +#9001 · main · aaaa9001 · ✓ success {2}<http:\/\/[^>]+\/acme\/app\/-\/pipelines\/9001>/);
    assert.match(text, /Earlier pipeline: +#8950 · main · aaaa8950 · ✓ success · Demo User {2}<http:\/\/[^>]+\/pipelines\/8950>/);
    const pipelineRequests = h.requests('GET', /\/pipelines$/);
    assert.equal(pipelineRequests.length, 1);
    assert.equal(pipelineRequests[0].query.per_page, '20');
    const release = await h.pkg('acme/app', 'protected-release', '1.0.0');
    await h.run('gitlabPackages.showDetails', release.node);
    const details = (await h.documentsRead())[1].getText();
    assert.match(details, /Protection: +protected-\* \(generic\) · push: maintainer\+, delete: admin\+/);
    assert.match(details, /Deleting: +protected by the rule protected-\* \(generic\): only admin\+ may delete it/);
  });

  it('a tooltip gains the latest pipelines when it opens; an npm row shows its dist-tag; Copy Install Command uses the tag', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', '@acme/ui', '2.3.1');
    assert.equal(row.description, '2.3.1 · npm · latest · 🔒 protected');
    const resolved = await h.provider.resolveTreeItem!(row.item, row.node, {
      isCancellationRequested: false,
      onCancellationRequested: () => ({ dispose() {} }),
    });
    const tip = (resolved?.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /\| Pipeline \| \[\\#9002 · v2\\\.3\\\.1 · aaaa9002 · ✓ success\]/);
    assert.equal(h.requests('GET', /\/pipelines$/)[0]?.query.per_page, '2');
    h.ui.pick((item) => typeof item !== 'string' && item.label === 'npm install (tag latest)');
    await h.run('gitlabPackages.copyInstallCommand', row.node);
    assert.deepEqual(h.ui.clipboardWrites, ['npm install @acme/ui@latest']);
    assert.ok(h.ui.quickPicks[0].items.some((i) => typeof i !== 'string' && i.label === 'npm install (this version)'));
  });
});
