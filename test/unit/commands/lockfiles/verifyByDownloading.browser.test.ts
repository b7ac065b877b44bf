/**
 * Verify by Downloading from the `browser` entry: no Node crypto there, so SHA-512 comes from the
 * lockfile bundle (`dist/web/lockfiles.js`, built here with the build's options into a stand-in
 * extension folder) and SHA-1 from the web platform's own hasher, streamed over the browser's
 * fetch; the answers are Node's.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCKFILE_SEED, NPM_PUBLISHED } from '../../../fake-gitlab/seedLockfiles';
import { harnessPerTest } from '../../../support/double/harness';
import { shipLockfileBundle } from '../../../support/lockfileBundle';
import { digest, useLockfileFake } from '../../../support/lockfileFake';

const WEB = LOCKFILE_SEED.projects.web.id;

describe('Verify by Downloading (web worker entry)', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const t = harnessPerTest();
  let extension: string;

  beforeEach(async () => {
    extension = mkdtempSync(path.join(tmpdir(), 'verify-download-ext-'));
    await shipLockfileBundle(extension);
  });
  afterEach(() => rmSync(extension, { recursive: true, force: true }));

  const run = async (republish: boolean) => {
    const locked = fake()
      .packagesOf(WEB)
      .filter((p) => p.name === '@lockco/ui' && p.version === '1.1.0' && p.status === 'default')
      .at(-1)!.files[0];
    if (republish) {
      const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
      fake().npm.republish(WEB, ui.manifest, { files: { 'index.js': 'module.exports = "rebuilt";\n' } });
    }
    const file = fake()
      .packagesOf(WEB)
      .filter((p) => p.name === '@lockco/ui' && p.version === '1.1.0' && p.status === 'default')
      .at(-1)!.files[0];
    const h = await t.start({ entry: 'browser', fake: fake(), tokens: { [fake().url]: LOCKFILE_SEED.token }, extensionPath: extension });
    await h.run('gitlabPackages.verifyByDownloading', {
      instanceUrl: fake().url,
      projectId: WEB,
      packageId: file.packageId,
      package: { name: '@lockco/ui', version: '1.1.0', packageType: 'npm' },
      file: { id: file.id, fileName: file.fileName, size: file.size },
      expected: [
        { algorithm: 'sha1', hex: digest('sha1', locked.content) },
        { algorithm: 'sha512', hex: digest('sha512', locked.content) },
      ],
      label: '@lockco/ui@1.1.0',
    });
    return { h, locked, file };
  };

  it('the same file: a match under SHA-512 and SHA-1', async () => {
    const { h } = await run(false);
    assert.deepEqual(
      h.ui.messages.map((m) => [m.level, m.text]),
      [['info', "@lockco/ui@1.1.0: the download matches the lockfile's SHA-512, SHA-1."]],
    );
  });

  it('published again with other bytes: changed, with the digests Node computes', async () => {
    const { h, locked, file } = await run(true);
    assert.deepEqual(
      h.ui.messages.map((m) => [m.level, m.text]),
      [
        [
          'warning',
          `@lockco/ui@1.1.0: the registry's file has another SHA-512 than the lockfile (lockfile ${digest('sha512', locked.content)}, download ${digest('sha512', file.content)}).`,
        ],
      ],
    );
  });
});
