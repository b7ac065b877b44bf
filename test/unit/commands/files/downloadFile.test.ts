/**
 * Download File… on the Node host: one folder chosen, each file written there under its
 * `file_name` once its bytes match the registry's checksum; nothing written when they do not,
 * and a file already there replaced only when the user says so. (The web worker's save dialog
 * is tested in browser.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { harnessPerTest, SAMPLE, waitFor, type Harness } from '../../../support/double/harness';
import { Uri } from '../../../support/double/vscode';

const JAR = 'my-app-1.0-20180724.120000-1.jar';

describe('Download File…', () => {
  const t = harnessPerTest();
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'download-file-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, workspaceFolders: [folder] });
  const jarRow = (h: Harness) => h.find('acme/app', { label: 'com/mycompany/my-app', description: '1.0-SNAPSHOT ·' }, JAR);
  const jarOf = (h: Harness) =>
    h.fake
      .packagesOf(SAMPLE.projects.app.id)
      .flatMap((p) => p.files)
      .find((f) => f.fileName === JAR)!;
  const downloads = (h: Harness) => h.requests('GET', /\/package_files\/\d+\/download$/);

  it('into the folder chosen, under its file_name, verified against the registry', async () => {
    const h = await start();
    h.ui.chooseInDialog([Uri.file(folder)]);
    await h.run('gitlabPackages.downloadFile', (await jarRow(h)).node);
    assert.equal(h.ui.openDialogs[0]?.options?.canSelectFolders, true, 'a folder is asked for');
    assert.equal(h.ui.saveDialogs.length, 0, 'no save dialog per file');
    await waitFor(
      () => h.ui.toasts.find((m) => /^Downloaded my-app-1\.0-20180724\.120000-1\.jar \(142 B\)\. SHA-256 verified\./.test(m.text)),
      'the downloaded message',
    );
    const saved = path.join(folder, JAR);
    assert.equal(createHash('sha256').update(readFileSync(saved)).digest('hex'), jarOf(h).sha256);
    assert.deepEqual(readdirSync(folder), [JAR], 'no partial file left beside it');
    assert.equal(downloads(h).length, 1);
  });

  it('writes nothing when the bytes do not match the checksum', async () => {
    const h = await start();
    h.fake.corruptDownloads = true;
    h.ui.chooseInDialog([Uri.file(folder)]);
    await h.run('gitlabPackages.downloadFile', (await jarRow(h)).node);
    await waitFor(() => h.ui.errors.find((m) => /SHA-256 does not match the registry/.test(m.text)), 'the mismatch error');
    assert.deepEqual(readdirSync(folder), []);
  });

  it('a file already in the folder: asked first; kept, and nothing downloaded, unless the user says Replace', async () => {
    const h = await start();
    const saved = path.join(folder, JAR);
    writeFileSync(saved, 'mine');
    h.ui.chooseInDialog([Uri.file(folder)]).answer('Cancel');
    await h.run('gitlabPackages.downloadFile', (await jarRow(h)).node);
    assert.equal(h.ui.modals[0]?.text, `${saved} already exists. Replace it?`);
    assert.equal(readFileSync(saved, 'utf8'), 'mine');
    assert.equal(downloads(h).length, 0);
    h.ui.chooseInDialog([Uri.file(folder)]).answer('Replace');
    await h.run('gitlabPackages.downloadFile', (await jarRow(h)).node);
    await waitFor(() => h.ui.toasts.find((m) => m.text.startsWith('Downloaded ')), 'the downloaded message');
    assert.equal(createHash('sha256').update(readFileSync(saved)).digest('hex'), jarOf(h).sha256);
  });

  it('no folder chosen: nothing is downloaded', async () => {
    const h = await start();
    h.ui.chooseInDialog(undefined);
    await h.run('gitlabPackages.downloadFile', (await jarRow(h)).node);
    assert.equal(downloads(h).length, 0);
    assert.ok(!existsSync(path.join(folder, JAR)));
    assert.deepEqual([h.ui.toasts, h.ui.errors], [[], []]);
  });
});
