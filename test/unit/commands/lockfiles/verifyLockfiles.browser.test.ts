/**
 * Verify Lockfiles Against GitLab from the `browser` entry: the lockfile engine is not in the
 * web bundle, so the command reads `dist/web/lockfiles.js` (built here with the build's options
 * into a stand-in extension folder) through `workspace.fs` and evaluates it, then verifies as on
 * Node. Without that file there is no report, only the failure.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCKFILE_SEED } from '../../../fake-gitlab/seedLockfiles';
import { harnessPerTest } from '../../../support/double/harness';
import { shipLockfileBundle } from '../../../support/lockfileBundle';
import { useLockfileFake } from '../../../support/lockfileFake';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'lockfiles', 'npm-10.9.9', 'package-lock.json');

describe('Verify Lockfiles Against GitLab (web worker entry)', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const t = harnessPerTest();
  let extension: string;
  let folder: string;
  beforeEach(() => {
    extension = mkdtempSync(path.join(tmpdir(), 'verify-lockfiles-ext-'));
    folder = mkdtempSync(path.join(tmpdir(), 'verify-lockfiles-ws-'));
    writeFileSync(path.join(folder, 'package-lock.json'), readFileSync(FIXTURE, 'utf8').split('https://gitlab.example.com').join(fake().url));
  });
  afterEach(() => {
    rmSync(extension, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });
  const start = () =>
    t.start({ entry: 'browser', fake: fake(), tokens: { [fake().url]: LOCKFILE_SEED.token }, workspaceFolders: [folder], extensionPath: extension });

  it('loads the lockfile bundle from the extension folder and reports as on Node', async () => {
    await shipLockfileBundle(extension);
    const h = await start();
    await h.run('gitlabPackages.verifyLockfiles');
    const report = h.ui.documentsShown.at(-1)?.document.getText() ?? '';
    assert.match(report, /^package-lock\.json\n-+\n {2}3 weak · 2 not from a configured GitLab\n/m);
    assert.ok(fake().requests.some((r) => r.path === `/api/v4/projects/${LOCKFILE_SEED.projects.web.id}/packages`));
  });

  it('no bundle in the extension folder: no report, nothing asked of GitLab', async () => {
    const h = await start();
    fake().clearRequests();
    await h.run('gitlabPackages.verifyLockfiles').catch(() => undefined);
    assert.deepEqual(h.ui.documentsShown, []);
    assert.equal(fake().requests.filter((r) => r.path.includes('/packages')).length, 0);
  });
});
