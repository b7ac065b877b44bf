import { strict as assert } from 'node:assert';
import { listQuery, planLookups, targetKey } from '../../../../src/core/lockfiles/lookupPlan';
import { normalizePypiName, pypiSearchTerm } from '../../../../src/core/lockfiles/pypiName';
import type { EntryRoute, VersionTarget } from '../../../../src/core/lockfiles/registryRoute';

const target = (over: Partial<VersionTarget> = {}): VersionTarget => ({
  instanceUrl: 'https://g',
  owner: { kind: 'project', id: 42 },
  packageType: 'npm',
  name: 'a',
  version: '1.0.0',
  ...over,
});
const routed = (...targets: VersionTarget[]): EntryRoute => ({ kind: 'gitlab', targets, files: [], mayComeFromElsewhere: false, viaIndex: false });

describe('lockfiles: lookups', () => {
  it('one lookup per package version, however many entries share it', () => {
    const plan = planLookups([
      routed(target()),
      { kind: 'other', reason: 'no-url' },
      routed(target({ version: '2.0.0' })),
      routed(target()),
      routed(target({ owner: { kind: 'project', id: 43 } })),
      routed(target({ packageType: 'pypi', name: 'My_Pkg' })),
      routed(target({ packageType: 'pypi', name: 'my-pkg' })),
    ]);
    assert.deepEqual(
      plan.map((p) => p.entries),
      [[0, 3], [2], [4], [5, 6]],
    );
  });

  it('keys tell instances, owners, types, names and versions apart', () => {
    const keys = new Set(
      [
        target(),
        target({ instanceUrl: 'https://h' }),
        target({ owner: { kind: 'group', id: 42 } }),
        target({ packageType: 'pypi' }),
        target({ name: 'b' }),
        target({ version: '1.0.1' }),
      ].map(targetKey),
    );
    assert.equal(keys.size, 6);
  });

  it('the list query: exact version, and a PyPI name term that finds every spelling', () => {
    assert.deepEqual(listQuery(target({ name: '@acme/widgets' })), {
      packageType: 'npm',
      packageName: '@acme/widgets',
      packageVersion: '1.0.0',
      orderBy: 'created_at',
      sort: 'desc',
    });
    assert.equal(listQuery(target({ packageType: 'pypi', name: 'zope-interface' })).packageName, 'interface');
    assert.equal(pypiSearchTerm('a.b_c-def'), 'def');
    assert.equal(normalizePypiName('Zope__.Interface'), 'zope-interface');
  });
});
