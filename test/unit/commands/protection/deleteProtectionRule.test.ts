/**
 * Delete Rule…: one modal with an explicit verb, exactly one DELETE, the rules read again, one
 * message; cancelled sends nothing, and a rule already gone is said so.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('Delete Rule…', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
  const rulesRow = (h: Harness) => h.find('acme/app', 'Protection Rules');
  const ruleWrites = (h: Harness) => h.fake.requests.filter((r) => r.method !== 'GET' && r.path.includes('/protection/rules'));

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
});
