/** Copy Checksum: a file's SHA-256, or a `sha256sum -c` list of a package's files; its read can be cancelled. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';
import { cancelWhileHanging } from '../../../support/hangingRead';

const APP = SAMPLE.projects.app.id;
const FILES = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/package_files$/;

describe('Copy Checksum', () => {
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

  it('files without SHA-256 or without any checksum are named up to the list cap, then counted', async () => {
    const h = await start();
    const pkg = h.fake.addPackage(APP, { name: 'many-files', version: '1.0.0', packageType: 'generic' });
    const files = h.fake.addFilesBulk(pkg.id, 24);
    // An upload that recorded only SHA-1 (the first 12), one that recorded nothing (the rest).
    files.forEach((f, i) => (f.recorded = { md5: null, sha1: i < 12 ? f.sha1 : null, sha256: null }));
    const row = await h.pkg('acme/app', 'many-files', '1.0.0');
    await h.run('gitlabPackages.copyChecksum', row.node);
    const names = (from: number) => Array.from({ length: 10 }, (_, i) => `file-${String(from + i).padStart(4, '0')}.bin`).join(', ');
    assert.deepEqual(
      h.ui.toasts.map((m) => m.text),
      [`No SHA-256 for ${names(0)}, …and 2 more: used SHA-1 instead. No checksum at all for ${names(12)}, …and 2 more (left out).`],
    );
  });

  // The files are read under progress the user can cancel (issue 12): it was window-bar progress, which has no Cancel button.
  it('cancelling the progress of Copy Checksum on a package aborts the files request', async () => {
    const h = await start();
    await cancelWhileHanging(h, 'gitlabPackages.copyChecksum', FILES, 'Reading package files…');
  });
});
