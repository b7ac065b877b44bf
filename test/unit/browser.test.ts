/**
 * The `browser` entry (src/browser.ts) activated against the vscode double: the web worker's
 * platform (the global fetch, pure-JS digests, no local files, no environment) behind the same
 * commands. Node's fetch stands in for the browser's here; the real browser runs web.e2e.ts.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { harnessPerTest, SAMPLE, waitFor, type Harness } from '../support/double/harness';
import { FakeGitApi, Uri } from '../support/double/vscode';

const JAR = 'my-app-1.0-20180724.120000-1.jar';

describe('the browser entry', () => {
  const t = harnessPerTest();
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'web-entry-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const start = (extra: Parameters<typeof t.start>[0] = {}) =>
    t.start({ entry: 'browser', settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, workspaceFolders: [folder], ...extra });
  const jarRow = (h: Harness) => h.find('acme/app', { label: 'com/mycompany/my-app', description: '1.0-SNAPSHOT ·' }, JAR);
  const jarOf = (h: Harness) =>
    h.fake
      .packagesOf(SAMPLE.projects.app.id)
      .flatMap((p) => p.files)
      .find((f) => f.fileName === JAR)!;

  it('downloads through a save dialog named after file_name, verified, written through workspace.fs; then compares', async () => {
    const h = await start();
    const row = await jarRow(h);
    const target = path.join(folder, 'saved.jar');
    h.ui.chooseInDialog([Uri.file(target)]);
    await h.run('gitlabPackages.downloadFile', row.node);
    assert.equal(h.ui.openDialogs.length, 0, 'no folder picker');
    assert.equal(h.ui.saveDialogs[0]?.options?.defaultUri?.fsPath, path.join(folder, JAR));
    await waitFor(() => h.ui.toasts.find((m) => /^Downloaded saved\.jar \(142 B\)\. SHA-256 verified\./.test(m.text)), 'the downloaded message');
    assert.equal(createHash('sha256').update(readFileSync(target)).digest('hex'), jarOf(h).sha256);
    assert.ok(!existsSync(`${target}.part`));

    h.ui.chooseInDialog([Uri.file(target)]);
    await h.run('gitlabPackages.compareFile', row.node);
    await waitFor(() => h.ui.toasts.find((m) => m.text.startsWith('Match: saved.jar has the same SHA-256')), 'the match message');
  });

  it('writes nothing when the bytes do not match the checksum', async () => {
    const h = await start();
    h.fake.corruptDownloads = true;
    const target = path.join(folder, 'bad.jar');
    h.ui.chooseInDialog([Uri.file(target)]);
    await h.run('gitlabPackages.downloadFile', (await jarRow(h)).node);
    await waitFor(() => h.ui.errors.find((m) => /SHA-256 does not match the registry/.test(m.text)), 'the mismatch error');
    assert.ok(!existsSync(target));
  });

  const ruleWrites = (h: Harness) => h.fake.requests.filter((r) => r.method !== 'GET' && r.path.includes('/protection/rules'));

  it('Add Rule… sends the rule in the POST body; GitLab creates it (201) and the message words the rule GitLab returned', async () => {
    const h = await start();
    const rules = await h.find('acme/app', 'Protection Rules');
    h.ui.type('acme-*').pick('pypi', 'owner+', 'admin+').answer('Add Rule');
    await h.run('gitlabPackages.addProtectionRule', rules.node);
    const [post] = ruleWrites(h);
    assert.deepEqual(
      [post.status, post.body],
      [201, { package_name_pattern: 'acme-*', package_type: 'pypi', minimum_access_level_for_push: 'owner', minimum_access_level_for_delete: 'admin' }],
    );
    assert.deepEqual(h.ui.errors, []);
    assert.equal(h.ui.toasts.at(-1)?.text, 'Added protection rule acme-* (pypi) (push: owner+, delete: admin+).');
    const added = h.fake.protectionRulesOf(SAMPLE.projects.app.id).find((r) => r.packageNamePattern === 'acme-*');
    assert.deepEqual([added?.minimumAccessLevelForPush, added?.minimumAccessLevelForDelete], ['owner', 'admin']);
  });

  it('Edit Rule… sends the change in the PATCH body; GitLab applies it and the message words the rule GitLab returned', async () => {
    const h = await start();
    const rule = await h.find('acme/app', 'Protection Rules', '@acme/*');
    h.ui.type('@acme/*').pick('npm', 'owner+', 'admin+').answer('Save Rule');
    await h.run('gitlabPackages.editProtectionRule', rule.node);
    const [patch] = ruleWrites(h);
    assert.deepEqual(
      [patch.method, patch.status, patch.body],
      [
        'PATCH',
        200,
        { package_name_pattern: '@acme/*', package_type: 'npm', minimum_access_level_for_push: 'owner', minimum_access_level_for_delete: 'admin' },
      ],
    );
    const saved = h.fake.protectionRulesOf(SAMPLE.projects.app.id).find((r) => r.packageNamePattern === '@acme/*');
    assert.deepEqual([saved?.minimumAccessLevelForPush, saved?.minimumAccessLevelForDelete], ['owner', 'admin'], 'GitLab changed the rule');
    assert.deepEqual(
      h.ui.toasts.filter((m) => m.level !== 'info'),
      [],
    );
    assert.equal(h.ui.toasts.at(-1)?.text, 'Saved protection rule @acme/* (npm) (push: owner+, delete: admin+).');
  });

  it('has no environment: GITLAB_PACKAGES_TOKEN is not read there', async () => {
    const h = await start({ token: undefined, env: { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken } });
    await h.find('acme/app', `No access token for ${new URL(h.fake.url).host} — Set Access Token…`);
  });

  it('reads git remotes through the Git API when it is in the same host', async () => {
    const git = new FakeGitApi();
    const h = await start({ beforeActivate: (w) => void w.provideGit(git) });
    git.openRepository(folder, [{ name: 'origin', fetchUrl: `${h.fake.url}/acme/big.git` }]);
    await waitFor(async () => (await h.rows()).some((r) => r.label === 'acme/big'), 'the detected project');
  });

  it('skips git remotes when the Git API does not reach (a web worker beside the Node host: the extension is listed, its exports are not)', async () => {
    const other = await start({
      beforeActivate: (w) =>
        w.extensionsById.set('vscode.git', { id: 'vscode.git', isActive: false, exports: undefined, activate: () => Promise.resolve(undefined) }),
    });
    assert.deepEqual(
      (await other.rows()).map((r) => r.label),
      ['acme/app'],
    );
    assert.deepEqual(other.ui.errors, []);
  });
});
