/**
 * The hover's "newer in the registry": GitLab's name filter is a substring match, so a busier
 * package whose name contains the locked one's can fill the first pages; pages are read on until
 * the locked upload is passed, and a search the page bound ends says it is partial.
 */
import { strict as assert } from 'node:assert';
import type { Package } from '../../../../src/gitlab/models';
import type { Page } from '../../../../src/gitlab/pagination';
import { newerVersions } from '../../../../src/core/lockfiles/newerVersions';
import type { VersionTarget } from '../../../../src/core/lockfiles/registryRoute';
import type { VersionClient } from '../../../../src/core/lockfiles/versionLookup';

const target: VersionTarget = {
  instanceUrl: 'https://gitlab.example.com',
  owner: { kind: 'project', id: 7 },
  packageType: 'npm',
  name: '@acme/core',
  version: '1.0.0',
};
let nextId = 1;
const pkg = (name: string, version: string, day: number): Package => ({
  id: nextId++,
  name,
  version,
  packageType: 'npm',
  createdAt: new Date(Date.UTC(2025, 0, day)).toISOString(),
  hasLinks: true,
  tags: [],
});

/** Serves `all` newest first, `perPage` a page, counting the pages asked. */
function client(all: Package[], perPage: number): VersionClient & { pages: number } {
  const sorted = [...all].sort((a, b) => (a.createdAt! < b.createdAt! ? 1 : -1));
  const c = {
    pages: 0,
    projectPackagesPage: (_p: unknown, _q: unknown, page: number): Promise<Page<Package>> => {
      c.pages++;
      const items = sorted.slice((page - 1) * perPage, page * perPage);
      return Promise.resolve({ items, nextPage: page * perPage < sorted.length ? page + 1 : undefined } as Page<Package>);
    },
    groupPackagesPage: () => Promise.reject(new Error('not asked')),
    packageFilesPage: () => Promise.reject(new Error('not asked')),
  };
  return c;
}

describe('newer versions for the lockfile hover', () => {
  it('reads past pages a busier name containing this one fills, and stops at the locked upload', async () => {
    const locked = pkg('@acme/core', '1.0.0', 1);
    const busy = Array.from({ length: 40 }, (_, i) => pkg('@acme/core-utils', `0.${i}.0`, 20 + i));
    const c = client([locked, pkg('@acme/core', '1.1.0', 10), pkg('@acme/core', '0.9.0', 1), ...busy], 20);
    const found = await newerVersions(c, target, locked);
    assert.deepEqual(found, { versions: ['1.1.0'], complete: true });
    assert.equal(c.pages, 3);
  });

  it('says the search was partial when the page bound ends it before the locked upload', async () => {
    const locked = pkg('@acme/core', '1.0.0', 1);
    const busy = Array.from({ length: 200 }, (_, i) => pkg('@acme/core-utils', `0.${i}.0`, 20 + i));
    const found = await newerVersions(client([locked, ...busy], 20), target, locked);
    assert.deepEqual(found, { versions: [], complete: false });
  });

  it('none newer: complete after one page', async () => {
    const locked = pkg('@acme/core', '2.0.0', 5);
    const c = client([locked, pkg('@acme/core', '1.0.0', 1)], 20);
    assert.deepEqual(await newerVersions(c, target, locked), { versions: [], complete: true });
    assert.equal(c.pages, 1);
  });
});
