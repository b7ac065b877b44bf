/**
 * Verify by Downloading on the Node host, against the fake GitLab with the lockfile seed: run as a
 * lockfile diagnostic runs it (the entry as its argument), it downloads the registry's file, says
 * whether it has the lockfile's SHA-512 and keeps the answer for the diagnostics until Refresh;
 * Cancel, a failed download, an instance the settings do not name and an untrusted workspace
 * keep nothing. Nothing is ever written or deleted.
 */
import { strict as assert } from 'node:assert';
import type { VerifyByDownloadingArgs } from '../../../../src/core/lockfiles/downloadRequest';
import { LOCKFILE_SEED, NPM_PUBLISHED } from '../../../fake-gitlab/seedLockfiles';
import type { PackageFile } from '../../../fake-gitlab/store';
import { harnessPerTest, type Harness } from '../../../support/double/harness';
import { ExtensionMode } from '../../../support/double/vscode';
import { digest, useLockfileFake } from '../../../support/lockfileFake';

const COMMAND = 'gitlabPackages.verifyByDownloading';
const WEB = LOCKFILE_SEED.projects.web.id;

describe('Verify by Downloading', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const t = harnessPerTest();
  const start = (opts: { isTrusted?: boolean } = {}) =>
    t.start({ fake: fake(), tokens: { [fake().url]: LOCKFILE_SEED.token }, isTrusted: opts.isTrusted, extensionMode: ExtensionMode.Test });

  /** The file GitLab serves for @lockco/ui 1.1.0, and the argument a diagnostic would give for it. */
  const served = (): PackageFile =>
    fake()
      .packagesOf(WEB)
      .filter((p) => p.name === '@lockco/ui' && p.version === '1.1.0' && p.status === 'default')
      .at(-1)!
      .files.at(-1)!;
  const argsFor = (file: PackageFile, sha512 = digest('sha512', file.content)): VerifyByDownloadingArgs => ({
    instanceUrl: fake().url,
    projectId: WEB,
    packageId: file.packageId,
    package: { name: '@lockco/ui', version: '1.1.0', packageType: 'npm' },
    file: { id: file.id, fileName: file.fileName, size: file.size },
    expected: [{ algorithm: 'sha512', hex: sha512 }],
    label: '@lockco/ui@1.1.0',
  });
  const stored = (h: Harness, a: VerifyByDownloadingArgs) => h.testApi.downloadVerdicts.get(a.instanceUrl, a.file.id, a.expected);
  const asked = (h: Harness) => h.fake.requests.filter((r) => r.path.includes('/packages'));

  it("the registry's file has the lockfile's SHA-512: said so, kept for the diagnostics; one download, nothing written or deleted", async () => {
    const h = await start();
    const file = served();
    const a = argsFor(file);
    await h.run(COMMAND, JSON.parse(JSON.stringify(a)));
    assert.deepEqual(
      h.ui.messages.map((m) => [m.level, m.text, m.modal]),
      [['info', "@lockco/ui@1.1.0: the download matches the lockfile's SHA-512.", false]],
    );
    assert.deepEqual(stored(h, a), { kind: 'match', algorithms: ['sha512'], bytes: file.size });
    assert.deepEqual(
      asked(h).map((r) => [r.method, r.path]),
      [['GET', `/api/v4/projects/${WEB}/packages/${file.packageId}/package_files/${file.id}/download`]],
    );
    assert.equal(h.ui.progress.at(-1)?.title, 'Verifying @lockco/ui@1.1.0 by downloading it');
    assert.ok(h.ui.progress.at(-1)?.hasCancelButton);
    assert.deepEqual(h.ui.saveDialogs, []);
    assert.deepEqual(h.ui.openDialogs, []);
  });

  it('published again with other bytes: a warning naming SHA-512 and both digests, kept as "changed" until Refresh', async () => {
    const h = await start();
    const locked = digest('sha512', served().content);
    const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
    fake().npm.republish(WEB, ui.manifest, { files: { 'index.js': 'module.exports = "rebuilt";\n' } });
    const file = served();
    const now = digest('sha512', file.content);
    const a = argsFor(file, locked);
    let changes = 0;
    h.testApi.downloadVerdicts.onDidChange(() => changes++);
    await h.run(COMMAND, a);
    assert.deepEqual(
      h.ui.messages.map((m) => [m.level, m.text, m.modal]),
      [['warning', `@lockco/ui@1.1.0: the registry's file has another SHA-512 than the lockfile (lockfile ${locked}, download ${now}).`, true]],
    );
    assert.deepEqual(stored(h, a), { kind: 'changed', algorithm: 'sha512', expected: locked, actual: now, bytes: file.size });
    assert.equal(changes, 1);
    await h.run('gitlabPackages.refresh');
    assert.equal(stored(h, a), undefined);
    assert.equal(changes, 2);
  });

  it('Cancel while GitLab holds the download: no message, nothing kept', async () => {
    const h = await start();
    const a = argsFor(served());
    const transfer = fake().hold({ method: 'GET', path: /\/package_files\/\d+\/download$/ });
    const done = h.run(COMMAND, a);
    await transfer.arrived();
    assert.ok(h.ui.cancelProgress(), 'the progress offers Cancel');
    await done;
    transfer.release();
    assert.deepEqual(h.ui.messages, []);
    assert.equal(stored(h, a), undefined);
  });

  it('a download longer than GitLab lists: an error with Show Log, nothing kept', async () => {
    const h = await start();
    const file = served();
    const a = argsFor(file);
    fake().corruptDownloads = true;
    await h.run(COMMAND, a);
    assert.deepEqual(
      h.ui.messages.map((m) => [m.level, m.text, m.buttons]),
      [['error', `@lockco/ui@1.1.0: GitLab sent more than the ${file.size} bytes it lists for @lockco/ui-1.1.0.tgz; the download was stopped.`, ['Show Log']]],
    );
    assert.equal(stored(h, a), undefined);
  });

  it('an instance the settings do not name is never contacted, not even the configured one', async () => {
    const h = await start();
    fake().clearRequests();
    await h.run(COMMAND, { ...argsFor(served()), instanceUrl: 'http://127.0.0.1:9' });
    assert.deepEqual(
      h.ui.errors.map((m) => m.text),
      ['http://127.0.0.1:9 is not a configured GitLab instance.'],
    );
    assert.deepEqual(asked(h), []);
  });

  it('an untrusted workspace: told why, nothing asked', async () => {
    const h = await start({ isTrusted: false });
    fake().clearRequests();
    await h.run(COMMAND, argsFor(served()));
    assert.deepEqual(
      h.ui.messages.map((m) => [m.level, m.text]),
      [['warning', 'Verifying lockfiles needs a trusted workspace.']],
    );
    assert.deepEqual(asked(h), []);
  });
});
