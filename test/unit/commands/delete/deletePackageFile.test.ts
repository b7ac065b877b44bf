/**
 * Delete Package File…: one modal naming what goes, exactly one DELETE per file (none when
 * cancelled, one for two clicks), the result said plainly; the last file takes the version with it.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;
const FILES = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/package_files$/;

describe('delete package files', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
  const fileDeletes = (h: Harness) => h.requests('DELETE', /\/package_files\/\d+$/).map((r) => r.path);
  const filesOf = (h: Harness, name: string) => {
    const p = h.fake.packagesOf(APP).find((x) => x.name === name);
    assert.ok(p, name);
    return { pkg: p, files: p.files };
  };

  it('one file: the modal names file, package and project; Delete sends exactly one DELETE and says so', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'acme-tools', description: '0.4.0 ·' }, 'acme_tools-0.4.0.tar.gz');
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackageFile', row.node);
    assert.equal(h.ui.modals.length, 1);
    assert.equal(h.ui.modals[0].text, 'Delete file acme_tools-0.4.0.tar.gz of package acme-tools 0.4.0 from acme/app?');
    assert.ok(!h.ui.modals[0].detail?.includes('last file'), 'the package keeps its other file');
    const { pkg, files } = filesOf(h, 'acme-tools');
    const file = files.find((f) => f.fileName === 'acme_tools-0.4.0.tar.gz');
    assert.deepEqual(fileDeletes(h), [`/api/v4/projects/${APP}/packages/${pkg.id}/package_files/${file?.id}`]);
    assert.equal(h.ui.toasts.at(-1)?.text, 'Deleted acme_tools-0.4.0.tar.gz.');
  });

  it('a cancelled modal sends no DELETE', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'acme-tools', description: '0.4.0 ·' }, 'acme_tools-0.4.0.tar.gz');
    await h.run('gitlabPackages.deletePackageFile', row.node);
    assert.equal(h.ui.modals.length, 1);
    assert.deepEqual(fileDeletes(h), []);
    assert.deepEqual(h.ui.toasts, []);
  });

  it('two invocations for the same file at once send one DELETE', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'acme-tools', description: '0.4.0 ·' }, 'acme_tools-0.4.0.tar.gz');
    h.ui.answer('Delete', 'Delete');
    await Promise.all([h.run('gitlabPackages.deletePackageFile', row.node), h.run('gitlabPackages.deletePackageFile', row.node)]);
    assert.equal(fileDeletes(h).length, 1);
  });

  it('all files of a package selected: one modal that warns it removes the version; each file deleted once', async () => {
    const h = await start();
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    const rows = await h.rows(pkg.node);
    assert.equal(rows.length, 2);
    h.view.select(...rows.map((r) => r.node));
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackageFile', rows[0].node, h.view.selection);
    assert.equal(h.ui.modals.length, 1);
    assert.equal(h.ui.modals[0].text, 'Delete 2 package files?');
    assert.match(h.ui.modals[0].detail ?? '', /This is the last file of acme-tools 0\.4\.0: deleting it removes that version\./);
    assert.equal(fileDeletes(h).length, 2);
    assert.equal(new Set(fileDeletes(h)).size, 2);
    assert.equal(h.ui.toasts.at(-1)?.text, 'Deleted 2 file(s).');
  });

  it('GitLab deleted the file, then a proxy answered 502: read again (the file list), said "Deleted"', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'acme-tools', description: '0.4.0 ·' }, 'acme_tools-0.4.0.tar.gz');
    h.fake.fail({ method: 'DELETE', path: /package_files\/\d+$/ }, { kind: 'appliedThenProxyError', status: 502 });
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackageFile', row.node);
    assert.equal(fileDeletes(h).length, 1);
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['info', 'Deleted acme_tools-0.4.0.tar.gz.']],
    );
    assert.equal(filesOf(h, 'acme-tools').files.find((f) => f.fileName === 'acme_tools-0.4.0.tar.gz')?.status, 'pending_destruction');
  });

  it('a file of a package a protection rule keeps from the user: nothing sent, the rule named', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'protected-release', description: '1.0.0 ·' }, 'release.bin');
    assert.equal(row.item.contextValue, 'packageFile');
    await h.run('gitlabPackages.deletePackageFile', row.node);
    assert.equal(fileDeletes(h).length, 0);
    assert.match(h.ui.toasts.at(-1)?.text ?? '', /Not deleted: release\.bin — protected by the rule protected-\* \(generic\)/);
  });

  it('a file GitLab refuses as deletion protected (403): not deleted, and the message says it is protected', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'acme-tools', description: '0.4.0 ·' }, 'acme_tools-0.4.0.tar.gz');
    h.fake.fail({ method: 'DELETE', path: /package_files\/\d+$/ }, { status: 403, body: { message: '403 Forbidden - Package is deletion protected.' } });
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackageFile', row.node);
    assert.equal(fileDeletes(h).length, 1);
    assert.match(h.ui.errors[0]?.text ?? '', /Not deleted: acme_tools-0\.4\.0\.tar\.gz: the package is protected by a protection rule/);
  });

  // Deleting every file shown while the package's other files still load is not "the last file" (issue 21).
  it('Delete Package File: every file shown selected while the package’s other files still load → not called "the last file"', async () => {
    const h = await start();
    const pkg = h.fake.addPackage(APP, { name: 'many-files', version: '1.0.0', packageType: 'generic' });
    h.fake.addFilesBulk(pkg.id, 150);
    const row = await h.pkg('acme/app', 'many-files', '1.0.0');
    // The first page (100 files) answers; the second hangs, so the package's list is still loading.
    h.fake.fail({ method: 'GET', path: FILES, query: { page: '2' } }, { kind: 'hang' }, 1);
    const files = (await h.rows(row.node)).filter((r) => r.item.contextValue?.startsWith('packageFile'));
    assert.ok(files.length > 0 && files.length < 150, `${files.length} files shown`);
    h.view.select(...files.map((f) => f.node));
    await h.run('gitlabPackages.deletePackageFile', files[0].node, h.view.selection);
    assert.equal(h.ui.modals.length, 1);
    assert.ok(!/last file/.test(h.ui.modals[0].detail ?? ''), h.ui.modals[0].detail);
  });
});
