/**
 * The registry the lockfile fixtures were resolved against (test/fixtures/lockfiles/generate.ts):
 * npm packages in two projects of the group `lockco` (one reached through the instance-level
 * endpoint by its scope, one through its project's endpoint) and PyPI packages in a project and in
 * a subgroup's project (reached through the group's index). Every file is built by artefacts.ts,
 * the same bytes on every run, so the hashes in the committed lockfiles are the hashes this seed
 * serves. Kept apart from seed.ts: it goes on top of the sample or on an empty fake (ids differ).
 */
import type { NpmManifest, PythonDist } from './artefacts';
import { sdist, wheel } from './artefacts';
import type { FakeGitLab } from './server';

export const LOCKFILE_SEED = {
  userId: 31,
  /** api scope, Owner of every lockco project. */
  token: 'lockfiles-api-token-0031',
  group: { id: 300, path: 'lockco' },
  subgroup: { id: 301, path: 'lockco/data' },
  projects: {
    /** npm, reached through the instance-level endpoint (`@lockco` is the top-level group). */
    web: { id: 311, path: 'lockco/web' },
    /** npm, reached through its project's endpoint (`@labs` is no group). */
    tools: { id: 312, path: 'lockco/tools' },
    /** PyPI, reached through the project's index. */
    py: { id: 313, path: 'lockco/py' },
    /** PyPI in the subgroup, reached through the group's index. */
    ml: { id: 314, path: 'lockco/data/ml' },
  },
} as const;

const at = (day: number): string => new Date(Date.UTC(2025, 5, 1 + day, 9, 30, 0)).toISOString();

/** npm versions per project, in publish order (the last publish of a name holds `latest`). */
export const NPM_PUBLISHED: { project: keyof typeof LOCKFILE_SEED.projects; manifest: NpmManifest }[] = [
  { project: 'web', manifest: { name: '@lockco/tokens', version: '2.0.0' } },
  { project: 'web', manifest: { name: '@lockco/ui', version: '1.0.0', dependencies: { '@lockco/tokens': '^2.0.0' } } },
  { project: 'web', manifest: { name: '@lockco/ui', version: '1.1.0', dependencies: { '@lockco/tokens': '^2.0.0', 'tiny-other': '^1.0.0' } } },
  { project: 'tools', manifest: { name: '@labs/cli', version: '0.3.0', dependencies: { 'tiny-other': '^1.0.0' } } },
];

/** PyPI versions per project; each has a wheel, and the ones marked so an sdist too. */
export const PYPI_UPLOADED: { project: keyof typeof LOCKFILE_SEED.projects; dist: PythonDist; sdist: boolean }[] = [
  { project: 'py', dist: { name: 'lockco-core', version: '1.0.0', requiresPython: '>=3.8' }, sdist: true },
  { project: 'py', dist: { name: 'lockco-core', version: '1.1.0', requiresPython: '>=3.8', requiresDist: ['other-util>=1.0'] }, sdist: true },
  { project: 'ml', dist: { name: 'lockco_data', version: '0.2.0', requiresPython: '>=3.8' }, sdist: false },
];

/** Adds the lockco group, its projects (public: package managers read them without a token) and their packages. */
export function seedLockfiles(fake: FakeGitLab): void {
  const s = LOCKFILE_SEED;
  const p = s.projects;
  fake.addUser({ id: s.userId, username: 'lockbot', name: 'Lockfile Bot' });
  fake.addToken({ value: s.token, userId: s.userId, scopes: ['api'], name: 'lockfiles', expiresAt: '2027-06-30' });
  const members = { [s.userId]: 50 };
  for (const project of Object.values(p)) fake.addProject({ id: project.id, pathWithNamespace: project.path, visibility: 'public', members });
  fake.addGroup({ id: s.subgroup.id, fullPath: s.subgroup.path, projectIds: [p.ml.id] });
  fake.addGroup({ id: s.group.id, fullPath: s.group.path, projectIds: [p.web.id, p.tools.id, p.py.id], subgroupIds: [s.subgroup.id] });

  NPM_PUBLISHED.forEach(({ project, manifest }, i) =>
    fake.npm.publish(p[project].id, manifest, { createdAt: at(i), pipeline: { id: 7100 + i, ref: 'main', sha: `${7100 + i}cafe0000`, status: 'success' } }),
  );
  PYPI_UPLOADED.forEach(({ project, dist, sdist: withSdist }, i) => {
    const opts = { createdAt: at(10 + i), pipeline: { id: 7200 + i, ref: 'main', sha: `${7200 + i}cafe0000`, status: 'success' } };
    fake.pypi.upload(p[project].id, dist, wheel(dist), opts);
    if (withSdist) fake.pypi.upload(p[project].id, dist, sdist(dist), opts);
  });
}
