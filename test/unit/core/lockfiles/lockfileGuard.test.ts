/**
 * The lockfile guard's words (a clean-up's reason to keep a version, the question a delete asks
 * again) and its cache: a lockfile is read and parsed again only when its stamp changed, one that
 * is gone or unreadable resolves nothing.
 */
import { strict as assert } from 'node:assert';
import type { Package } from '../../../../src/gitlab/models';
import { lockfileGuard } from '../../../../src/core/lockfiles/lockfileGuard';
import { LockfileGuardCache, type LockfileSource } from '../../../../src/core/lockfiles/lockfileGuardCache';
import type { LockfileUse, UsageQuery } from '../../../../src/core/lockfiles/lockfileUsage';
import type { UsageListing } from '../../../../src/core/lockfiles/usageQuery';
import { word } from '../../../../src/util/text';

const GITLAB = 'https://gitlab.example.com';
const listed: UsageListing = { kind: 'project', ref: { entry: 'acme/app', instanceUrl: GITLAB, origin: GITLAB, key: 'acme/app' } };
const pkg = (name: string, version: string): Package => ({ id: 1, name, version, packageType: 'npm', hasLinks: true, tags: [] });
const tarball = (name: string, version: string) => `${GITLAB}/api/v4/projects/42/packages/npm/${name}/-/${name}-${version}.tgz`;
const lock = (...deps: [string, string][]) =>
  JSON.stringify(
    {
      lockfileVersion: 3,
      packages: Object.fromEntries(deps.map(([name, version]) => [`node_modules/${name}`, { version, resolved: tarball(name, version) }])),
    },
    null,
    2,
  );

describe('lockfiles: the guard deletes and clean-ups consult', () => {
  const usesOf = (found: Record<string, LockfileUse[]>) => ({ uses: (q: UsageQuery) => found[`${q.name}@${q.version}`] ?? [] });
  const guard = lockfileGuard(
    usesOf({
      'ui@1.1.0': [{ label: 'package-lock.json', line: 31 }],
      'tokens@2.0.0': [
        { label: 'a/package-lock.json', line: 7 },
        { label: 'b/yarn.lock', line: 12 },
        { label: 'c/pnpm-lock.yaml', line: 40 },
      ],
    }),
  );
  const target = (name: string, version: string) => ({ label: `${name} ${version}`, listed, pkg: pkg(name, version) });

  it('a clean-up keeps a version in use, naming the first line and counting the rest', () => {
    assert.equal(word(guard.keeps(listed, pkg('ui', '1.1.0'))!), 'used by package-lock.json:31');
    assert.equal(word(guard.keeps(listed, pkg('tokens', '2.0.0'))!), 'used by a/package-lock.json:7 and 2 more');
    assert.equal(guard.keeps(listed, pkg('ui', '1.0.0')), undefined);
  });

  it('one package in use: "Delete Anyway", each lockfile line listed; none in use: no question', () => {
    const q = guard.question([target('ui', '1.1.0')], (t) => t)!;
    assert.equal(word(q.message), 'ui 1.1.0 is used by a workspace lockfile. Delete it anyway?');
    assert.deepEqual(
      q.lines.map((l) => word(l)),
      ['package-lock.json:31'],
    );
    assert.equal(word(q.all), 'Delete Anyway');
    assert.equal(q.onlyOthers, undefined);
    assert.equal(
      guard.question([target('ui', '1.0.0')], (t) => t),
      undefined,
    );
  });

  it('several in use among others: each with its first line, "Delete All", and "Delete the Others Only" with exactly the others', () => {
    const targets = [target('ui', '1.0.0'), target('tokens', '2.0.0'), target('ui', '1.1.0'), target('cli', '0.3.0')];
    const q = guard.question(targets, (t) => t)!;
    assert.equal(word(q.message), '2 of these are used by workspace lockfiles. Delete them anyway?');
    assert.deepEqual(
      q.lines.map((l) => word(l)),
      ['tokens 2.0.0 — used by a/package-lock.json:7 and 2 more', 'ui 1.1.0 — used by package-lock.json:31'],
    );
    assert.equal(word(q.all), 'Delete All');
    assert.equal(word(q.onlyOthers!.button), 'Delete the Others Only');
    assert.deepEqual(q.onlyOthers!.targets, [targets[0], targets[3]]);
  });

  it('the cache reads a lockfile again only when its stamp changed; the index follows the text and the configured instances', async () => {
    const cache = new LockfileGuardCache();
    const reads: string[] = [];
    const files: Record<string, { stamp: string; text: string }> = {
      '/w/package-lock.json': { stamp: '1', text: lock(['ui', '1.1.0']) },
      '/w/README.md': { stamp: '1', text: 'not a lockfile' },
    };
    const sources = (): LockfileSource[] =>
      Object.entries(files).map(([path, f]) => ({
        key: path,
        label: path.slice(3),
        path,
        stamp: Promise.resolve(f.stamp),
        read: () => (reads.push(path), Promise.resolve(f.text)),
      }));
    const used = async (name: string, version: string, instances = [GITLAB]) => (await cache.guard(sources(), instances)).keeps(listed, pkg(name, version));
    assert.equal(word((await used('ui', '1.1.0'))!), 'used by package-lock.json:4');
    assert.equal(word((await used('ui', '1.1.0'))!), 'used by package-lock.json:4');
    assert.deepEqual(reads, ['/w/package-lock.json'], 'read once; a file that is no lockfile never');
    files['/w/package-lock.json'] = { stamp: '2', text: lock(['tokens', '2.0.0'], ['ui', '1.2.0']) };
    assert.equal(await used('ui', '1.1.0'), undefined);
    assert.equal(word((await used('ui', '1.2.0'))!), 'used by package-lock.json:8');
    assert.equal(reads.length, 2);
    assert.equal(await used('ui', '1.2.0', ['https://gitlab.other.example']), undefined, 'the instance is no longer configured');
    assert.equal(reads.length, 2, 'the instances changed, the text did not: nothing read again');
  });

  it('a lockfile gone since it was found (its stamp fails) or unreadable resolves nothing, and is read again next time', async () => {
    const cache = new LockfileGuardCache();
    const source = (over: Partial<LockfileSource>): LockfileSource => ({
      key: 'k',
      label: 'package-lock.json',
      path: '/w/package-lock.json',
      stamp: '1',
      read: () => Promise.resolve(lock(['ui', '1.1.0'])),
      ...over,
    });
    const keeps = async (s: LockfileSource) => (await cache.guard([s], [GITLAB])).keeps(listed, pkg('ui', '1.1.0'));
    assert.equal(await keeps(source({ stamp: Promise.reject(new Error('gone')) })), undefined);
    assert.equal(await keeps(source({ read: () => Promise.reject(new Error('EACCES')) })), undefined);
    assert.ok(await keeps(source({})));
  });
});
