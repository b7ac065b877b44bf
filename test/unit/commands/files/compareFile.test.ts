/**
 * Compare with Local File… on the Node host: the chosen file on disk is hashed with the
 * registry's strongest checksum; a match is said, a mismatch is a warning with both digests.
 * (The web worker's, read through workspace.fs, is tested in browser.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';
import { Uri } from '../../../support/double/vscode';

const JAR = 'my-app-1.0-20180724.120000-1.jar';

describe('Compare with Local File…', () => {
  const t = harnessPerTest();
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'compare-file-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, workspaceFolders: [folder] });
  const jarRow = (h: Harness) => h.find('acme/app', { label: 'com/mycompany/my-app', description: '1.0-SNAPSHOT ·' }, JAR);
  const jarOf = (h: Harness) =>
    h.fake
      .packagesOf(SAMPLE.projects.app.id)
      .flatMap((p) => p.files)
      .find((f) => f.fileName === JAR)!;
  /** A local copy of the jar: the bytes GitLab holds, or one byte more. */
  const localFile = (h: Harness, name: string, same: boolean): string => {
    const { content } = jarOf(h);
    const target = path.join(folder, name);
    writeFileSync(target, same ? content : Buffer.concat([content, Buffer.from('x')]));
    return target;
  };

  it('a file with the same bytes: "Match", with the digest', async () => {
    const h = await start();
    const local = localFile(h, 'mine.jar', true);
    h.ui.chooseInDialog([Uri.file(local)]);
    await h.run('gitlabPackages.compareFile', (await jarRow(h)).node);
    assert.match(
      h.ui.toasts.at(-1)?.text ?? '',
      /^Match: mine\.jar has the same SHA-256 as my-app-1\.0-20180724\.120000-1\.jar in the registry \(([0-9a-f]{64})\)\.$/,
    );
    assert.ok(h.ui.toasts.at(-1)?.text.includes(`(${jarOf(h).sha256})`), 'the registry digest');
    assert.deepEqual(h.ui.modals, []);
  });

  it('a file with other bytes: "Mismatch", a warning with the local and the registry digest', async () => {
    const h = await start();
    const local = localFile(h, 'other.jar', false);
    h.ui.chooseInDialog([Uri.file(local)]);
    await h.run('gitlabPackages.compareFile', (await jarRow(h)).node);
    const [modal] = h.ui.modals;
    assert.match(
      modal?.text ?? '',
      /^Mismatch: other\.jar is not my-app-1\.0-20180724\.120000-1\.jar\. SHA-256: local ([0-9a-f]{64}), registry ([0-9a-f]{64})\.$/,
    );
    assert.ok(modal.text.endsWith(`registry ${jarOf(h).sha256}.`), 'the registry digest');
    assert.doesNotMatch(modal.text, new RegExp(`local ${jarOf(h).sha256}`));
    assert.deepEqual(
      h.ui.toasts.filter((m) => m.text.startsWith('Match')),
      [],
    );
  });

  it('no file chosen: nothing is said', async () => {
    const h = await start();
    h.ui.chooseInDialog(undefined);
    await h.run('gitlabPackages.compareFile', (await jarRow(h)).node);
    assert.deepEqual([h.ui.toasts, h.ui.modals, h.ui.errors], [[], [], []]);
  });
});
