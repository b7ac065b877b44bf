import { strict as assert } from 'node:assert';
import type { LockEntry } from '../../../../src/core/lockfiles/lockEntry';
import { instancesOf, routeEntry, routeUrl } from '../../../../src/core/lockfiles/registryRoute';

const SHA = 'ab'.repeat(32);
const instances = instancesOf(['https://gitlab.example.com', 'https://example.org/gitlab/', 'http://plain.example']);
const npm = (url: string | undefined, version = '1.2.3'): LockEntry => ({
  ecosystem: 'npm',
  name: 'x',
  version,
  line: 1,
  files: [{ url, digests: [] }],
  anyFileDigests: [],
  indexes: [],
});
const pypi = (over: Partial<LockEntry>): LockEntry => ({
  ecosystem: 'pypi',
  name: 'acme-core',
  version: '2.0.0',
  line: 1,
  files: [],
  anyFileDigests: [],
  indexes: [],
  ...over,
});

describe('lockfiles: mapping entries to the registry', () => {
  it('npm tarballs: scoped names plain or %2f-encoded, the project by id or path', () => {
    assert.deepEqual(routeUrl('https://gitlab.example.com/api/v4/projects/42/packages/npm/@acme/widgets/-/@acme/widgets-1.2.3.tgz', instances), {
      kind: 'npm-tarball',
      instanceUrl: 'https://gitlab.example.com',
      project: 42,
      packageName: '@acme/widgets',
      fileName: '@acme/widgets-1.2.3.tgz',
    });
    const encoded = routeUrl('https://gitlab.example.com/api/v4/projects/acme%2Fapp/packages/npm/@acme%2fwidgets/-/@acme%2Fwidgets-1.2.3.tgz', instances);
    assert.deepEqual(encoded, {
      kind: 'npm-tarball',
      instanceUrl: 'https://gitlab.example.com',
      project: 'acme/app',
      packageName: '@acme/widgets',
      fileName: '@acme/widgets-1.2.3.tgz',
    });
    assert.deepEqual(routeUrl('https://GITLAB.example.com:443/api/v4/projects/7/packages/npm/left-pad/-/left-pad-1.3.0.tgz', instances), {
      kind: 'npm-tarball',
      instanceUrl: 'https://gitlab.example.com',
      project: 7,
      packageName: 'left-pad',
      fileName: 'left-pad-1.3.0.tgz',
    });
  });

  it('PyPI files and indexes, project- and group-level', () => {
    assert.deepEqual(
      routeUrl(`https://gitlab.example.com/api/v4/projects/42/packages/pypi/files/${SHA.toUpperCase()}/acme_core-2.0.0.tar.gz#sha256=${SHA}`, instances),
      {
        kind: 'pypi-file',
        instanceUrl: 'https://gitlab.example.com',
        owner: { kind: 'project', id: 42 },
        sha256: SHA,
        fileName: 'acme_core-2.0.0.tar.gz',
      },
    );
    assert.deepEqual(routeUrl(`https://gitlab.example.com/api/v4/groups/9/-/packages/pypi/files/${SHA}/acme_core-2.0.0.tar.gz`, instances), {
      kind: 'pypi-file',
      instanceUrl: 'https://gitlab.example.com',
      owner: { kind: 'group', id: 9 },
      sha256: SHA,
      fileName: 'acme_core-2.0.0.tar.gz',
    });
    assert.deepEqual(routeUrl('https://gitlab.example.com/api/v4/groups/acme%2Fpython/-/packages/pypi/simple/', instances), {
      kind: 'pypi-index',
      instanceUrl: 'https://gitlab.example.com',
      owner: { kind: 'group', id: 'acme/python' },
    });
  });

  it('an instance under a path owns only URLs below it', () => {
    assert.equal(routeUrl('https://example.org/gitlab/api/v4/projects/1/packages/pypi/simple', instances).kind, 'pypi-index');
    assert.deepEqual(routeUrl('https://example.org/api/v4/projects/1/packages/pypi/simple', instances), { kind: 'other', reason: 'not-a-package-route' });
    assert.equal(
      (routeUrl('https://example.org/gitlab/api/v4/projects/1/packages/pypi/simple', instances) as { instanceUrl: string }).instanceUrl,
      'https://example.org/gitlab',
    );
  });

  it('never a host the lockfile alone names; http to an https instance is not trusted', () => {
    assert.deepEqual(routeUrl('https://evil.example/api/v4/projects/42/packages/npm/x/-/x-1.0.0.tgz', instances), { kind: 'other', reason: 'not-configured' });
    assert.deepEqual(routeUrl('https://gitlab.example.com.evil.example/api/v4/projects/42/packages/npm/x/-/x-1.0.0.tgz', instances), {
      kind: 'other',
      reason: 'not-configured',
    });
    assert.deepEqual(routeUrl('http://gitlab.example.com/api/v4/projects/42/packages/npm/x/-/x-1.0.0.tgz', instances), { kind: 'other', reason: 'insecure' });
    assert.equal(routeUrl('http://plain.example/api/v4/projects/42/packages/npm/x/-/x-1.0.0.tgz', instances).kind, 'npm-tarball');
    assert.deepEqual(routeUrl('https://user:pw@gitlab.example.com/api/v4/projects/42/packages/npm/x/-/x-1.0.0.tgz', instances).kind, 'npm-tarball');
  });

  it('weird URLs are other, never an error', () => {
    for (const url of [
      'not a url',
      'file:///etc/passwd',
      'https://gitlab.example.com/api/v4/projects/42/packages/npm/x/-/x-1.0.0.zip',
      'https://gitlab.example.com/api/v4/projects/42/packages/npm/-/x.tgz',
      'https://gitlab.example.com/api/v4/projects/42/packages/npm/a/b/c/-/x.tgz',
      'https://gitlab.example.com/api/v4/projects/%2e%2e/packages/npm/x/-/x-1.0.0.tgz',
      'https://gitlab.example.com/api/v4/projects/42/packages/npm/x%00/-/x-1.0.0.tgz',
      'https://gitlab.example.com/api/v4/projects/42/packages/npm/x%E0%A4%A/-/x-1.0.0.tgz',
      `https://gitlab.example.com/api/v4/projects/42/packages/pypi/files/${SHA}0/a.whl`,
      `https://gitlab.example.com/api/v4/projects/42/packages/pypi/files/${SHA}/a/b.whl`,
      'https://gitlab.example.com/api/v4/packages/npm/x/-/x-1.0.0.tgz',
      'https://gitlab.example.com/' + 'a/'.repeat(10_000),
    ]) {
      assert.equal(routeUrl(url, instances).kind, 'other', url);
    }
  });

  it('entries: npm by their tarball; PyPI by file URLs, else by every GitLab index', () => {
    const tarball = 'https://gitlab.example.com/api/v4/projects/42/packages/npm/@acme/widgets/-/@acme/widgets-1.2.3.tgz';
    assert.deepEqual(routeEntry(npm(tarball), instances), {
      kind: 'gitlab',
      targets: [{ instanceUrl: 'https://gitlab.example.com', owner: { kind: 'project', id: 42 }, packageType: 'npm', name: '@acme/widgets', version: '1.2.3' }],
      files: [{ fileName: '@acme/widgets-1.2.3.tgz' }],
      mayComeFromElsewhere: false,
      viaIndex: false,
    });
    assert.deepEqual(routeEntry(npm(undefined), instances), { kind: 'other', reason: 'no-url' });
    assert.deepEqual(routeEntry(npm('https://registry.npmjs.org/x/-/x-1.2.3.tgz'), instances), { kind: 'other', reason: 'not-configured' });

    const fileUrl = `https://gitlab.example.com/api/v4/projects/42/packages/pypi/files/${SHA}/acme_core-2.0.0.tar.gz`;
    const byFile = routeEntry(pypi({ files: [{ url: fileUrl, fileName: 'acme_core-2.0.0.tar.gz', digests: [] }] }), instances);
    assert.deepEqual(byFile.kind === 'gitlab' && [byFile.targets.map((t) => t.owner), byFile.files], [
      [{ kind: 'project', id: 42 }],
      [{ fileName: 'acme_core-2.0.0.tar.gz', sha256: SHA }],
    ]);

    const index = 'https://gitlab.example.com/api/v4/projects/42/packages/pypi/simple';
    const byIndex = routeEntry(pypi({ indexes: ['https://pypi.org/simple', index] }), instances);
    assert.deepEqual(byIndex.kind === 'gitlab' && [byIndex.targets.map((t) => t.owner), byIndex.mayComeFromElsewhere], [[{ kind: 'project', id: 42 }], true]);
    const only = routeEntry(pypi({ indexes: [index] }), instances);
    assert.equal(only.kind === 'gitlab' && only.mayComeFromElsewhere, false);
    assert.deepEqual(routeEntry(pypi({ indexes: [], otherIndexes: true }), instances), { kind: 'other', reason: 'no-url' });
    // pip takes candidates from every index: each GitLab one is asked.
    const group = 'https://gitlab.example.com/api/v4/groups/9/-/packages/pypi/simple';
    const both = routeEntry(pypi({ indexes: [index, group] }), instances);
    assert.deepEqual(both.kind === 'gitlab' && [both.targets.map((t) => t.owner), both.mayComeFromElsewhere], [
      [
        { kind: 'project', id: 42 },
        { kind: 'group', id: 9 },
      ],
      false,
    ]);
  });
});
