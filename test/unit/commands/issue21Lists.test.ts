/**
 * Issue 21 (defect 5 and the checks beside it), through the commands against the fake GitLab:
 * a name filter of several words, a pipelines listing whose cursor repeats, and deleting the
 * files shown while the package's other files are still loading. Each failed before the fix.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../support/double/harness';

const APP = SAMPLE.projects.app.id;
const PIPELINES = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/pipelines$/;
const FILES = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/package_files$/;

describe('issue 21: lists that must not claim more than they know', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });

  it('Filter: a name of two words → GitLab matches both words, and the list shows what it matched (it was emptied here)', async () => {
    const h = await start();
    h.ui.pick('Name contains…', 'Apply').type('acme ui');
    await h.run('gitlabPackages.filter');
    const labels = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.item.contextValue !== 'protectionRules').map((r) => r.label);
    assert.deepEqual(labels, ['@acme/ui']);
    assert.equal(h.requests('GET', `/api/v4/projects/${APP}/packages`).at(-1)?.query.package_name, 'acme ui');
    h.ui.pick('Name contains…', 'Apply').type('acme zzz');
    await h.run('gitlabPackages.filter');
    const none = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.item.contextValue !== 'protectionRules').map((r) => r.label);
    assert.deepEqual(none, ['No packages match the filter']);
  });

  it('Show Package Details: a server that hands out the same cursor again → the pipelines are said to be incomplete', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    const page = (id: number) => ({
      status: 200,
      body: [
        { id, iid: id, project_id: APP, sha: 'abc123', ref: 'main', status: 'success', source: 'push', web_url: `${h.fake.url}/acme/app/-/pipelines/${id}` },
      ],
      headers: { link: `<${h.fake.url}/api/v4/projects/${APP}/packages/1/pipelines?cursor=c2FtZQ&per_page=20>; rel="next"` },
    });
    h.fake.fail({ method: 'GET', path: PIPELINES }, page(7001), 1);
    h.fake.fail({ method: 'GET', path: PIPELINES }, page(7000), 10);
    await h.run('gitlabPackages.showDetails', row.node);
    const [doc] = await h.documentsRead();
    assert.ok(doc, 'the details are shown');
    assert.equal(h.requests('GET', PIPELINES).length, 2, 'the repeated cursor is not followed');
    assert.match(doc.getText(), /the list is incomplete/);
  });

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
