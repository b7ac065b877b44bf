/**
 * The lockfile the verification figures read, made the same on every run: a `package-lock.json`
 * as npm 7+ writes it (lockfileVersion 3, `packages` by install path, keys sorted) for a project
 * whose 500 entries are 200 packages from registry.npmjs.org (counted, not checked) and 60 scoped
 * packages × 5 versions published to one GitLab project — one version of each at the top of
 * node_modules, the other four nested under the npmjs packages that need them. GitLab's npm
 * metadata gives only the SHA-1 (`shasum`), so that is what npm pins for them (`sha1-…`), as in the
 * real tools' fixtures (test/fixtures/lockfiles).
 */
import { createHash } from 'node:crypto';
import { SAMPLE } from '../fake-gitlab/seed';
import type { FakeGitLab } from '../fake-gitlab/server';

export const BENCH_LOCKFILE = {
  project: { id: 9005, path: 'bench/lockfiles' },
  packages: 60,
  versions: ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '3.0.0'],
  fromNpmjs: 200,
} as const;

export interface BenchLockfile {
  text: string;
  /** Package versions in GitLab the lockfile names (each entry a version of its own). */
  gitlabVersions: number;
  entries: number;
}

type LockPackage = { version: string; resolved: string; integrity: string; license?: string; dependencies?: Record<string, string> };

const gitlabName = (p: number): string => `@bench/pkg-${String(p).padStart(2, '0')}`;
const npmjsName = (i: number): string => `lib-${String(i).padStart(3, '0')}`;
const npmjsVersion = (i: number): string => `${1 + (i % 4)}.${i % 10}.${i % 3}`;
/** npmjs packages carry the registry's SHA-512; here a stand-in of that shape (never compared). */
const sha512Of = (s: string): string => `sha512-${createHash('sha512').update(s).digest('base64')}`;

/** Publishes the GitLab packages into the fake (a project of their own) and writes the lockfile naming them. */
export function seedBenchLockfile(fake: FakeGitLab): BenchLockfile {
  const { project, packages, versions, fromNpmjs } = BENCH_LOCKFILE;
  fake.addProject({ id: project.id, pathWithNamespace: project.path, members: { [SAMPLE.userId]: 50 } });
  const lock: Record<string, LockPackage> = {};
  const npmjs = Array.from({ length: fromNpmjs }, (_, i) => npmjsName(i));
  for (let i = 0; i < fromNpmjs; i++) {
    const [name, version] = [npmjs[i], npmjsVersion(i)];
    lock[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: sha512Of(`${name}@${version}`),
      license: 'MIT',
    };
  }
  const at = (n: number): string => new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString();
  for (let p = 0; p < packages; p++) {
    const name = gitlabName(p);
    versions.forEach((version, v) => {
      const pkg = fake.npm.publish(project.id, { name, version }, { createdAt: at(p * versions.length + v) });
      const entry: LockPackage = {
        version,
        resolved: `${fake.url}/api/v4/projects/${project.id}/packages/npm/${name}/-/${name}-${version}.tgz`,
        integrity: `sha1-${Buffer.from(pkg.files[0].sha1, 'hex').toString('base64')}`,
        license: 'MIT',
      };
      if (v === 0) {
        lock[`node_modules/${name}`] = entry;
        return;
      }
      // The npmjs package needing this older or newer version holds it in its own node_modules.
      const parent = npmjs[(p * versions.length + v) % fromNpmjs];
      lock[`node_modules/${parent}/node_modules/${name}`] = entry;
      lock[`node_modules/${parent}`].dependencies = { ...lock[`node_modules/${parent}`].dependencies, [name]: `^${version}` };
    });
  }
  const dependencies = Object.fromEntries(
    Object.keys(lock)
      .filter((k) => k.split('node_modules/').length === 2)
      .map((k) => k.slice('node_modules/'.length))
      .sort()
      .map((name) => [name, `^${lock[`node_modules/${name}`].version}`]),
  );
  const sorted = Object.fromEntries(
    Object.keys(lock)
      .sort()
      .map((k) => [k, lock[k]]),
  );
  const text = JSON.stringify(
    {
      name: 'lockfile-bench',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: 'lockfile-bench', version: '1.0.0', dependencies }, ...sorted },
    },
    null,
    2,
  );
  return { text: text + '\n', gitlabVersions: packages * versions.length, entries: Object.keys(lock).length };
}
