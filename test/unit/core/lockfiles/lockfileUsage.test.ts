/**
 * The index of which lockfile lines resolve to a package version: lockfiles parsed as the engine
 * parses them, entries routed to configured instances only, and a listed package matched by
 * instance, owning project (by id or path — a path another than the project's may be a former one
 * of it, unless GitLab listed it for another project; a group's PyPI index matches the projects
 * below it), type, name and version as GitLab tells them apart. Lockfiles that could not be read
 * are told per ecosystem.
 */
import { strict as assert } from 'node:assert';
import { knownPaths, lockfileUsage, type UsageQuery } from '../../../../src/core/lockfiles/lockfileUsage';
import { parseLockfile } from '../../../../src/core/lockfiles/parseLockfile';

const GITLAB = 'https://gitlab.example.com';
const SHA = 'ab'.repeat(32);

const packageLock = JSON.stringify(
  {
    name: 'app',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', dependencies: { 'my-ui': 'npm:@acme/ui@^1.1.0', widgets: '^2.0.0', 'left-pad': '^1.3.0' } },
      'node_modules/my-ui': { name: '@acme/ui', version: '1.1.0', resolved: `${GITLAB}/api/v4/projects/42/packages/npm/@acme/ui/-/@acme/ui-1.1.0.tgz` },
      'node_modules/widgets': { version: '2.0.0', resolved: `${GITLAB}/api/v4/projects/acme%2FApp/packages/npm/widgets/-/widgets-2.0.0.tgz` },
      'node_modules/left-pad': { version: '1.3.0', resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz' },
      'node_modules/other-host': {
        version: '1.0.0',
        resolved: 'https://gitlab.other.example/api/v4/projects/42/packages/npm/other-host/-/other-host-1.0.0.tgz',
      },
    },
  },
  null,
  2,
);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const requirementsByGroupId = [`--index-url ${GITLAB}/api/v4/groups/7/-/packages/pypi/simple`, `Acme_Core==1.0RC1 --hash=sha256:${SHA}`, ''].join('\n');
const requirementsByGroupPath = [
  `--index-url ${GITLAB}/api/v4/groups/acme%2Fdata/-/packages/pypi/simple`,
  `--extra-index-url ${GITLAB}/api/v4/projects/99/packages/pypi/simple`,
  `acme.models==2.0.0 --hash=sha256:${SHA}`,
  '',
].join('\n');

const usage = lockfileUsage(
  [
    { label: 'web/package-lock.json', parsed: parseLockfile('package-lock', packageLock) },
    { label: 'ml/requirements.txt', parsed: parseLockfile('requirements', requirementsByGroupId) },
    { label: 'data/requirements.txt', parsed: parseLockfile('requirements', requirementsByGroupPath) },
  ],
  [GITLAB + '/'],
);
const npm = (name: string, version: string | null, project: Pick<UsageQuery, 'projectId' | 'projectPath'>): UsageQuery => ({
  instanceUrl: GITLAB,
  packageType: 'npm',
  name,
  version,
  ...project,
});
const pypi = (name: string, version: string, project: Pick<UsageQuery, 'projectId' | 'projectPath'>): UsageQuery => ({
  instanceUrl: GITLAB,
  packageType: 'pypi',
  name,
  version,
  ...project,
});

describe('lockfiles: which lockfile lines resolve to a package version', () => {
  it('an npm tarball naming its project by id: that project’s version, by its real name (not the alias); another project’s is not used', () => {
    const uses = [{ label: 'web/package-lock.json', line: lineOf(packageLock, '"node_modules/my-ui"') }];
    assert.deepEqual(usage.uses(npm('@acme/ui', '1.1.0', { projectId: 42, projectPath: 'acme/app' })), uses);
    assert.deepEqual(usage.uses(npm('@acme/ui', '1.1.0', { projectId: 43, projectPath: 'acme/other' })), []);
    assert.deepEqual(usage.uses(npm('my-ui', '1.1.0', { projectId: 42 })), []);
    assert.deepEqual(usage.uses(npm('@acme/ui', '1.0.0', { projectId: 42 })), []);
    assert.deepEqual(usage.uses(npm('@acme/ui', '1.1.0-beta', { projectId: 42 })), []);
    assert.deepEqual(usage.uses(npm('@acme/ui', null, { projectId: 42 })), []);
    // Only the path known (a project row not read yet): it may be that project, so it counts.
    assert.deepEqual(usage.uses(npm('@acme/ui', '1.1.0', { projectPath: 'acme/other' })), uses);
  });

  it('an npm tarball naming its project by (URL-encoded) path: compared without case; only the id known counts', () => {
    const uses = [{ label: 'web/package-lock.json', line: lineOf(packageLock, '"node_modules/widgets"') }];
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', { projectId: 5, projectPath: 'acme/app' })), uses);
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', { projectId: 5 })), uses);
  });

  it('a path that is not the project’s may be its former one (GitLab follows renamed paths): it counts, naming the path, unless GitLab listed the path for another project', () => {
    const line = lineOf(packageLock, '"node_modules/widgets"');
    const renamed = [{ label: 'web/package-lock.json', line, via: 'acme/App' }];
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', { projectId: 5, projectPath: 'acme/app-two' })), renamed);
    const known = knownPaths([{ instanceUrl: GITLAB + '/', projectId: 6, projectPath: 'ACME/app' }]);
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', { projectId: 5, projectPath: 'acme/app-two' }), known), []);
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', { projectId: 5 }), known), []);
    // The listing says project 6 holds the path: it is that project's line, whatever path the query has.
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', { projectId: 6, projectPath: 'acme/app-two' }), known), [{ label: 'web/package-lock.json', line }]);
    // The package's project not known by id: the path may still be its own.
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', { projectPath: 'acme/app-two' }), known), renamed);
    assert.deepEqual(usage.uses(npm('widgets', '2.0.0', {}), known), [{ label: 'web/package-lock.json', line }]);
    // Known on another instance: says nothing here.
    assert.deepEqual(
      usage.uses(
        npm('widgets', '2.0.0', { projectId: 5, projectPath: 'acme/app-two' }),
        knownPaths([{ instanceUrl: 'https://gitlab.other.example', projectId: 6, projectPath: 'acme/app' }]),
      ),
      renamed,
    );
  });

  it('lockfiles that could not be read, by ecosystem: a parser’s syntax, version or size problem, or a failed read; a skipped entry is no such problem', () => {
    const unread = lockfileUsage(
      [
        { label: 'package-lock.json', parsed: parseLockfile('package-lock', '{\n<<<<<<< HEAD\n') },
        { label: 'yarn.lock', parsed: parseLockfile('yarn-v1', '__metadata:\n  version: 8\n') },
        { label: 'poetry.lock', parsed: parseLockfile('poetry', 'x'.repeat(20), 10) },
        { label: 'uv.lock', parsed: parseLockfile('uv', ''), readError: 'EACCES: permission denied' },
        { label: 'ml/requirements.txt', parsed: parseLockfile('requirements', `x==1.0 --hash=md5:nothex\n`) },
        { label: 'web/package-lock.json', parsed: parseLockfile('package-lock', packageLock) },
      ],
      [GITLAB],
    );
    assert.deepEqual(
      unread.unread('npm').map((u) => [u.label, u.problem.kind, u.problem.line]),
      [
        ['package-lock.json', 'syntax', 2],
        ['yarn.lock', 'unsupported', 1],
      ],
    );
    assert.deepEqual(unread.unread('pypi'), [
      { label: 'poetry.lock', ecosystem: 'pypi', problem: { kind: 'too-large', detail: '20' } },
      { label: 'uv.lock', ecosystem: 'pypi', problem: { kind: 'syntax', detail: 'EACCES: permission denied' } },
    ]);
    assert.deepEqual(unread.unread('maven'), []);
    assert.deepEqual(usage.unread('npm'), []);
  });

  it('only configured instances count (the query’s instance URL compared as configured); other registries never do', () => {
    assert.deepEqual(usage.uses(npm('left-pad', '1.3.0', {})), []);
    assert.deepEqual(usage.uses({ ...npm('other-host', '1.0.0', { projectId: 42 }), instanceUrl: 'https://gitlab.other.example' }), []);
    assert.equal(usage.uses({ ...npm('widgets', '2.0.0', {}), instanceUrl: 'https://GITLAB.example.com:443/' }).length, 1);
    assert.deepEqual(usage.uses({ ...npm('widgets', '2.0.0', {}), packageType: 'generic' }), []);
  });

  it('a group’s PyPI index by id: any project of the instance, the name normalised and the version without case', () => {
    const uses = [{ label: 'ml/requirements.txt', line: 2 }];
    assert.deepEqual(usage.uses(pypi('acme-core', '1.0rc1', { projectId: 1, projectPath: 'anywhere/else' })), uses);
    assert.deepEqual(usage.uses(pypi('ACME.core', '1.0RC1', { projectId: 2 })), uses);
    assert.deepEqual(usage.uses(pypi('acme-core', '1.0', { projectId: 2 })), []);
    assert.deepEqual(usage.uses(pypi('acme-corex', '1.0rc1', { projectId: 2 })), []);
  });

  it('a group’s PyPI index by path: the projects below the group (subgroups too); a project index beside it counts for its own project', () => {
    const uses = [{ label: 'data/requirements.txt', line: 3 }];
    assert.deepEqual(usage.uses(pypi('acme_models', '2.0.0', { projectId: 1, projectPath: 'Acme/Data/ml' })), uses);
    assert.deepEqual(usage.uses(pypi('acme_models', '2.0.0', { projectId: 1, projectPath: 'acme/data/deep/ml' })), uses);
    assert.deepEqual(usage.uses(pypi('acme_models', '2.0.0', { projectId: 1, projectPath: 'acme/database' })), []);
    // pip may take it from the project index given beside the group's: project 99 counts, whatever its path.
    assert.deepEqual(usage.uses(pypi('acme_models', '2.0.0', { projectId: 99, projectPath: 'tools/py' })), uses);
    assert.deepEqual(usage.uses(pypi('acme_models', '2.0.0', { projectId: 1 })), uses);
  });

  it('several lockfiles: each line once, ordered by lockfile and line', () => {
    const lock = (label: string) => ({ label, parsed: parseLockfile('package-lock', packageLock) });
    const twice = lockfileUsage([lock('b/package-lock.json'), lock('a/package-lock.json'), lock('a/package-lock.json')], [GITLAB]);
    const line = lineOf(packageLock, '"node_modules/my-ui"');
    assert.deepEqual(twice.uses(npm('@acme/ui', '1.1.0', { projectId: 42 })), [
      { label: 'a/package-lock.json', line },
      { label: 'b/package-lock.json', line },
    ]);
  });
});
