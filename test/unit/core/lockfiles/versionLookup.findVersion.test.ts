/** The registry row Reveal in Packages View shows for a lockfile's package version, read from the fake GitLab. */
import { strict as assert } from 'node:assert';
import { findVersion as findVersionOrCutShort } from '../../../../src/core/lockfiles/versionLookup';
import type { VersionTarget } from '../../../../src/core/lockfiles/registryRoute';
import { LOCKFILE_SEED } from '../../../fake-gitlab/seedLockfiles';
import { useLockfileFake } from '../../../support/lockfileFake';
import { fakeClient } from '../../../support/sampleFake';

const p = LOCKFILE_SEED.projects;

describe('lockfiles: the registry row of a package version', () => {
  const fake = useLockfileFake();
  const client = () => fakeClient(fake(), LOCKFILE_SEED.token);
  const target = (over: Partial<VersionTarget> = {}): VersionTarget => ({
    instanceUrl: fake().url,
    owner: { kind: 'project', id: p.web.id },
    packageType: 'npm',
    name: '@lockco/ui',
    version: '1.0.0',
    ...over,
  });
  /** The row (or none); these lists all end within the bound. */
  const findVersion = async (...args: Parameters<typeof findVersionOrCutShort>) => {
    const found = await findVersionOrCutShort(...args);
    assert.ok(!(found && 'cutShort' in found), 'the list ended within its bound');
    return found && 'cutShort' in found ? undefined : found;
  };
  const idOf = (projectId: number, name: string, version: string): number => {
    const pkg = fake()
      .packagesOf(projectId)
      .find((x) => x.name === name && x.version === version);
    assert.ok(pkg, `${name} ${version} is seeded`);
    return pkg.id;
  };

  it('the one an install gets; the id given when the list holds it; none for a version the registry lacks', async () => {
    const ui100 = idOf(p.web.id, '@lockco/ui', '1.0.0');
    assert.equal((await findVersion(client(), target()))?.id, ui100);
    // A second upload of the same version (a newer id) is the one installed, unless the caller names the first.
    const again = fake().addPackage(p.web.id, { name: '@lockco/ui', version: '1.0.0', packageType: 'npm' });
    assert.equal((await findVersion(client(), target()))?.id, again.id);
    assert.equal((await findVersion(client(), target(), ui100))?.id, ui100);
    assert.equal(await findVersion(client(), target({ version: '9.9.9' })), undefined);
  });

  it('given a group: the project that holds it, PyPI names compared normalised; a version only in error status still found', async () => {
    const found = await findVersion(
      client(),
      target({ owner: { kind: 'group', id: LOCKFILE_SEED.group.path }, packageType: 'pypi', name: 'LockCo.Data', version: '0.2.0' }),
    );
    assert.deepEqual([found?.name, found?.projectId, found?.projectPath], ['lockco_data', p.ml.id, p.ml.path]);
    const broken = fake().addPackage(p.py.id, { name: 'lockco-core', version: '2.0.0', packageType: 'pypi', status: 'error' });
    assert.equal(
      (await findVersion(client(), target({ owner: { kind: 'project', id: p.py.id }, packageType: 'pypi', name: 'lockco-core', version: '2.0.0' })))?.id,
      broken.id,
    );
  });

  it('a list past its bound without the version (GitLab before 16.6 lists every version of the name) says so, not "none"', async () => {
    fake().addProject({ id: 3_990, pathWithNamespace: 'lockco/many', members: { [LOCKFILE_SEED.userId]: 40 } });
    for (let v = 0; v < 2_050; v++) fake().addPackage(3_990, { name: '@lockco/many', version: `0.0.${v}`, packageType: 'npm' });
    const version = fake().version;
    fake().version = '16.5.0';
    try {
      const many = target({ owner: { kind: 'project', id: 3_990 }, name: '@lockco/many' });
      assert.deepEqual(await findVersionOrCutShort(client(), { ...many, version: '0.0.0' }), { cutShort: 2_000 });
      assert.equal((await findVersion(client(), { ...many, version: '0.0.2049' }))?.version, '0.0.2049');
    } finally {
      fake().version = version;
    }
  });
});
