/**
 * The core flows a second time, with the extension forced into the browser's web-worker
 * extension host (its `browser` entry, dist/web/extension.js): every request then leaves the
 * browser, cross-origin, so the fake GitLab must answer CORS as GitLab does. Then what only a
 * browser does: refuse a server without those headers, and hide a redirect to object storage.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLE } from '../fake-gitlab/seed';
import { FakeGitLab } from '../fake-gitlab/server';
import { makeTestCerts } from '../support/certs';
import * as core from './coreFlows';
import { REMOTE_PROJECT, settingsFiles, useEnvironment, WEB_WORKER_HOST } from './harness';
import { lockfileChangedAndRevealed } from './lockfileFlow';

describe('GitLab Packages in the browser (web-worker extension host)', function () {
  this.timeout(60_000);
  const env = useEnvironment(WEB_WORKER_HOST);
  const ownOrigin = () => new URL(env().codeServer.url).origin;
  /** Answers code-server's save dialog, which opens on the workspace folder with the file's name filled in. */
  const saveAsProposed = async () => {
    const { wb } = env();
    await wb.fileDialogListed();
    assert.match(await wb.quickInput().inputValue(), /\/my-app-1\.0-20180724\.120000-1\.jar$/);
    await wb.quickInput().press('Enter');
  };

  it('web: shows the projects with no token, and a row that offers to set one', () => core.showsNoTokenRow(env()));

  it('web: sets the token; every request comes from the browser, the token ones after a CORS preflight', async () => {
    const { fake } = env();
    await core.setsToken(env());
    assert.ok(fake.requests.length > 0 && fake.requests.every((r) => r.origin === ownOrigin()), 'sent by the workbench page, not by Node');
    const preflight = fake.requests.find((r) => r.method === 'OPTIONS' && r.path === '/api/v4/user');
    const get = fake.requests.find((r) => r.method === 'GET' && r.path === '/api/v4/user');
    assert.ok(preflight && get && preflight.at <= get.at && preflight.status === 200, 'OPTIONS answered before the GET /user');
  });

  it('web: browses projects → packages → files, and pages past the first page', () => core.browsesThreeLevelsAndPages(env()));

  it('web: copies a file checksum (SHA-256) to the clipboard', () => core.copiesFileChecksum(env()));

  it("web: copies a package's checksum file (sha256sum -c format)", () => core.copiesChecksumFile(env()));

  it('web: downloads through a save dialog and workspace.fs, verified before it is written, then compares', () =>
    core.downloadsVerifiedAndCompares(env(), saveAsProposed));

  it('web: deletes from the context menu: one modal naming the package, exactly one DELETE, row gone', () => core.deletesWithOneConfirmation(env()));

  it('web: a rejected token (401) shows a row that offers to set a new one', () => core.showsRejectedTokenRow(env()));

  it('web: filters by type from the view title, shows the filter, and clears it', () => core.filtersByType(env()));

  it('web: adds a protection rule and edits it: the POST and the PATCH carry their bodies, GitLab applies them, the messages word what it returned', async () => {
    const { wb, fake } = env();
    fake.clearRequests();
    const writes = () => fake.requests.filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS' && r.path.includes('/protection/rules'));
    const stored = () => fake.protectionRulesOf(SAMPLE.projects.app.id).find((r) => r.packageNamePattern === 'web-*');
    await wb.expand('Protection Rules');
    await wb.row('protected-*');
    await wb.contextMenu('Protection Rules', 'Add Rule…');
    await wb.quickInputType('web-*');
    await wb.quickPickAnswering(/Which package type/, 'npm');
    await wb.quickPickAnswering(/Who may push/, 'owner+');
    await wb.quickPickAnswering(/Who may delete/, 'admin+');
    assert.match(await wb.dialogText(), /Add protection rule web-\* \(npm\) to acme\/app\?/);
    await wb.dialogButton('Add Rule');
    await wb.waitForNotification(/Added protection rule web-\* \(npm\) \(push: owner\+, delete: admin\+\)\./);
    const rule = { package_name_pattern: 'web-*', package_type: 'npm' };
    assert.deepEqual(
      writes().map((r) => [r.method, r.status, r.body]),
      [['POST', 201, { ...rule, minimum_access_level_for_push: 'owner', minimum_access_level_for_delete: 'admin' }]],
    );
    assert.ok(
      writes().every((r) => r.origin === ownOrigin()),
      'sent by the browser',
    );

    await wb.contextMenu('web-*', 'Edit Rule…');
    await wb.quickInputType('web-*');
    await wb.quickPickAnswering(/Which package type/, 'npm');
    await wb.quickPickAnswering(/Who may push/, 'maintainer+');
    await wb.quickPickAnswering(/Who may delete/, 'owner+');
    assert.match(await wb.dialogText(), /After: web-\* \(npm\) · push: maintainer\+, delete: owner\+/);
    await wb.dialogButton('Save Rule');
    await wb.waitForNotification(/Saved protection rule web-\* \(npm\) \(push: maintainer\+, delete: owner\+\)\./);
    assert.deepEqual(
      writes()
        .map((r) => [r.method, r.status, r.body])
        .slice(1),
      [['PATCH', 200, { ...rule, minimum_access_level_for_push: 'maintainer', minimum_access_level_for_delete: 'owner' }]],
    );
    assert.deepEqual([stored()?.minimumAccessLevelForPush, stored()?.minimumAccessLevelForDelete], ['maintainer', 'owner'], 'GitLab changed the rule');
    await wb.row('web-* npm · push: maintainer+, delete: owner+');

    await wb.contextMenu('web-*', 'Delete Rule…');
    await wb.dialogButton('Delete Rule');
    await wb.waitForNotification(/Deleted protection rule web-\* \(npm\)/);
    assert.equal(stored(), undefined);
    await wb.collapse('Protection Rules');
  });

  it("web: does not list the git remote's project: the Git extension's API is not reachable from a web worker", async () => {
    const { wb } = env();
    await wb.row('acme/app');
    assert.ok(!(await wb.rowLabels()).some((l) => l.startsWith(REMOTE_PROJECT)));
  });

  it("web: without GitLab's CORS headers (a proxy that strips them) the browser refuses, and the row says why", async () => {
    const { wb, fake } = env();
    fake.cors = false;
    try {
      await wb.runCommand('GitLab Packages: Refresh');
      await wb.expand('acme/app');
      const row = await wb.rowStartingWith('Cannot reach GitLab: the browser refused the request without saying why');
      assert.match(row, /does not send GitLab's CORS headers/);
      assert.ok(
        fake.requests.some((r) => r.method === 'OPTIONS'),
        'the browser asked, and went no further',
      );
    } finally {
      fake.cors = true;
      await wb.runCommand('GitLab Packages: Refresh');
    }
    await wb.expand('acme/app');
    await wb.row('release-assets 2025.03.05 · generic');
  });

  it('web: a certificate the browser does not trust is a refusal naming the certificate; TLS settings say they do not apply', async () => {
    const { wb, codeServer } = env();
    const certs = makeTestCerts();
    const selfManaged = await FakeGitLab.start({ seed: 'none', host: '127.0.0.2', https: certs.selfSigned });
    const { user: userSettings, remote: remoteSettings, original } = settingsFiles(codeServer);
    const host = new URL(selfManaged.url).host;
    try {
      selfManaged.addProject({ id: 9, pathWithNamespace: 'lab/firmware', visibility: 'public' });
      const projects = [...(original['gitlabPackages.projects'] as string[]), `${selfManaged.url}/lab/firmware`];
      await wb.editSettingsJson('Preferences: Open User Settings (JSON)', userSettings, { ...original, 'gitlabPackages.projects': projects });
      await wb.editSettingsJson('Preferences: Open Remote Settings (JSON)', remoteSettings, {
        'gitlabPackages.instances': { [selfManaged.url]: { allowUntrustedCertificate: true } },
      });
      await wb.expand('lab/firmware');
      const row = await wb.rowStartingWith('Cannot reach GitLab: the browser refused the request without saying why');
      assert.match(row, new RegExp(`does not trust the server's certificate \\(open ${selfManaged.url.replace(/\./g, '\\.')} in a browser tab`));
      await wb.waitForNotificationSeen(new RegExp(`caFile and allowUntrustedCertificate for ${host.replace(/\./g, '\\.')} .* do not apply in the browser`));
      assert.equal(selfManaged.requests.length, 0, 'the browser sent nothing past the handshake');
    } finally {
      await wb.editSettingsJson('Preferences: Open Remote Settings (JSON)', remoteSettings, {}).catch(() => undefined);
      await wb.editSettingsJson('Preferences: Open User Settings (JSON)', userSettings, original);
      await selfManaged.stop();
      certs.cleanup();
    }
    await wb.row('acme/app');
  });

  it('web: a download redirected to object storage fails with Open in Browser offered, and writes nothing', async () => {
    const { wb, fake, codeServer } = env();
    fake.fail({ method: 'GET', path: /\/package_files\/\d+\/download$/ }, { kind: 'redirect', location: 'http://127.0.0.1:9/bucket/object?X-Amz-Signature=x' });
    try {
      await wb.expand('acme/app');
      await wb.expand('release-assets 2025.03.05 · generic');
      await wb.contextMenu('app-linux-amd64.tar.gz', 'Download File…');
      await wb.fileDialogListed();
      await wb.quickInput().press('Enter');
      const opened = wb.context.waitForEvent('page', { timeout: 15_000 });
      await wb.notificationAction(/redirected the request \(for a download: to object storage\)/, 'Open in Browser');
      // The browser tab, signed in to GitLab, can follow the redirect: it is sent the API's download address.
      const tab = await opened;
      assert.match(tab.url(), /\/api\/v4\/projects\/[^/]+\/packages\/\d+\/package_files\/\d+\/download$/);
      await tab.close();
      assert.ok(!existsSync(path.join(codeServer.workspace, 'app-linux-amd64.tar.gz')));
    } finally {
      fake.clearFaults();
    }
  });

  it('web: a lockfile entry published again is a "changed" problem on its line, counted in the status bar, and its quick fix reveals the package', () =>
    lockfileChangedAndRevealed(env()));
});
