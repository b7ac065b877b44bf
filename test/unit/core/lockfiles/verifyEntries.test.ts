/**
 * Verification against the fake GitLab over HTTP: the request budget (one list and one files
 * request per package version, nothing from the cache), verdicts on real responses, group-level
 * PyPI and a server too old for the version filter.
 */
import { strict as assert } from 'node:assert';
import { LookupCache } from '../../../../src/core/lockfiles/lookupCache';
import { parseLockfile } from '../../../../src/core/lockfiles/parseLockfile';
import type { VersionTarget } from '../../../../src/core/lockfiles/registryRoute';
import type { RegistryAnswer } from '../../../../src/core/lockfiles/verdict';
import { fetchVersion, ListCutShortError } from '../../../../src/core/lockfiles/versionLookup';
import { errorText } from '../../../../src/core/errorText';
import { word } from '../../../../src/util/text';
import { verifyEntries, type CheckedVerdict } from '../../../../src/core/lockfiles/verifyEntries';
import type { GitLabClient } from '../../../../src/gitlab/client';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { hex, sri } from '../../../support/lockfileHashes';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

const PROJECT = 400;
/** The bench's shape (60 × 5) at a third of its size. */
const PACKAGES = 20;
const VERSIONS = 5;
const content = (i: number, v: number): string => `tarball of pkg${i} 1.0.${v}\n`;

function packageLock(baseUrl: string): string {
  const packages: Record<string, object> = { '': { name: 'app', version: '1.0.0' } };
  for (let i = 0; i < PACKAGES; i++) {
    for (let v = 0; v < VERSIONS; v++) {
      const name = `@acme/pkg${i}`;
      packages[`node_modules/dep${i}-${v}/node_modules/${name}`] = {
        version: `1.0.${v}`,
        resolved: `${baseUrl}/api/v4/projects/${PROJECT}/packages/npm/${name}/-/${name}-1.0.${v}.tgz`,
        integrity: sri('sha1', content(i, v)),
      };
    }
  }
  for (let k = 0; k < 200; k++) {
    packages[`node_modules/public${k}`] = {
      version: '1.0.0',
      resolved: `https://registry.npmjs.org/public${k}/-/public${k}-1.0.0.tgz`,
      integrity: sri('sha512', `p${k}`),
    };
  }
  return JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2);
}

const count = (verdicts: CheckedVerdict[]): Record<string, number> =>
  verdicts.reduce<Record<string, number>>((c, v) => ({ ...c, [v.kind]: (c[v.kind] ?? 0) + 1 }), {});

describe('lockfiles: verification against the registry', function () {
  this.timeout(30_000);
  const fake = useSampleFake();
  let client: GitLabClient;

  before(() => {
    fake().addProject({ id: PROJECT, pathWithNamespace: 'acme/locks', members: { [SAMPLE.userId]: 30 } });
    for (let i = 0; i < PACKAGES; i++) {
      for (let v = 0; v < VERSIONS; v++) {
        const name = `@acme/pkg${i}`;
        fake().addPackage(PROJECT, { name, version: `1.0.${v}`, packageType: 'npm', files: [{ fileName: `${name}-1.0.${v}.tgz`, content: content(i, v) }] });
      }
    }
    client = fakeClient(fake());
  });

  const lookupWith =
    (cache: LookupCache<RegistryAnswer>) =>
    (t: VersionTarget, key: string): Promise<RegistryAnswer> =>
      cache.get(key, { instanceUrl: t.instanceUrl, owner: t.owner.id }, () => fetchVersion(client, t));

  it('300 entries, 100 from GitLab in 20 packages × 5 versions: one list and one files request per version; again from the cache: none', async () => {
    const lock = parseLockfile('package-lock', packageLock(fake().url));
    assert.equal(lock.entries.length, 300);
    const cache = new LookupCache<RegistryAnswer>();
    fake().clearRequests();
    const first = await verifyEntries(lock.entries, { instanceUrls: [fake().url], lookup: lookupWith(cache), concurrency: 8 });
    assert.deepEqual(count(first.verdicts), { weak: 100, other: 200 });
    assert.equal(first.lookups, 100);
    const lists = fake().requests.filter((r) => r.path === `/api/v4/projects/${PROJECT}/packages`);
    const files = fake().requests.filter((r) => /\/packages\/\d+\/package_files$/.test(r.path));
    assert.deepEqual([lists.length, files.length, fake().requests.length], [100, 100, 200]);
    assert.ok(lists.every((r) => r.query.package_version && r.query.package_type === 'npm'));

    fake().clearRequests();
    const second = await verifyEntries(lock.entries, { instanceUrls: [fake().url], lookup: lookupWith(cache), concurrency: 8 });
    assert.deepEqual(count(second.verdicts), { weak: 100, other: 200 });
    assert.equal(fake().requests.length, 0);

    cache.clear({ instanceUrl: fake().url });
    await verifyEntries(lock.entries.slice(0, 5), { instanceUrls: [fake().url], lookup: lookupWith(cache), concurrency: 8 });
    assert.equal(fake().requests.length, 10);
  });

  it('a host the lockfile names but the user did not configure is never asked', async () => {
    const lock = parseLockfile('package-lock', packageLock(fake().url));
    fake().clearRequests();
    const r = await verifyEntries(lock.entries, { instanceUrls: ['https://gitlab.example.com'], lookup: lookupWith(new LookupCache()), concurrency: 8 });
    assert.deepEqual(count(r.verdicts), { other: 300 });
    assert.equal(fake().requests.length, 0);
  });

  it('a re-upload under the same version: changed, naming the newer file and the older one the lockfile matches', async () => {
    fake().addPackage(PROJECT, {
      name: '@acme/dup',
      version: '1.0.0',
      packageType: 'npm',
      files: [
        { fileName: '@acme/dup-1.0.0.tgz', content: 'first upload', createdAt: '2025-04-01T10:00:00Z' },
        { fileName: '@acme/dup-1.0.0.tgz', content: 'second upload', createdAt: '2025-04-02T10:00:00Z' },
      ],
    });
    const url = `${fake().url}/api/v4/projects/${PROJECT}/packages/npm/@acme/dup/-/@acme/dup-1.0.0.tgz`;
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/@acme/dup': { version: '1.0.0', resolved: url, integrity: sri('sha1', 'first upload') } },
    });
    const r = await verifyEntries(parseLockfile('package-lock', text).entries, {
      instanceUrls: [fake().url],
      lookup: lookupWith(new LookupCache()),
      concurrency: 2,
    });
    const v = r.verdicts[0];
    assert.ok(v.kind === 'changed' && 'files' in v);
    const f = v.files[0];
    assert.ok(f.kind === 'changed');
    assert.deepEqual([f.served.createdAt, f.olderMatch?.createdAt], ['2025-04-02T10:00:00Z', '2025-04-01T10:00:00Z']);
  });

  it('group-level PyPI through the index in uv.lock, and a version the registry lacks', async () => {
    const app = SAMPLE.projects.app.id;
    fake().addPackage(app, {
      name: 'Acme_Core',
      version: '2.0.0',
      packageType: 'pypi',
      files: [
        { fileName: 'acme_core-2.0.0-py3-none-any.whl', content: 'wheel' },
        { fileName: 'acme_core-2.0.0.tar.gz', content: 'sdist' },
      ],
    });
    const files = `${fake().url}/api/v4/groups/${SAMPLE.groupId}/-/packages/pypi/files`;
    const uv = `version = 1\n\n[[package]]\nname = "acme-core"\nversion = "2.0.0"\nsource = { registry = "${fake().url}/api/v4/groups/${SAMPLE.groupId}/-/packages/pypi/simple" }\nsdist = { url = "${files}/${hex('sha256', 'sdist')}/acme_core-2.0.0.tar.gz", hash = "sha256:${hex('sha256', 'sdist')}" }\nwheels = [\n  { url = "${files}/${hex('sha256', 'wheel')}/acme_core-2.0.0-py3-none-any.whl", hash = "sha256:${hex('sha256', 'wheel')}" },\n]\n\n[[package]]\nname = "acme-core-extras"\nversion = "9.9.9"\nsource = { registry = "${fake().url}/api/v4/groups/${SAMPLE.groupId}/-/packages/pypi/simple" }\nsdist = { url = "${files}/${hex('sha256', 'x')}/acme_core_extras-9.9.9.tar.gz", hash = "sha256:${hex('sha256', 'x')}" }\n`;
    const r = await verifyEntries(parseLockfile('uv', uv).entries, { instanceUrls: [fake().url], lookup: lookupWith(new LookupCache()), concurrency: 2 });
    assert.deepEqual(
      r.verdicts.map((v) => v.kind),
      ['match', 'missing'],
    );
  });

  it('a server before 16.6 ignores package_version: the list is paged and compared, verdicts unchanged', async () => {
    fake().version = '16.5.0';
    try {
      const lock = parseLockfile('package-lock', packageLock(fake().url));
      const r = await verifyEntries(lock.entries.slice(0, 10), { instanceUrls: [fake().url], lookup: lookupWith(new LookupCache()), concurrency: 4 });
      assert.deepEqual(count(r.verdicts), { weak: 10 });
    } finally {
      fake().version = '18.5.1-ee';
    }
  });

  it('a list cut short at its bound (before 16.6, a name with over 2,000 versions) leaves the version unchecked, never "missing", and is asked once', async () => {
    fake().addProject({ id: PROJECT + 1, pathWithNamespace: 'acme/many', members: { [SAMPLE.userId]: 30 } });
    for (let v = 0; v < 2_050; v++) fake().addPackage(PROJECT + 1, { name: '@acme/many', version: `0.0.${v}`, packageType: 'npm' });
    fake().version = '16.5.0';
    try {
      const target: VersionTarget = {
        instanceUrl: fake().url,
        owner: { kind: 'project', id: PROJECT + 1 },
        packageType: 'npm',
        name: '@acme/many',
        version: '0.0.0',
      };
      assert.deepEqual(await fetchVersion(client, target), { kind: 'cutShort', listed: 2_000 });
      assert.equal((await fetchVersion(client, { ...target, version: '0.0.2049' })).kind, 'found', 'a version on the pages read is found');
      const tgz = `${fake().url}/api/v4/projects/${PROJECT + 1}/packages/npm/@acme/many/-/@acme/many-0.0.0.tgz`;
      const lock = JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: { '': {}, 'node_modules/@acme/many': { version: '0.0.0', resolved: tgz, integrity: sri('sha512', 'x') } },
      });
      const cache = new LookupCache<RegistryAnswer>();
      const verify = () =>
        verifyEntries(parseLockfile('package-lock', lock).entries, { instanceUrls: [fake().url], lookup: lookupWith(cache), concurrency: 1 });
      const [verdict] = (await verify()).verdicts;
      assert.ok(verdict.kind === 'unchecked' && verdict.error instanceof ListCutShortError, JSON.stringify(verdict));
      assert.equal(
        word(errorText(verdict.error)),
        'The registry lists more than 2,000 packages of this name, and the locked version was not among them: it was not checked',
      );
      fake().clearRequests();
      assert.equal((await verify()).verdicts[0].kind, 'unchecked');
      assert.equal(fake().requests.length, 0, 'the cut-short answer is kept like any other');
    } finally {
      fake().version = '18.5.1-ee';
    }
  });

  it('a failed lookup leaves its entries unchecked and the others judged', async () => {
    const lock = parseLockfile('package-lock', packageLock(fake().url));
    const entries = lock.entries.slice(0, 10);
    let calls = 0;
    const r = await verifyEntries(entries, {
      instanceUrls: [fake().url],
      lookup: (t) => (++calls === 1 ? Promise.reject(new Error('503')) : fetchVersion(client, t)),
      concurrency: 1,
    });
    assert.deepEqual(count(r.verdicts), { unchecked: 1, weak: 9 });
  });
});
