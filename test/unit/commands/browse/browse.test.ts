/** Browsing commands: copy checksums, open in browser, details, grouping, load more, git remotes. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, waitFor, type Harness } from '../../../support/double/harness';
import { FakeGitApi } from '../../../support/double/vscode';
import { addHugeProject, HUGE_PROJECT } from '../../../support/fixtures';
import type { FakeGitLab } from '../../../fake-gitlab/server';

const APP = SAMPLE.projects.app.id;

describe('browsing commands', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
  const fakePackage = (h: Harness, name: string) => {
    const p = h.fake.packagesOf(APP).find((x) => x.name === name);
    assert.ok(p, name);
    return p;
  };

  it('Copy Checksum on a file: its SHA-256 on the clipboard, a brief status-bar message', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'com/mycompany/my-app', description: '1.0-SNAPSHOT ·' }, 'my-app-1.0-20180724.120000-1.pom');
    await h.run('gitlabPackages.copyChecksum', row.node);
    const file = fakePackage(h, 'com/mycompany/my-app').files.find((f) => f.fileName === 'my-app-1.0-20180724.120000-1.pom');
    assert.deepEqual(h.ui.clipboardWrites, [file?.sha256]);
    assert.deepEqual(
      h.ui.statusBar.map((s) => s.text),
      ['$(check) Copied SHA-256 of my-app-1.0-20180724.120000-1.pom'],
    );
    assert.deepEqual(h.ui.messages, []);
  });

  it('Copy Checksum on a package: a `sha256sum -c` file of all its files', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    await h.run('gitlabPackages.copyChecksum', row.node);
    const expected = fakePackage(h, 'acme-tools').files.map((f) => `${f.sha256}  ${f.fileName}\n`);
    assert.deepEqual(h.ui.clipboardWrites[0]?.split(/(?<=\n)/).sort(), expected.sort());
    assert.equal(h.ui.statusBar.at(-1)?.text, '$(check) Copied checksums of 2 files of acme-tools 0.4.0');
  });

  it('Copy Checksum… offers the algorithms present and copies the one picked', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'acme-tools', description: '0.4.0 ·' }, 'acme_tools-0.4.0.tar.gz');
    h.ui.pick('SHA-1');
    await h.run('gitlabPackages.copyChecksumAs', row.node);
    assert.deepEqual(
      h.ui.quickPicks[0].items.map((i) => (typeof i === 'string' ? i : i.label)),
      ['SHA-256', 'SHA-1', 'MD5'],
    );
    const file = fakePackage(h, 'acme-tools').files.find((f) => f.fileName === 'acme_tools-0.4.0.tar.gz');
    assert.deepEqual(h.ui.clipboardWrites, [file?.sha1]);
  });

  it('Open in Browser: a project opens its page, a package its package page, on the instance', async () => {
    const h = await start();
    await h.run('gitlabPackages.openInBrowser', (await h.find('acme/app')).node);
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    await h.run('gitlabPackages.openInBrowser', pkg.node);
    assert.deepEqual(
      h.ui.openedExternally.map((u) => u.toString()),
      [`${h.fake.url}/acme/app`, `${h.fake.url}/acme/app/-/packages/${fakePackage(h, 'acme-tools').id}`],
    );
  });

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
    for (const f of fakePackage(h, 'acme-tools').files) assert.ok(doc.getText().includes(f.sha256), f.fileName);
  });

  it('Copy Install Command… for an npm package offers snippets and copies the one picked', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', '@acme/ui', '2.3.1');
    h.ui.pick((item) => typeof item !== 'string' && /npm/i.test(item.label));
    await h.run('gitlabPackages.copyInstallCommand', row.node);
    assert.ok(h.ui.quickPicks[0].items.length > 1);
    assert.match(h.ui.clipboardWrites[0] ?? '', /@acme\/ui/);
    assert.ok(!h.ui.clipboardWrites[0]?.includes(SAMPLE.apiToken), 'never the token');
  });

  it('Toggle Grouping by Package Name (user settings): the project lists names, then versions', async () => {
    const h = await start();
    await h.run('gitlabPackages.toggleGroupByName');
    assert.equal(h.inspect('groupByName')?.globalValue, true);
    const name = await h.find('acme/app', 'com/mycompany/my-app');
    assert.equal(name.item.contextValue, 'packageName');
    assert.equal(name.description, '2 versions · maven');
    assert.deepEqual(
      (await h.rows(name.node)).map((r) => r.description?.split(' · ')[0]),
      ['1.0-SNAPSHOT', '0.9.0'],
    );
    await h.run('gitlabPackages.toggleGroupByName');
    assert.equal(h.setting('groupByName'), false);
    assert.equal((await h.find('acme/app', { label: 'com/mycompany/my-app', description: '0.9.0 ·' })).item.contextValue, 'package.deletable');
  });

  it('the view-title pair shows the grouping state: Group by Package Name sets it, its twin clears it, the context key follows', async () => {
    const h = await start();
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.groupedByName'), false);
    await h.run('gitlabPackages.groupByName');
    assert.equal(h.setting('groupByName'), true);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.groupedByName'), true, 'the title now offers the other button');
    await h.run('gitlabPackages.groupByName');
    assert.equal(h.setting('groupByName'), true, 'not a toggle: pressing it again keeps it on');
    await h.run('gitlabPackages.ungroupByName');
    assert.equal(h.setting('groupByName'), false);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.groupedByName'), false);
  });

  it('past 10,000 packages (no totals) the pages still load at the bound up to the cap; then Load more… adds 1,000 and offers more', async function () {
    this.timeout(20_000);
    const prepareFake = (fake: FakeGitLab): void => {
      addHugeProject(fake);
      fake.addPackagesBulk(HUGE_PROJECT.id, 1_100, { namePrefix: 'more' });
    };
    const h = await t.start({ settings: { projects: [HUGE_PROJECT.path] }, token: SAMPLE.apiToken, prepareFake });
    const project = await h.find(HUGE_PROJECT.path);
    // Its owner sees the project's "Protection Rules" above the packages.
    const packageRows = <T extends { item: { contextValue?: string } }>(all: T[]): T[] => all.filter((r) => r.item.contextValue !== 'protectionRules');
    const first = packageRows(await h.rows(project.node));
    assert.deepEqual(
      [first.length, first[0].label],
      [101, 'Loading… 100 so far'],
      'the first page at once, below a count (on top, in view) that needs no total',
    );
    let rows = packageRows(await h.settledRows(project.node));
    assert.equal(rows.length, 10_001);
    const more = rows[10_000];
    assert.deepEqual([more.label, more.description, more.item.contextValue], ['Load more…', '10000 loaded', 'loadMore']);
    const listRequests = h.fake.requests.filter((r) => r.path.startsWith(`/api/v4/projects/${HUGE_PROJECT.id}/packages`));
    assert.ok(listRequests.length <= 100 + 7, `${listRequests.length} list requests for 100 pages: at most bound − 1 speculative`);
    await h.click(more);
    assert.ok(h.view.changes.includes(project.node), 'only the project is redrawn');
    rows = packageRows(await h.rows(project.node));
    assert.equal(rows.length, 11_001);
    assert.equal(new Set(rows.slice(0, 11_000).map((r) => r.item.id)).size, 11_000);
    assert.deepEqual([rows[11_000].label, rows[11_000].description], ['Load more…', '11000 loaded']);
  });

  it('projects behind the workspace git remotes are listed first, marked detected', async () => {
    const git = new FakeGitApi();
    const h = await t.start({
      settings: { projects: ['acme/app'] },
      token: SAMPLE.apiToken,
      workspaceFolders: ['/work/repo'],
      beforeActivate: (w) => {
        w.provideGit(git);
      },
    });
    git.openRepository('/work/repo', [{ name: 'origin', fetchUrl: `${h.fake.url}/acme/big.git` }]);
    const rows = await waitFor(async () => {
      const r = await h.rows();
      return r.length === 2 && r;
    }, 'the detected project');
    assert.deepEqual(
      rows.map((r) => [r.label, r.description]),
      [
        ['acme/big', 'detected'],
        ['acme/app', undefined],
      ],
    );
  });
});
