/**
 * The defects of issue 12, one test each; every one failed on the code before the fix (checked
 * against commit 10b6ea1). The numbers are those of the list; (g) is the grouping
 * toggle (defect 3). Defect 4 (resource-scoped settings) is pinned in test/unit/manifest.test.ts.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, settled, waitFor, type Harness } from '../../support/double/harness';
import { addHugeProject, HUGE_PROJECT, listingWithoutTotals } from '../../support/fixtures';

const APP = SAMPLE.projects.app.id;
const FILES = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/package_files$/;
/** A Markdown escape (`\.`, `\-`, `\(` …) as escapeMarkdown writes them. */
const ESCAPE = /\\[\\`*_{}[\]()#+\-.!|~]/;

describe('defects fixed in issue 12', () => {
  const t = harnessPerTest();
  const start = (more: Parameters<typeof t.start>[0] = {}) => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, ...more });

  // Defect 1: the command wrapper awaits its error toast, so a failed command's promise stays
  // pending until the user clicks or closes the toast (and a command awaiting it hangs too).
  it('1. a failed command (Copy Checksum, files listing answers 500) settles without the error toast being touched', async () => {
    const h = await start();
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'GET', path: FILES }, { status: 500 });
    const run = h.run('gitlabPackages.copyChecksum', pkg.node);
    const error = await waitFor(() => h.ui.errors[0], 'the error message');
    assert.ok(await settled(run, 1000), 'the command is still running while its error toast is open');
    assert.equal(error.state, 'open');
  });

  // Defect 1, through a command that runs another: Add Project → Set Access Token… → token refused.
  it('1. Add Project whose token check fails settles without the error toast being touched', async () => {
    const h = await start({ token: undefined, settings: { projects: [] } });
    h.ui.type('acme/app', 'not-a-valid-token').answer('Set Access Token…');
    const run = h.run('gitlabPackages.addProject');
    const error = await waitFor(() => h.ui.errors[0], 'the error message');
    assert.match(error.text, /rejected this token/);
    assert.ok(await settled(run, 1000), 'Add Project is still running while the token error toast is open');
    assert.deepEqual(h.inspect('projects')?.globalValue, []);
  });

  // Defect 2: two Load more… of the same row at once both splice the list; the one that ends
  // second no longer finds its row (indexOf → -1) and `slice(0, -1)` cuts the list's last row.
  // Here the listing is past GitLab's count (no totals) and ends on page 101, and a second load
  // of it would fail on a flaky connection.
  it('2. Load more… invoked twice at once neither drops a row nor leaves two Load more rows', async function () {
    this.timeout(20_000);
    const h = await start({ settings: { projects: [HUGE_PROJECT.path] }, prepareFake: addHugeProject });
    const project = await h.find(HUGE_PROJECT.path);
    const before = (await h.settledRows(project.node)).filter((r) => r.item.contextValue?.startsWith('package'));
    const more = (await h.rows(project.node)).find((r) => r.item.contextValue === 'loadMore');
    assert.ok(more, 'a Load more row at the cap');
    // The first request for page 101 gets the last page; another one's connection drops (and its two retries).
    const pages = await listingWithoutTotals(h, HUGE_PROJECT.id, 1, 101);
    h.fake.fail({ method: 'GET', path: pages.path }, { kind: 'reset' }, 3);
    await Promise.all([h.click(more), h.click(more)]);
    const rows = await h.rows(project.node);
    const packages = rows.filter((r) => r.item.contextValue?.startsWith('package'));
    assert.ok(rows.filter((r) => r.item.contextValue === 'loadMore').length <= 1, 'two Load more rows');
    assert.deepEqual(
      packages.map((r) => r.label),
      [...before.map((r) => r.label), ...pages.names],
      'every package of the listing, once, in order',
    );
  });

  // Defect 5: with GITLAB_PACKAGES_TOKEN, Remove Access Token deletes nothing (the token is not
  // in SecretStorage) yet says "Removed", and the environment token is still sent.
  it('5. with the environment token, Remove Access Token does not claim "Removed" while the token is still sent', async () => {
    const h = await start({ token: undefined, env: { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken } });
    await h.rows((await h.find('acme/app')).node);
    assert.ok(
      h.fake.requests.some((r) => r.tokenKnown),
      'the environment token is used',
    );
    await h.run('gitlabPackages.clearToken');
    const claimed = h.ui.toasts.filter((m) => /^Removed/.test(m.text));
    h.fake.clearRequests();
    await h.run('gitlabPackages.refresh');
    await h.rows((await h.find('acme/app')).node);
    const stillSent = h.fake.requests.filter((r) => r.auth !== 'none');
    assert.ok(
      !(claimed.length > 0 && stillSent.length > 0),
      `said "${claimed[0]?.text}" but the token is still sent (${stillSent.map((r) => r.path).join(', ')})`,
    );
  });

  // Defect 6: these reads run under window-bar progress, which has no Cancel button in VS Code
  // (only Notification progress does), so a hanging read cannot be stopped by the user.
  async function cancelWhileHanging(h: Harness, command: string, hangOn: RegExp, title: string): Promise<void> {
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'GET', path: hangOn }, { kind: 'hang' });
    const run = h.run(command, pkg.node);
    await waitFor(() => h.requests('GET', hangOn).length > 0 && h.ui.progress.some((p) => p.title === title && p.state === 'running'), 'the hanging read');
    const clicked = h.ui.cancelProgress();
    const where = h.ui.progress.find((p) => p.title === title);
    assert.ok(clicked, `"${title}" offers no Cancel button (location ${JSON.stringify(where?.location)}, cancellable ${where?.cancellable})`);
    assert.ok(await settled(run, 1000), 'the command ends promptly once cancelled');
    await waitFor(() => h.requests('GET', hangOn).every((r) => r.status === -1), 'the request to be aborted', 1000);
    assert.deepEqual(h.ui.clipboardWrites, []);
    assert.deepEqual(h.ui.documentsShown, []);
    assert.deepEqual(h.ui.errors, [], 'a cancellation is not an error');
  }

  it('6. cancelling the progress of Copy Checksum on a package aborts the files request', async () => {
    const h = await start();
    await cancelWhileHanging(h, 'gitlabPackages.copyChecksum', FILES, 'Reading package files…');
  });

  it('6. cancelling the progress of Show Package Details aborts its request', async () => {
    const h = await start();
    await cancelWhileHanging(h, 'gitlabPackages.showDetails', new RegExp(`^/api/v4/projects/${APP}/packages/\\d+$`), 'Reading package details…');
  });

  // Defect 7: Open in Browser opens the project's web_url as the server sent it, even on another origin.
  it("7. Open in Browser does not open a project's web_url that points to another origin", async () => {
    const h = await start({
      prepareFake: (fake) =>
        fake.fail(
          { method: 'GET', path: '/api/v4/projects/acme%2Fapp' },
          {
            status: 200,
            body: {
              id: APP,
              name: 'app',
              path: 'app',
              path_with_namespace: 'acme/app',
              name_with_namespace: 'acme / app',
              web_url: 'https://gitlab-login.example.net/acme/app',
              visibility: 'private',
              packages_enabled: true,
            },
          },
        ),
    });
    const project = await h.find('acme/app');
    await h.run('gitlabPackages.openInBrowser', project.node);
    const origin = new URL(h.fake.url).origin;
    const foreign = h.ui.openedExternally.map((u) => u.toString()).filter((u) => new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'opened a URL on another origin');
  });

  // Defect 8: a delete could raise a read-only toast, a not-allowed warning, the modal and a result toast.
  it('8. a delete with rows it cannot delete: one modal naming what is set aside, then one message', async () => {
    const h = await start({ settings: { projects: ['acme/app', 'acme/readonly'] } });
    const mine = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    const theirs = await h.pkg('acme/readonly', 'team-lib', '5.0.0');
    h.view.select(mine.node, theirs.node);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', mine.node, h.view.selection);
    assert.equal(h.ui.modals.length, 1);
    assert.match(h.ui.modals[0].detail ?? '', /Not deleted \(GitLab offers no delete for it.*\): team-lib 5\.0\.0/);
    assert.deepEqual(
      h.ui.toasts.map((m) => m.text),
      ['Deleted acme-tools 0.4.0.'],
      'one message after the modal, nothing before it',
    );
  });

  // Defect 8: signing in raised three notifications (signed in, read-only, expiry).
  it('8. signing in says everything in one message', async () => {
    const h = await start({ token: undefined });
    h.fake.addToken({
      value: 'soon-read-only',
      userId: SAMPLE.userId,
      scopes: ['read_api'],
      name: 'soon',
      expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
    });
    h.ui.type('soon-read-only');
    await h.run('gitlabPackages.setToken');
    await waitFor(() => h.ui.toasts.length > 0, 'the sign-in message');
    // The instance check that follows (its own read of the token) must not add a second warning.
    await waitFor(() => h.fake.requests.filter((r) => r.path.endsWith('/personal_access_tokens/self') && r.status > 0).length >= 2, 'the instance check');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(h.ui.toasts.length, 1, h.ui.toasts.map((m) => m.text).join(' | '));
    assert.match(h.ui.toasts[0].text, /^Signed in to .* This token can browse but not delete .* It expires in 3 days/);
  });

  // Defect 9: Show Package Details opens the Markdown source, so the user reads `1\.0\-SNAPSHOT`.
  it('9. Show Package Details shows no Markdown source with backslash escapes', async () => {
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

  // (g) Toggle Grouping always writes user settings: with the setting in the workspace, the
  // effective value never changes.
  it('g. Toggle Grouping by Package Name changes the effective value when groupByName is set in workspace settings', async () => {
    const h = await start({ workspaceSettings: { groupByName: true }, workspaceFolders: ['/work/repo'] });
    assert.equal(h.setting('groupByName'), true);
    assert.equal((await h.find('acme/app', 'com/mycompany/my-app')).item.contextValue, 'packageName');
    await h.run('gitlabPackages.toggleGroupByName');
    assert.equal(
      h.setting('groupByName'),
      false,
      `still grouped (user: ${String(h.inspect('groupByName')?.globalValue)}, workspace: ${String(h.inspect('groupByName')?.workspaceValue)})`,
    );
    const rows = await h.rows((await h.find('acme/app')).node);
    assert.ok(!rows.some((r) => r.item.contextValue === 'packageName'), 'the tree is no longer grouped');
  });
});
