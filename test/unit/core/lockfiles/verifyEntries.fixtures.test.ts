/**
 * The lockfiles the real tools wrote (test/fixtures/lockfiles: npm 6–11, yarn 1, pnpm 8/9, pip
 * with hashes, Poetry) against the registry they were resolved from (the fake's lockfile seed):
 * every GitLab entry is checked and none is "changed" or "missing"; the other registry's are
 * counted, not checked. Then the registry changes under them as GitLab lets it (a version
 * published again after a delete, a file uploaded again) and exactly those entries turn "changed".
 */
import { strict as assert } from 'node:assert';
import { parseLockfile } from '../../../../src/core/lockfiles/parseLockfile';
import type { VersionTarget } from '../../../../src/core/lockfiles/registryRoute';
import { fetchVersion } from '../../../../src/core/lockfiles/versionLookup';
import { verifyEntries } from '../../../../src/core/lockfiles/verifyEntries';
import { wheel } from '../../../fake-gitlab/artefacts';
import { LOCKFILE_SEED, NPM_PUBLISHED, PYPI_UPLOADED } from '../../../fake-gitlab/seedLockfiles';
import { useLockfileFake } from '../../../support/lockfileFake';
import { fixtureManifest as manifest, isNpmFamily, lockfileFixtures as fixtures, tally, unchangedVerdicts } from '../../../support/lockfileFixtures';
import { fakeClient } from '../../../support/sampleFake';

describe('lockfiles: the real tools’ lockfiles against the registry they came from', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const verify = (text: string, format: (typeof fixtures)[number]['format']) => {
    const parsed = parseLockfile(format, text);
    const client = fakeClient(fake(), LOCKFILE_SEED.token);
    // The lockfiles name https://gitlab.example.com; the requests go to the fake standing in for it.
    return verifyEntries(parsed.entries, {
      instanceUrls: [manifest.origins.gitlab],
      lookup: (t: VersionTarget) => fetchVersion(client, t),
      concurrency: 4,
    }).then((r) => ({ parsed, ...r }));
  };

  it('covers every tool the issue names that could be run here', () => {
    assert.deepEqual([...new Set(fixtures.map((f) => f.format))].sort(), ['package-lock', 'pnpm', 'poetry', 'requirements', 'yarn-v1']);
    assert.ok(fixtures.length >= 10);
  });

  for (const f of fixtures) {
    it(`${f.dir}: every GitLab entry checked, none changed or missing`, async () => {
      const { parsed, verdicts, routes } = await verify(f.text, f.format);
      assert.deepEqual(parsed.problems, []);
      const fromGitlab = routes.filter((r) => r.kind === 'gitlab').length;
      assert.equal(fromGitlab, 3);
      assert.deepEqual(tally(verdicts), unchangedVerdicts(f, verdicts.length));
    });
  }

  it('a version published again with other bytes: its entries turn changed in every npm-family lockfile, the others stay', async () => {
    const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
    fake().npm.republish(LOCKFILE_SEED.projects.web.id, ui.manifest, {
      files: { 'index.js': 'module.exports = "rebuilt";\n' },
      createdAt: '2025-08-01T10:00:00.000Z',
    });
    for (const f of fixtures.filter(isNpmFamily)) {
      const { parsed, verdicts } = await verify(f.text, f.format);
      const changed = parsed.entries.filter((_, i) => verdicts[i].kind === 'changed').map((e) => `${e.name}@${e.version}`);
      assert.deepEqual(changed, ['@lockco/ui@1.1.0'], f.dir);
      const v = verdicts[parsed.entries.findIndex((e) => e.name === '@lockco/ui')];
      assert.ok(v.kind === 'changed' && 'files' in v && v.files[0].kind === 'changed');
      assert.equal(v.files[0].served.createdAt, '2025-08-01T10:00:00.000Z', f.dir);
    }
  });

  it('a wheel uploaded again with other bytes: changed in the pip and Poetry lockfiles', async () => {
    const core = PYPI_UPLOADED.find((p) => p.dist.name === 'lockco-core' && p.dist.version === '1.1.0')!;
    const rebuilt = { ...wheel(core.dist), content: Buffer.from('a different wheel') };
    fake().pypi.reupload(LOCKFILE_SEED.projects.py.id, core.dist, rebuilt);
    for (const f of fixtures.filter((x) => !isNpmFamily(x))) {
      const { parsed, verdicts } = await verify(f.text, f.format);
      const changed = parsed.entries.filter((_, i) => verdicts[i].kind === 'changed').map((e) => `${e.name}@${e.version}`);
      assert.deepEqual(changed, ['lockco-core@1.1.0'], f.dir);
    }
  });
});
