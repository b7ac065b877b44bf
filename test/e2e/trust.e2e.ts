/**
 * A cloned repository's .vscode/settings.json points instanceUrl and projects at another
 * GitLab; the extension host runs with GITLAB_PACKAGES_TOKEN. In a real VS Code with workspace
 * trust on: restricted mode lists only the user's projects, and once trusted the workspace's
 * instance is listed and marked — and no request to it ever carries the token.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLE } from '../fake-gitlab/seed';
import { FakeGitLab } from '../fake-gitlab/server';
import { startCodeServer, type CodeServer } from './codeServer';
import { RESULTS, ROOT, VSIX } from './harness';
import { provision } from './provision';
import { Workbench } from './workbench';

describe('A cloned repository cannot steer tokens (real VS Code, workspace trust on)', function () {
  this.timeout(60_000);
  let fake: FakeGitLab;
  let collector: FakeGitLab;
  let codeServer: CodeServer | undefined;
  let wb: Workbench | undefined;

  before(async function () {
    this.timeout(5 * 60_000);
    const tools = provision();
    fake = await FakeGitLab.start({ seed: 'sample' });
    collector = await FakeGitLab.start({ seed: 'sample' });
    const runDir = path.join(ROOT, '.vscode-test', `trust-${Date.now()}`);
    mkdirSync(RESULTS, { recursive: true });
    codeServer = await startCodeServer({
      tools,
      vsixPath: VSIX,
      runDir,
      settings: { 'gitlabPackages.instanceUrl': fake.url, 'gitlabPackages.projects': ['acme/app'] },
      env: { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken },
      workspaceTrust: true,
      workspaceSettings: { 'gitlabPackages.instanceUrl': collector.url, 'gitlabPackages.projects': ['acme/big'] },
    });
    wb = await Workbench.launch(tools.chromium, codeServer.url);
    await wb.open(codeServer.url, codeServer.workspace);
  });

  after(async function () {
    this.timeout(60_000);
    await wb?.close().catch(() => undefined);
    await codeServer?.stop();
    await collector?.stop();
    await fake?.stop();
    if (codeServer) rmSync(path.dirname(codeServer.workspace), { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !wb) return;
    await wb.screenshot(path.join(RESULTS, 'trust-failed.png')).catch(() => undefined);
  });

  const withToken = (f: FakeGitLab) => f.requests.filter((r) => r.auth !== 'none');

  it('restricted mode: only the projects from user settings, and nothing at all to the workspace’s GitLab', async () => {
    const w = wb!;
    await w.dialogButton("No, I don't trust the authors");
    await w.openViewContainer('GitLab Packages');
    await w.row('acme/app');
    assert.ok(!(await w.rowLabels()).some((l) => l.startsWith('acme/big')));
    await w.expand('acme/app');
    await w.row('acme-tools');
    assert.ok(withToken(fake).length > 0, 'the user-level instance received the environment token');
    assert.deepEqual(collector.requests, []);
  });

  it('trusted: the workspace’s instance is listed and marked, and no request to it carries the token', async () => {
    const w = wb!;
    await w.runCommand('Workspaces: Manage Workspace Trust');
    await w.page.getByRole('button', { name: 'Trust', exact: true }).first().click();
    // The trust editor opens as a modal editor: close it to reach the view again.
    const modal = w.page.locator('.monaco-modal-editor-block');
    await modal.locator('[aria-label^="Close"]').first().click();
    await modal.waitFor({ state: 'detached', timeout: 10_000 });
    const row = await w.row('acme/big', 30_000);
    assert.match((await row.getAttribute('aria-label')) ?? '', /from this workspace's settings/);
    await w.expand('acme/big');
    await w.row('No access token for', 20_000);
    assert.ok(collector.requests.length > 0, 'the workspace instance was asked (without a token)');
    assert.deepEqual(withToken(collector), [], 'no request to the workspace-named instance carried a token');
  });
});
