/**
 * The committed lockfile fixtures (test/fixtures/lockfiles) were resolved against this seed: every
 * GitLab file they name is served by the seeded fake with the hash they hold. A change to
 * artefacts.ts or seedLockfiles.ts that alters bytes fails here until the fixtures are generated
 * again (`npm run fixtures:lockfiles`).
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmTarball, sdist, wheel } from '../../fake-gitlab/artefacts';
import { LOCKFILE_SEED } from '../../fake-gitlab/seedLockfiles';
import { read, readJson, useLockfileFake } from '../../support/lockfileFake';

const DIR = join(__dirname, '..', '..', 'fixtures', 'lockfiles');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
  origins: { gitlab: string; other: string };
  fixtures: Record<string, { tool: string; version: string; files: string[] }>;
};
const GITLAB = manifest.origins.gitlab;

/** [tarball URL, SRI integrity] of the GitLab entries of an npm, yarn or pnpm lockfile. */
function npmEntries(tool: string, text: string): [string, string][] {
  if (tool === 'npm') {
    const lock = JSON.parse(text) as { packages?: Record<string, Entry>; dependencies?: Record<string, Entry> };
    type Entry = { resolved?: string; integrity?: string; dependencies?: Record<string, Entry> };
    const all: Entry[] = [];
    const walk = (deps: Record<string, Entry> | undefined): void => Object.values(deps ?? {}).forEach((e) => (all.push(e), walk(e.dependencies)));
    if (lock.packages) all.push(...Object.values(lock.packages));
    else walk(lock.dependencies);
    return all.filter((e) => e.resolved?.startsWith(GITLAB)).map((e) => [e.resolved!, e.integrity!]);
  }
  if (tool === 'yarn')
    return [...text.matchAll(/resolved "([^"#]+)#[0-9a-f]+"\n\s+integrity (\S+)/g)].filter((m) => m[1].startsWith(GITLAB)).map((m) => [m[1], m[2]]);
  return [...text.matchAll(/\{integrity: ([^,]+), tarball: ([^}]+)\}/g)].filter((m) => m[2].startsWith(GITLAB)).map((m) => [m[2], m[1]]);
}

function sri(integrity: string, bytes: Buffer): boolean {
  const [alg, value] = integrity.split(/-(.*)/s);
  return createHash(alg).update(bytes).digest('base64') === value;
}

describe('the lockfile fixtures and the seed they were resolved against', () => {
  const fake = useLockfileFake();

  it('builds the same bytes every time', () => {
    const d = { name: 'lockco-core', version: '1.0.0', requiresPython: '>=3.8' };
    assert.deepEqual(npmTarball({ name: '@a/b', version: '1.0.0' }), npmTarball({ name: '@a/b', version: '1.0.0' }));
    assert.deepEqual(wheel(d).content, wheel(d).content);
    assert.deepEqual(sdist(d).content, sdist(d).content);
  });

  for (const [dir, { tool, files }] of Object.entries(manifest.fixtures).filter(([, f]) => ['npm', 'yarn', 'pnpm'].includes(f.tool))) {
    it(`${dir}: each GitLab tarball is served with the integrity the lockfile holds`, async () => {
      const entries = npmEntries(tool, readFileSync(join(DIR, dir, files[files.length - 1]), 'utf8'));
      assert.equal(entries.length, 3, 'three GitLab packages');
      for (const [url, integrity] of entries) {
        const r = await read(fake(), url.replace(GITLAB, fake().url));
        assert.equal(r.status, 200, url);
        assert.ok(sri(integrity, r.bytes), `${url}: ${integrity}`);
      }
    });
  }

  for (const [dir, { files }] of Object.entries(manifest.fixtures).filter(([, f]) => ['pip', 'poetry'].includes(f.tool))) {
    it(`${dir}: the hashes of the lockco files are the SHA-256 GitLab lists, the other registry's hash is not`, async () => {
      const text = readFileSync(join(DIR, dir, files[files.length - 1]), 'utf8');
      const listed = new Set<string>();
      for (const project of [LOCKFILE_SEED.projects.py, LOCKFILE_SEED.projects.ml]) {
        for (const pkg of await readJson<{ id: number }[]>(fake(), `/api/v4/projects/${project.id}/packages?package_type=pypi`, {
          'PRIVATE-TOKEN': LOCKFILE_SEED.token,
        })) {
          const pkgFiles = await readJson<{ file_sha256: string }[]>(fake(), `/api/v4/projects/${project.id}/packages/${pkg.id}/package_files`, {
            'PRIVATE-TOKEN': LOCKFILE_SEED.token,
          });
          for (const f of pkgFiles) listed.add(f.file_sha256);
        }
      }
      const hashes = [...text.matchAll(/sha256:([0-9a-f]{64})/g)].map((m) => m[1]);
      // lockco-core 1.1.0 (wheel and sdist) and lockco-data 0.2.0 are GitLab's; other-util's comes from the other registry.
      assert.equal(hashes.length, 4, hashes.join(', '));
      assert.equal(hashes.filter((h) => listed.has(h)).length, 3, hashes.join(', '));
    });
  }
});
