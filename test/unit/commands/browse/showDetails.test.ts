/** Show Package Details: a read-only document with files, checksums and pipelines; its reads can be cancelled. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';
import { cancelWhileHanging } from '../../../support/hangingRead';

const APP = SAMPLE.projects.app.id;
const PIPELINES = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/pipelines$/;
/** A Markdown escape (`\.`, `\-`, `\(` …) as escapeMarkdown writes them. */
const ESCAPE = /\\[\\`*_{}[\]()#+\-.!|~]/;

describe('Show Package Details', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });

  it('Show Package Details shows a read-only plain-text document with the files and their checksums', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    await h.run('gitlabPackages.showDetails', row.node);
    // As a document or as a rendered preview of it: either way its content comes from the provider.
    const [doc] = await h.documentsRead();
    assert.ok(doc, 'the details are shown');
    assert.equal(doc.uri.scheme, 'gitlab-package');
    assert.equal(doc.languageId, 'plaintext');
    assert.match(doc.getText(), /^acme-tools 0\.4\.0\n/);
    for (const f of h.fake.packagesOf(APP).find((x) => x.name === 'acme-tools')?.files ?? []) assert.ok(doc.getText().includes(f.sha256), f.fileName);
  });

  // The details are read under progress the user can cancel (issue 12): it was window-bar progress, which has no Cancel button.
  it('cancelling the progress of Show Package Details aborts its request', async () => {
    const h = await start();
    await cancelWhileHanging(h, 'gitlabPackages.showDetails', new RegExp(`^/api/v4/projects/${APP}/packages/\\d+$`), 'Reading package details…');
  });

  // It opened the Markdown source, so the user read `1\.0\-SNAPSHOT` (issue 12).
  it('Show Package Details shows no Markdown source with backslash escapes', async () => {
    const h = await start();
    const pkg = await h.pkg('acme/app', 'com/mycompany/my-app', '1.0-SNAPSHOT');
    await h.run('gitlabPackages.showDetails', pkg.node);
    assert.ok((await h.documentsRead()).length > 0, 'the details are shown');
    // A rendered preview shows no escapes; a document shown as text must not carry any.
    for (const { document } of h.ui.documentsShown) {
      const line = document
        .getText()
        .split('\n')
        .find((l) => ESCAPE.test(l));
      assert.equal(line, undefined, `the ${document.languageId} document shows escapes as text`);
    }
  });

  // A pipelines listing whose cursor repeats is said to be incomplete, not followed in a loop nor shown as complete (issue 21).
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
});
