/**
 * Instance administrators and GitLab's Admin Mode, end to end: an administrator whose token
 * has the `admin_mode` scope passes every protection rule; one without it is offered the delete
 * and GitLab decides — its 403 says Admin Mode, clean-up says such candidates are not sure —;
 * and a token change forgets that the user was an administrator.
 */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { harnessPerTest, SAMPLE, type Harness, type Row } from '../../../support/double/harness';
import { ExtensionMode } from '../../../support/double/vscode';

const APP = SAMPLE.projects.app.id;
/** The row's tooltip as it opens, its Markdown escapes dropped. */
async function tooltip(h: Harness, row: Row): Promise<string> {
  const none = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  const resolved = await h.provider.resolveTreeItem!(row.item, row.node, none);
  return (resolved?.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
}

const ADMIN_MODE = 'administrators need Admin Mode — a token with the admin_mode scope — where it is enabled';

describe('administrators and Admin Mode', () => {
  const t = harnessPerTest();
  const start = (token: string, adminMode: boolean): Promise<Harness> =>
    t.start({ settings: { projects: ['acme/app'] }, token, extensionMode: ExtensionMode.Test, prepareFake: (f) => (f.adminMode = adminMode) });
  /** The row once the project's rules (and the administrator check they asked) have landed. */
  const release = async (h: Harness): Promise<Row> => {
    await h.pkg('acme/app', 'protected-release', '1.0.0');
    await h.settle();
    return h.pkg('acme/app', 'protected-release', '1.0.0');
  };

  it('without the admin_mode scope where Admin Mode is on: offered, GitLab refuses, and its 403 says Admin Mode', async () => {
    const h = await start(SAMPLE.adminToken, true);
    const row = await release(h);
    assert.equal(row.item.contextValue, 'package.deletable', 'GitLab decides');
    assert.match(await tooltip(h, row), /GitLab decides: administrators need Admin Mode/);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(h.requests('DELETE', /\/packages\/\d+$/).length, 1);
    assert.equal(h.ui.errors.length, 1);
    assert.ok(h.ui.errors[0].text.includes(`Package is deletion protected.): ${ADMIN_MODE}`), h.ui.errors[0].text);
    assert.equal(h.fake.packagesOf(APP).find((p) => p.name === 'protected-release')?.status, 'default');
  });

  it('with the admin_mode scope: no rule refuses, and GitLab deletes', async () => {
    const h = await start(SAMPLE.adminModeToken, true);
    const row = await release(h);
    assert.equal(row.item.contextValue, 'package.deletable');
    assert.doesNotMatch(await tooltip(h, row), /GitLab decides/);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.deepEqual(h.ui.errors, []);
    assert.equal(h.fake.packagesOf(APP).find((p) => p.name === 'protected-release')?.status, 'pending_destruction');
  });

  it('clean-up counts such packages as candidates only with a note that GitLab decides', async () => {
    const h = await start(SAMPLE.adminToken, true);
    await release(h);
    await h.run('gitlabPackages.copyCleanUpPreview', (await h.find('acme/app')).node, { namePattern: 'protected-*', keepNewest: 0 });
    assert.ok(h.ui.clipboard.includes('To delete (1)'), h.ui.clipboard);
    assert.ok(
      h.ui.clipboard.includes(
        `Note: 1 of the candidates are covered by a protection rule above your role: GitLab deletes them only if it lets you through (${ADMIN_MODE})`,
      ),
      h.ui.clipboard,
    );
  });

  it('an administrator token replaced by a non-administrator one: the protected package is refused here again', async () => {
    const h = await start(SAMPLE.adminModeToken, false);
    assert.equal((await release(h)).item.contextValue, 'package.deletable');
    h.ui.type(SAMPLE.apiToken);
    await h.run('gitlabPackages.setToken');
    const row = await release(h);
    assert.equal(row.item.contextValue, 'package', 'an owner, and no administrator');
    assert.match(await tooltip(h, row), /only admin\+ may delete it/);
  });
});
