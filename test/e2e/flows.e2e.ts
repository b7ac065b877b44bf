/**
 * A person's flows in a real VS Code (code-server + Chromium), one test each, in order:
 * they share one workbench, as a user's session would.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLE } from '../fake-gitlab/seed';
import { FakeGitLab } from '../fake-gitlab/server';
import { makeTestCerts } from '../support/certs';
import { cleanUpFlow } from './cleanUpFlow';
import { REMOTE_PROJECT, settingsFiles, useEnvironment } from './harness';
import { lockfileChangedAndRevealed } from './lockfileFlow';
import {
  browsesThreeLevelsAndPages,
  copiesChecksumFile,
  copiesFileChecksum,
  deletesWithOneConfirmation,
  downloadsVerifiedAndCompares,
  filtersByType,
  pkgId as sharedPkgId,
  setsToken,
  showsNoTokenRow,
  showsRejectedTokenRow,
} from './coreFlows';
import { until } from './until';

const OTHER_TOKEN = 'second-instance-test-token-0003';

describe('GitLab Packages in a real VS Code', function () {
  this.timeout(60_000);
  const env = useEnvironment();
  const appId = SAMPLE.projects.app.id;

  const pkgId = (name: string, version: string): number => sharedPkgId(env(), name, version);
  const deletes = () => env().fake.requests.filter((r) => r.method === 'DELETE');
  /** Show Package Details on a row; its text once rendered (the document is filled in once its requests are answered: wait for `last`, its last section). */
  const detailsOf = async (row: string, last: string): Promise<string> => {
    const { wb } = env();
    await wb.contextMenu(row, 'Show Package Details');
    const editor = wb.page.locator('.editor-instance .view-lines').first();
    await editor.waitFor({ timeout: 15_000 });
    return until(
      async () => {
        const t = (await editor.innerText()).replace(/\u00a0/g, ' ');
        return t.includes(last) && t;
      },
      { what: `package details with "${last}"` },
    );
  };

  it('shows the projects with no token, and a row that offers to set one', () => showsNoTokenRow(env()));

  it('sets the token from the palette: password box, checked with GET /user, signed in as', () => setsToken(env()));

  it("lists the project of the workspace's git remote first, marked detected, and follows a remote change and the repository closing and opening", async () => {
    const { wb, fake, codeServer } = env();
    await wb.row(REMOTE_PROJECT);
    const first = (await wb.rowLabels())[0];
    assert.ok(first.startsWith(REMOTE_PROJECT) && first.includes('detected'), `first row: ${first}`);
    await wb.expand(REMOTE_PROJECT);
    await wb.row('fips-lib 1.0.0 · generic');
    await wb.collapse(REMOTE_PROJECT);
    const setRemote = (project: string) => execFileSync('git', ['remote', 'set-url', 'origin', `${fake.url}/${project}.git`], { cwd: codeServer.workspace });
    try {
      setRemote('acme/readonly');
      await wb.row('acme/readonly', 30_000);
      assert.ok(!(await wb.rowLabels()).some((l) => l.startsWith(REMOTE_PROJECT)), 'the old remote project is gone');
    } finally {
      setRemote(REMOTE_PROJECT);
    }
    await wb.row(REMOTE_PROJECT, 30_000);

    // The repository closes: its project goes; it opens again: the project is back.
    await wb.runCommand('Git: Close Repository');
    await wb.rowsGone(REMOTE_PROJECT, 15_000); // gone with its repository
    await wb.runCommand('Git: Open Repository');
    await wb.fileDialogChooseFolder(codeServer.workspace);
    await wb.row(REMOTE_PROJECT, 30_000);
  });

  it('browses projects → packages → files, and pages past the first page', () => browsesThreeLevelsAndPages(env()));

  it('copies a file checksum (SHA-256) to the clipboard', () => copiesFileChecksum(env()));

  it("copies a package's checksum file (sha256sum -c format)", () => copiesChecksumFile(env()));

  it('downloads a file into a chosen folder, verified against its SHA-256, then compares a local file', () =>
    downloadsVerifiedAndCompares(env(), async () => {
      const { wb } = env();
      // code-server's own folder picker, opened at the workspace folder.
      await wb.quickInput().waitFor();
      await wb.page.locator('.quick-input-widget .monaco-button:text-is("Download Here")').click();
    }));

  it('shows package details: facts, other versions and every file with its checksums', async () => {
    const { wb, fake } = env();
    const jar = fake.getPackage(pkgId('com/mycompany/my-app', '1.0-SNAPSHOT'))!.files.find((f) => f.fileName.endsWith('.jar'))!;
    const text = await detailsOf('com/mycompany/my-app 1.0-SNAPSHOT · maven', 'Files (3)');
    assert.match(text, /^com\/mycompany\/my-app 1\.0-SNAPSHOT/);
    assert.match(text, /Other versions: +0\.9\.0/);
    assert.ok(!/\\[.#\-*_]/.test(text), 'what a person reads carries no Markdown escapes');
    assert.ok(text.includes(jar.sha256), "the jar's SHA-256 is listed");
    await wb.page.keyboard.press('Control+W');
  });

  it('copies an install snippet for the package type (Gradle coordinates)', async () => {
    const { wb } = env();
    await wb.writeClipboard('sentinel');
    await wb.contextMenu('com/mycompany/my-app 1.0-SNAPSHOT · maven', 'Copy Install Command…');
    await wb.quickPick('Gradle (Groovy)');
    assert.equal(await wb.clipboardAfter('sentinel'), "implementation 'com.mycompany:my-app:1.0-SNAPSHOT'");
  });

  it('protection and provenance: a protected package shows its lock and rule, its delete is refused before any DELETE, a maintainer adds and removes a rule, the details list two pipelines', async () => {
    const { wb, fake } = env();
    fake.clearRequests();
    const release = 'protected-release 1.0.0 · generic · 🔒 protected';
    const tip = await wb.tooltip(release);
    assert.match(tip, /push: maintainer\+, delete: admin\+/);
    assert.match(tip, /protected by the rule protected-\* \(generic\): only admin\+ may delete it/);

    // Not offered in the menu; the Delete key on it is refused before anything is sent.
    const items = await wb.contextMenuItems(release);
    assert.ok(items.includes('Show Package Details') && !items.includes('Delete Package…'), `the menu of ${release}: ${items.join(', ')}`);
    await wb.click(release);
    await wb.page.keyboard.press('Delete');
    await wb.waitForNotification(/Not deleted: protected-release 1\.0\.0 — protected by the rule protected-\* \(generic\): only admin\+ may delete it/);
    assert.equal(deletes().length, 0);

    // A maintainer (here the owner) adds a rule: the package it covers shows its lock; then removes it.
    await wb.expand('Protection Rules');
    await wb.row('protected-*');
    await wb.contextMenu('Protection Rules', 'Add Rule…');
    await wb.quickInputType('acme-*');
    await wb.quickPickAnswering(/Which package type/, 'pypi');
    await wb.quickPickAnswering(/Who may push/, 'owner+');
    await wb.quickPickAnswering(/Who may delete/, 'maintainer+');
    const dialog = await wb.dialogText();
    assert.match(dialog, /Add protection rule acme-\* \(pypi\) to acme\/app\?/);
    assert.match(dialog, /It covers 1 of the packages listed: • acme-tools 0\.4\.0/);
    await wb.dialogButton('Add Rule');
    await wb.waitForNotification(/Added protection rule acme-\* \(pypi\) \(push: owner\+\)/);
    const posts = fake.requests.filter((r) => r.method === 'POST');
    assert.deepEqual(
      posts.map((r) => r.body),
      [{ package_name_pattern: 'acme-*', package_type: 'pypi', minimum_access_level_for_push: 'owner', minimum_access_level_for_delete: null }],
    );
    await wb.row('acme-tools 0.4.0 · pypi · 🔒 protected');
    await wb.contextMenu('acme-*', 'Delete Rule…');
    assert.match(await wb.dialogText(), /Delete protection rule acme-\* \(pypi\) from acme\/app\?/);
    await wb.dialogButton('Delete Rule');
    await wb.waitForNotification(/Deleted protection rule acme-\* \(pypi\)/);
    await until(async () => !(await (await wb.row('acme-tools 0.4.0 · pypi')).getAttribute('aria-label'))?.includes('🔒'), {
      what: 'acme-tools without its lock',
    });
    assert.equal(fake.requests.filter((r) => r.method === 'DELETE' && r.path.includes('/protection/rules/')).length, 1);
    assert.equal(deletes().filter((r) => !r.path.includes('/protection/')).length, 0, 'no package DELETE at any point');
    await wb.collapse('Protection Rules');

    // Provenance: the details document lists both pipelines that published the snapshot.
    const text = await detailsOf('com/mycompany/my-app 1.0-SNAPSHOT · maven', 'Files (3)');
    assert.match(text, /Pipeline: +#9001 · main · aaaa9001 · ✓ success/);
    assert.match(text, /Earlier pipeline: +#8950 · main · aaaa8950 · ✓ success · Demo User/);
    await wb.page.keyboard.press('Control+W');
  });

  it('deletes from the context menu: one modal naming the package, exactly one DELETE, row gone', () => deletesWithOneConfirmation(env()));

  it('cancelling the confirmation sends nothing', async () => {
    const { wb, fake } = env();
    fake.clearRequests();
    await wb.contextMenu('release-assets 2025.03.05 · generic', 'Delete Package…');
    assert.match(await wb.dialogText(), /release-assets/);
    await wb.dialogButton('Cancel');
    await wb.quietPeriod();
    assert.equal(deletes().length, 0);
    await wb.row('release-assets 2025.03.05 · generic');
  });

  it('deletes from the palette: pick project, search by name, pick, confirm', async () => {
    const { wb, fake } = env();
    fake.clearRequests();
    const id = pkgId('Acme.Core', '3.1.0');
    await wb.runCommand('GitLab Packages: Delete Package…');
    await wb.quickPick('acme/app');
    await wb.quickInputType('Acme.C', false);
    await until(() => fake.requests.some((r) => r.path === `/api/v4/projects/${appId}/packages` && r.query.package_name === 'Acme.C' && r.status === 200), {
      what: 'the search on the server',
    });
    await wb.quickPick('Acme.Core');
    assert.match(await wb.dialogText(), /Delete package Acme\.Core version 3\.1\.0 from acme\/app\?/);
    await wb.dialogButton('Delete');
    await wb.waitForNotification(/Deleted Acme\.Core 3\.1\.0/);
    assert.deepEqual(
      deletes().map((r) => r.path),
      [`/api/v4/projects/${appId}/packages/${id}`],
    );
  });

  it('deletes a multi-selection after one confirmation listing both', async () => {
    const { wb, fake } = env();
    fake.clearRequests();
    const ids = [pkgId('@acme/ui', '2.3.1'), pkgId('acme-tools', '0.4.0')];
    await wb.click('@acme/ui 2.3.1 · npm');
    await (await wb.row('acme-tools 0.4.0 · pypi')).click({ modifiers: ['Control'] });
    await wb.contextMenu('acme-tools 0.4.0 · pypi', 'Delete Package…');
    const text = await wb.dialogText();
    assert.match(text, /Delete 2 packages from acme\/app\?/);
    assert.match(text, /@acme\/ui 2\.3\.1/);
    assert.match(text, /acme-tools 0\.4\.0/);
    await wb.dialogButton('Delete');
    await wb.waitForNotification(/Deleted 2 packages/);
    assert.deepEqual(
      deletes()
        .map((r) => r.path)
        .sort(),
      ids.map((id) => `/api/v4/projects/${appId}/packages/${id}`).sort(),
    );
  });

  it('deletes a single package file, and warns before deleting the last one', async () => {
    const { wb, fake } = env();
    fake.clearRequests();
    const pkg = fake.getPackage(pkgId('release-assets', '2025.03.05'))!;
    const file = pkg.files.find((f) => f.fileName === 'checksums/SHA256SUMS')!;
    await wb.expand('release-assets 2025.03.05 · generic');
    await wb.contextMenu('checksums/SHA256SUMS', 'Delete Package File…');
    const text = await wb.dialogText();
    assert.match(text, /Delete file checksums\/SHA256SUMS of package release-assets 2025\.03\.05 from acme\/app\?/);
    assert.doesNotMatch(text, /last file/);
    await wb.dialogButton('Delete');
    await wb.waitForNotification(/Deleted checksums\/SHA256SUMS/);
    assert.deepEqual(
      deletes().map((r) => r.path),
      [`/api/v4/projects/${appId}/packages/${pkg.id}/package_files/${file.id}`],
    );

    await wb.expand('com/mycompany/my-app 0.9.0 · maven');
    await wb.contextMenu('my-app-0.9.0.jar', 'Delete Package File…');
    assert.match(await wb.dialogText(), /This is the last file of com\/mycompany\/my-app 0\.9\.0: deleting it removes that version\./);
    await wb.dialogButton('Cancel');
    assert.equal(deletes().length, 1);
  });

  it('a rejected token (401) shows a row that offers to set a new one', () => showsRejectedTokenRow(env()));

  it('a read-only token is said so at sign-in, and a delete offers to replace it in one click', async () => {
    const { wb } = env();
    const pkg = 'release-assets 2025.03.05 · generic';
    const menuOffersDelete = async () => {
      const items = await wb.contextMenuItems(pkg);
      // A right-click that met a closing quick input opens some other menu: look again.
      assert.ok(items.includes('Show Package Details'), `the menu of ${pkg}: ${items.join(', ')}`);
      return items.includes('Delete Package…');
    };
    await wb.runCommand('GitLab Packages: Set Access Token…');
    await wb.quickInputType(SAMPLE.readToken);
    await wb.waitForNotificationSeen(/Signed in to 127\.0\.0\.1:\d+ as Demo User \(@demo\)\. This token can browse but not delete/);
    // What a user sees next: the tree redrawn for the new token, its packages without Delete
    // (GitLab sends no delete_api_path). Then one palette delete must be refused, no retries.
    // Known product race: the refusal rests on a second scope check that starts only after the
    // secret's change event; a delete before it lands goes on to the project picker.
    await until(async () => !(await menuOffersDelete()), { timeoutMs: 15_000, intervalMs: 250, what: `no "Delete Package…" in the menu of ${pkg}` });
    await wb.runCommand('GitLab Packages: Delete Package…');
    await wb.notificationAction(/can only read \(it lacks the "api" scope\)/, 'Replace Token…');
    await wb.page.locator('.quick-input-widget .quick-input-box input[type="password"]').waitFor({ timeout: 10_000 });
    await wb.quickInputType(SAMPLE.apiToken);
    // With the api token back (its menu offers Delete again), the palette delete goes on to pick a project.
    await until(menuOffersDelete, { timeoutMs: 15_000, intervalMs: 250, what: `"Delete Package…" in the menu of ${pkg} again` });
    await wb.runCommand('GitLab Packages: Delete Package…');
    await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="acme/app"]').first().waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
  });

  it('filters by type from the view title, shows the filter, and clears it', () => filtersByType(env()));

  it("lists a group's packages with their projects, and deletes from there", async () => {
    const { wb, fake } = env();
    await wb.runCommand('GitLab Packages: Add Group…');
    await wb.quickInputType('acme');
    try {
      await wb.expand('acme group');
      await wb.row('service-14 1.9.0 · npm · acme/big');
      // A long list: narrow it as a person would, with the group's own filter.
      await wb.contextMenu('acme group', 'Filter and Sort…');
      await wb.quickPick('Name contains');
      await wb.quickInputType('fips');
      await wb.quickPick('Apply');
      const fips = fake.packagesOf(SAMPLE.projects.fips.id)[0];
      fake.clearRequests();
      await wb.contextMenu('fips-lib 1.0.0 · generic · acme/fips', 'Delete Package…');
      assert.match(await wb.dialogText(), /Delete package fips-lib version 1\.0\.0 from acme\/fips\?/);
      await wb.dialogButton('Delete');
      await wb.waitForNotification(/Deleted fips-lib 1\.0\.0/);
      assert.deepEqual(
        deletes().map((r) => r.path),
        [`/api/v4/projects/${SAMPLE.projects.fips.id}/packages/${fips.id}`],
      );
      await wb.collapse('acme group');
    } finally {
      await wb.contextMenu('acme group', 'Remove Project');
    }
  });

  it('groups versions under their package name when asked to', async () => {
    const { wb } = env();
    await wb.runCommand('GitLab Packages: Toggle Grouping by Package Name');
    try {
      await wb.expand('acme/app');
      await wb.expand('com/mycompany/my-app 2 versions · maven');
      await wb.row('com/mycompany/my-app 1.0-SNAPSHOT · maven');
      await wb.row('com/mycompany/my-app 0.9.0 · maven');
    } finally {
      await wb.runCommand('GitLab Packages: Toggle Grouping by Package Name');
    }
    await wb.row('release-assets 2025.03.05 · generic');
  });

  it('lists an 11.9-shape project like any other', async () => {
    const { wb } = env();
    await wb.expand('legacy/old-server');
    await wb.row('com/legacy/core 2.0.1 · maven');
    await wb.expand('com/legacy/core 2.0.1 · maven');
    await wb.row('core-2.0.1.jar');
  });

  it('renders a package name holding Markdown/HTML as plain text', async () => {
    const { wb } = env();
    const raw = '**bold** <img src=x onerror=alert(1)> [link](command:foo)';
    await wb.expand('acme/app');
    const row = await wb.row(raw);
    assert.equal(await row.locator('.label-name').innerText(), raw);
    await row.hover();
    const hover = wb.page.locator('.monaco-hover, .workbench-hover').first();
    await hover.waitFor({ timeout: 10_000 });
    assert.match(await hover.innerText(), /\*\*bold\*\* <img src=x onerror=alert\(1\)> \[link\]\(command:foo\)/);
    assert.equal(await wb.page.locator('.monaco-hover img, .workbench-hover img, .monaco-hover a[href^="command:"]').count(), 0);
  });

  it('adds a project of a second GitLab: instances at the root, each with its own token, and an expiry warning', async () => {
    const { wb, fake } = env();
    const other = await FakeGitLab.start({ seed: 'none' });
    try {
      other.addUser({ id: 1, username: 'ops', name: 'Ops Person' });
      const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      other.addToken({ value: OTHER_TOKEN, userId: 1, scopes: ['api'], name: 'ops laptop', expiresAt });
      const tools = other.addProject({ id: 7, pathWithNamespace: 'platform/tools', members: { 1: 50 } });
      other.addPackage(tools.id, { name: 'toolbox', version: '3.0.0', packageType: 'generic' });
      const [host, mainHost] = [new URL(other.url).host, new URL(fake.url).host];
      fake.clearRequests();

      await wb.runCommand('GitLab Packages: Add Project…');
      await wb.quickInputType(`${other.url}/platform/tools`);
      assert.match(
        await wb.dialogText(),
        new RegExp(`platform/tools was not found\\. If it is private, set an access token for ${host.replace(/\./g, '\\.')} first`),
      );
      await wb.dialogButton('Set Access Token…');
      await wb.page.locator('.quick-input-widget .quick-input-box input[type="password"]').waitFor({ timeout: 10_000 });
      assert.match(await wb.page.locator('.quick-input-widget').innerText(), new RegExp(`GitLab access token for ${host.replace(/\./g, '\\.')}`));
      await wb.quickInputType(OTHER_TOKEN);
      // One message at sign-in says it all: who, and that the token expires soon.
      await wb.waitForNotificationSeen(new RegExp(`Signed in to 127\\.0\\.0\\.1:\\d+ as Ops Person \\(@ops\\)\\. It expires in 5 days \\(${expiresAt}\\)`));
      await wb.waitForNotificationSeen(/Added platform\/tools/);

      await wb.row(mainHost);
      await wb.row(`${host} token expires in 5 days`);
      await wb.expand('platform/tools');
      await wb.row('toolbox 3.0.0 · generic');
      // Each instance was sent its own token only.
      assert.ok(other.requests.some((r) => r.auth === 'private-token' && r.tokenKnown));
      assert.deepEqual(
        other.requests.filter((r) => r.auth !== 'none' && !r.tokenKnown),
        [],
      );
      assert.deepEqual(
        fake.requests.filter((r) => r.auth !== 'none' && !r.tokenKnown),
        [],
      );
      await wb.contextMenu('platform/tools', 'Remove Project');
      await wb.row('acme/app');
      await wb.rowsGone(mainHost);
      assert.ok(!(await wb.rowLabels()).some((l) => l.startsWith(mainHost) || l.startsWith(host)), 'one instance again: projects at the root');
    } finally {
      await other.stop();
    }
  });

  it('reaches a self-managed instance with a self-signed certificate once allowUntrustedCertificate is set for it', async () => {
    const { wb, codeServer } = env();
    const certs = makeTestCerts();
    // 127.0.0.2 is loopback, but not "localhost" to VS Code: its proxy support replaces our connection there, as on a real host.
    const selfManaged = await FakeGitLab.start({ seed: 'none', host: '127.0.0.2', https: certs.selfSigned });
    const { user: userSettings, remote: remoteSettings, original } = settingsFiles(codeServer);
    const edit = async (command: string, file: string, wanted: Record<string, unknown>) => {
      await wb.editSettingsJson(command, file, wanted);
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), wanted, `${path.basename(path.dirname(file))}/settings.json saved as edited`);
    };
    const writeSettings = (extra: Record<string, unknown>) => edit('Preferences: Open User Settings (JSON)', userSettings, { ...original, ...extra });
    const writeRemoteSettings = (settings: Record<string, unknown>) => edit('Preferences: Open Remote Settings (JSON)', remoteSettings, settings);
    try {
      selfManaged.addUser({ id: 1, username: 'lab', name: 'Lab User' });
      selfManaged.addToken({ value: OTHER_TOKEN, userId: 1, scopes: ['api'], name: 'lab', expiresAt: null });
      const lab = selfManaged.addProject({ id: 9, pathWithNamespace: 'lab/firmware', members: { 1: 50 } });
      selfManaged.addPackage(lab.id, { name: 'firmware', version: '7.1.0', packageType: 'generic' });
      const host = new URL(selfManaged.url).host;
      const projects = [...(original['gitlabPackages.projects'] as string[]), `${selfManaged.url}/lab/firmware`];

      // As a user first meets it: the certificate is refused, and the row says what to set.
      await writeSettings({ 'gitlabPackages.projects': projects });
      await wb.expand('lab/firmware');
      const refused = `The certificate of ${host} is self-signed`;
      assert.match(await wb.rowStartingWith(refused), /allowUntrustedCertificate/);

      await writeRemoteSettings({ 'gitlabPackages.instances': { [selfManaged.url]: { allowUntrustedCertificate: true } } });
      await wb.waitForNotificationSeen(new RegExp(`Certificate checks are off for ${host.replace(/\./g, '\\.')}`));
      await wb.expand('lab/firmware');
      await wb.click(`No access token for ${host} — Set Access Token…`);
      await wb.quickInputType(OTHER_TOKEN);
      await wb.row('firmware 7.1.0 · generic');
      assert.ok(
        selfManaged.requests.some((r) => r.path.endsWith('/packages') && r.tokenKnown),
        'listed with its token over https',
      );
    } finally {
      await writeRemoteSettings({}).catch(() => undefined);
      await writeSettings({});
      await selfManaged.stop();
      certs.cleanup();
    }
    await wb.row('acme/app');
  });

  it('never writes the token to settings or log files', () => {
    const { codeServer } = env();
    const settings = readFileSync(path.join(codeServer.userDataDir, 'User', 'settings.json'), 'utf8');
    const logs = codeServer.logs();
    // Request lines are at debug level; failed ones (the 401 flow) are warnings, so the file has some.
    assert.match(logs, /GET \/\S+ → 401/, 'request lines are in the log');
    for (const token of [SAMPLE.apiToken, OTHER_TOKEN]) {
      assert.ok(!settings.includes(token));
      assert.ok(!logs.includes(token));
    }
  });

  it('cleans up with a rule from a keybinding: the preview lists exactly the candidates, an unchecked one stays, confirm deletes exactly those; Cancel mid-way sends no more', async () => {
    await cleanUpFlow(env());
  });

  it('a lockfile entry published again is a "changed" problem on its line, counted in the status bar, and its quick fix reveals the package', () =>
    lockfileChangedAndRevealed(env()));
});
