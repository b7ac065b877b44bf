/**
 * The editor's lockfile checks are loaded only when the workspace holds a lockfile: from the
 * `browser` entry, where they are in the lockfile bundle (built here with the build's options into
 * a stand-in extension folder), a workspace without lockfiles never reads that file; a lockfile
 * created later or a workspace folder with one added loads the checks, and they verify as when
 * the workspace opened with it.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCKFILE_SEED } from '../../fake-gitlab/seedLockfiles';
import { harnessPerTest, type Harness } from '../../support/double/harness';
import { Uri } from '../../support/double/vscode';
import { shipLockfileBundle } from '../../support/lockfileBundle';
import { useLockfileFake } from '../../support/lockfileFake';
import { waitFor } from '../../support/wait';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'lockfiles', 'npm-10.9.9', 'package-lock.json');

describe('Lockfile checks loaded when the workspace has a lockfile (web worker entry)', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const t = harnessPerTest();
  let extension: string;
  let folder: string;
  let elsewhere: string;

  beforeEach(() => {
    extension = mkdtempSync(path.join(tmpdir(), 'lazy-lockfiles-ext-'));
    folder = mkdtempSync(path.join(tmpdir(), 'lazy-lockfiles-ws-'));
    elsewhere = mkdtempSync(path.join(tmpdir(), 'lazy-lockfiles-other-'));
  });
  afterEach(() => {
    for (const dir of [extension, folder, elsewhere]) rmSync(dir, { recursive: true, force: true });
  });

  const shipBundle = () => shipLockfileBundle(extension);
  const writeLockfile = (dir: string): string => {
    const file = path.join(dir, 'package-lock.json');
    writeFileSync(file, readFileSync(FIXTURE, 'utf8').split('https://gitlab.example.com').join(fake().url));
    return file;
  };
  const start = () =>
    t.start({ entry: 'browser', fake: fake(), tokens: { [fake().url]: LOCKFILE_SEED.token }, workspaceFolders: [folder], extensionPath: extension });
  const diagnostics = (h: Harness, file: string) => h.vscode.languages.diagnostics(Uri.file(file));
  const loadFailures = (h: Harness) => h.ui.log.filter((l) => l.text.startsWith('Lockfile checks in the editor: '));

  it('without a lockfile the bundle is not read; one created later loads the checks and is verified', async () => {
    // No bundle yet: had the checks been loaded now, that failure would stay and nothing below would show.
    const h = await start();
    await h.run('gitlabPackages.verifyLockfiles');
    assert.equal(h.ui.messages.at(-1)?.text, 'No lockfiles in this workspace.');
    assert.deepEqual(h.vscode.languages.hovers, []);
    await shipBundle();
    const lockfile = writeLockfile(folder);
    h.vscode.fileEvent('create', Uri.file(lockfile));
    await waitFor(() => diagnostics(h, lockfile).length === 3, 'the created lockfile’s three diagnostics');
    assert.equal(h.vscode.languages.hovers.length, 1);
    assert.deepEqual(loadFailures(h), []);
  });

  it('a workspace folder with a lockfile, added later, loads the checks', async () => {
    await shipBundle();
    const h = await start();
    const lockfile = writeLockfile(elsewhere);
    h.vscode.setWorkspaceFolders([folder, elsewhere]);
    await waitFor(() => diagnostics(h, lockfile).length === 3, 'the added folder’s lockfile diagnostics');
  });

  it('the bundle missing: said in the log, and Verify Lockfiles fails without asking GitLab', async () => {
    writeLockfile(folder);
    const h = await start();
    await waitFor(() => loadFailures(h).length === 1, 'the load failure in the log');
    fake().clearRequests();
    await h.run('gitlabPackages.verifyLockfiles').catch(() => undefined);
    assert.deepEqual(h.ui.documentsShown, []);
    assert.equal(fake().requests.filter((r) => r.path.includes('/packages')).length, 0);
  });
});
