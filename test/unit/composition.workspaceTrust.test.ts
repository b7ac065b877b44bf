/**
 * A cloned repository's `.vscode/settings.json` must not steer tokens (issue 13): the
 * environment token never goes to an instance only the workspace names, such instances are
 * marked, a token for one is asked for with a warning, and restricted mode reads the settings
 * that choose hosts from user settings only.
 */
import { strict as assert } from 'node:assert';
import type { FakeGitLab } from '../fake-gitlab/server';
import { harnessPerTest, SAMPLE, startFake, waitFor } from '../support/double/harness';
import { FakeGitApi } from '../support/double/vscode';

describe('workspace trust: what a workspace may not decide', () => {
  const t = harnessPerTest();
  let collector: FakeGitLab;
  beforeEach(async () => {
    collector = await startFake();
  });
  afterEach(() => collector.stop());

  /** The workspace points instanceUrl and projects at the collector; the user's settings at the real instance. */
  const start = (opts: { isTrusted?: boolean; env?: Record<string, string> } = {}) =>
    t.start({
      settings: { projects: ['acme/app'] },
      workspaceSettings: { instanceUrl: collector.url, projects: ['acme/big'] },
      workspaceFolders: ['/work/cloned'],
      env: { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken, ...opts.env },
      isTrusted: opts.isTrusted,
    });

  const sentWithAuth = (fake: FakeGitLab) => fake.requests.filter((r) => r.auth !== 'none');

  for (const isTrusted of [true, false]) {
    it(`the environment token never goes to the workspace's instance (${isTrusted ? 'trusted' : 'untrusted'})`, async () => {
      const h = await start({ isTrusted });
      const [first] = await h.rows();
      await h.rows(first.node);
      assert.deepEqual(sentWithAuth(collector), [], 'no request to the workspace-named instance carried a token');
      if (!isTrusted) assert.ok(sentWithAuth(h.fake).length > 0, "restricted mode: the user's instance, with the token");
    });
  }

  it("the user's instance still gets it when the workspace adds a second one", async () => {
    const h = await t.start({
      workspaceSettings: { projects: ['acme/app', `${collector.url}/acme/big`] },
      workspaceFolders: ['/work/cloned'],
      env: { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken },
    });
    assert.match((await h.find(new URL(collector.url).host)).description ?? '', /^from this workspace's settings/);
    assert.doesNotMatch((await h.find(new URL(h.fake.url).host)).description ?? '', /workspace/);
    await h.rows((await h.find(new URL(h.fake.url).host, 'acme/app')).node);
    await h.rows((await h.find(new URL(collector.url).host, 'acme/big')).node);
    assert.ok(sentWithAuth(h.fake).length > 0);
    assert.deepEqual(sentWithAuth(collector), []);
  });

  it('GITLAB_PACKAGES_URL names the token’s instance; the workspace’s gets none', async () => {
    const h = await start({ env: { GITLAB_PACKAGES_URL: collector.url } });
    await h.rows();
    // Set by the environment (the user's say): that origin gets it, the workspace cannot move it.
    assert.ok(sentWithAuth(collector).length > 0);
    assert.deepEqual(sentWithAuth(h.fake), [], 'no token to an origin the environment did not name');
  });

  it('trusted: rows of the workspace-named instance are marked; Set Access Token warns first', async () => {
    const h = await start({ isTrusted: true });
    assert.match((await h.find('acme/big')).description ?? '', /from this workspace's settings/);
    // Declined: no password box.
    h.ui.answer(undefined);
    await h.run('gitlabPackages.setToken', collector.url);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /comes from this workspace's settings, not from yours/);
    assert.equal(h.ui.inputBoxes.length, 0);
    // Accepted: the password box says it again.
    h.ui.answer('Continue');
    h.ui.type(undefined);
    await h.run('gitlabPackages.setToken', collector.url);
    assert.match(h.ui.inputBoxes.at(-1)?.options.prompt ?? '', /comes from this workspace's settings/);
  });

  it('untrusted (restricted mode): only user-configured projects, nothing sent to the workspace’s host', async () => {
    const h = await start({ isTrusted: false });
    assert.deepEqual(
      (await h.rows()).map((r) => r.label),
      ['acme/app'],
    );
    assert.deepEqual(collector.requests, []);
  });

  it('trusting the workspace later lets its settings count (and still no token to its instance)', async () => {
    const h = await start({ isTrusted: false });
    assert.deepEqual(
      (await h.rows()).map((r) => r.label),
      ['acme/app'],
    );
    h.vscode.grantTrust();
    const rows = await waitFor(async () => {
      const r = await h.rows();
      return r[0]?.label === 'acme/big' && r;
    }, 'the workspace project once trusted');
    assert.match(rows[0].description ?? '', /from this workspace's settings/);
    await h.rows(rows[0].node);
    assert.deepEqual(sentWithAuth(collector), []);
  });

  it('a git remote on a host nobody configured is not detected (no new host from a remote)', async () => {
    const git = new FakeGitApi();
    const h = await t.start({
      settings: { projects: ['acme/app'] },
      token: SAMPLE.apiToken,
      workspaceFolders: ['/work/repo'],
      beforeActivate: (w) => w.provideGit(git),
    });
    git.openRepository('/work/repo', [
      { name: 'origin', fetchUrl: `${collector.url}/acme/big.git` },
      { name: 'mirror', fetchUrl: `${h.fake.url}/acme/big.git` },
    ]);
    const rows = await waitFor(async () => {
      const r = await h.rows();
      return r.length === 2 && r;
    }, 'the detected project of the configured instance');
    assert.deepEqual(
      rows.map((r) => r.label),
      ['acme/big', 'acme/app'],
    );
    assert.deepEqual(collector.requests, [], 'the unknown host was never asked');
  });
});
