/**
 * The demo workspace's package-lock.json tells its story against the demo registry: the
 * @lumen/ui-kit 3.4.1 it pins was published again (changed), the other @lumen entries are weak
 * (GitLab gives npm only a SHA-1), the npmjs ones are counted, not checked.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { storefrontLockfile } from '../../demo/demoLockfile';
import { DEMO, seedDemo } from '../../fake-gitlab/demoSeed';
import { FakeGitLab } from '../../fake-gitlab/server';
import { harnessPerTest } from '../../support/double/harness';

describe('demo lockfile', function () {
  this.timeout(30_000);
  const t = harnessPerTest();
  let fake: FakeGitLab;
  let folder: string;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedDemo(fake);
  });
  after(() => fake.stop());
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'demo-lockfile-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('shows ui-kit 3.4.1 as changed (published again by a later pipeline), the other @lumen entries weak', async () => {
    const manifest = { name: 'storefront', version: '0.15.0', dependencies: {}, devDependencies: {} };
    writeFileSync(path.join(folder, 'package-lock.json'), storefrontLockfile(fake, manifest));
    const h = await t.start({ fake, tokens: { [fake.url]: DEMO.apiToken }, workspaceFolders: [folder] });
    await h.run('gitlabPackages.verifyLockfiles');
    const report = h.ui.documentsShown.at(-1)?.document.getText() ?? '';
    assert.match(report, /1 changed · 2 weak · 8 not from a configured GitLab/);
    assert.match(
      report,
      /@lumen\/ui-kit@3\.4\.1 {2}changed: @lumen\/ui-kit-3\.4\.1\.tgz \(uploaded [^,]+, pipeline #\d+ on main\) in the registry has another SHA-1/,
    );
  });
});
