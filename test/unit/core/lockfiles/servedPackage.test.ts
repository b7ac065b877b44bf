import { strict as assert } from 'node:assert';
import type { VersionTarget } from '../../../../src/core/lockfiles/registryRoute';
import { servedPackage } from '../../../../src/core/lockfiles/servedPackage';
import type { Package } from '../../../../src/gitlab/models';

const target = (over: Partial<VersionTarget> = {}): VersionTarget => ({
  instanceUrl: 'https://g',
  owner: { kind: 'project', id: 42 },
  packageType: 'npm',
  name: 'a',
  version: '1.0.0',
  ...over,
});
const pkg = (id: number, over: Partial<Package> = {}): Package => ({ id, name: 'a', version: '1.0.0', packageType: 'npm', hasLinks: true, tags: [], ...over });

describe('lockfiles: the package an install gets', () => {
  it('the served package: exact name (PyPI normalised) and version, installable, newest id', () => {
    const t = target();
    assert.equal(servedPackage([pkg(1), pkg(3), pkg(2)], t).pkg?.id, 3);
    // The substring filter also returns other names; an error upload is not served.
    const choice = servedPackage([pkg(1, { name: 'a-b' }), pkg(2, { status: 'error' }), pkg(3, { version: '1.0.01' }), pkg(4, { packageType: 'maven' })], t);
    assert.equal(choice.pkg, undefined);
    assert.deepEqual(
      choice.notInstallable.map((p) => p.id),
      [2],
    );
    assert.equal(
      servedPackage([pkg(5, { name: 'My.Pkg', packageType: 'pypi', version: '1.0RC1' })], target({ packageType: 'pypi', name: 'my-pkg', version: '1.0rc1' }))
        .pkg?.id,
      5,
    );
    assert.equal(servedPackage([pkg(6, { status: 'deprecated' })], t).pkg?.id, 6);
  });
});
