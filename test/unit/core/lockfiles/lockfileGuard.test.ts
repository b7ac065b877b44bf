/**
 * The lockfile guard's words (a clean-up's reason to keep a version and its notes, the question a
 * delete asks again — a lockfile that could not be read named too) and its cache: a lockfile is
 * read and parsed again only when its stamp changed, one that is gone resolves nothing, one that
 * is there but cannot be read may resolve to anything of its ecosystem.
 */
import { strict as assert } from 'node:assert';
import type { Package } from '../../../../src/gitlab/models';
import { lockfileGuard } from '../../../../src/core/lockfiles/lockfileGuard';
import { LockfileGuardCache, type LockfileSource } from '../../../../src/core/lockfiles/lockfileGuardCache';
import type { LockfileUse, UnreadLockfile, UsageQuery } from '../../../../src/core/lockfiles/lockfileUsage';
import type { UsageListing } from '../../../../src/core/lockfiles/usageQuery';
import { word } from '../../../../src/util/text';

const GITLAB = 'https://gitlab.example.com';
const listed: UsageListing = { kind: 'project', ref: { entry: 'acme/app', instanceUrl: GITLAB, origin: GITLAB, key: 'acme/app' } };
const pkg = (name: string, version: string, packageType = 'npm'): Package => ({ id: 1, name, version, packageType, hasLinks: true, tags: [] });
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
  const usesOf = (found: Record<string, LockfileUse[]>, unread: UnreadLockfile[] = []) => ({
    uses: (q: UsageQuery) => found[`${q.name}@${q.version}`] ?? [],
    unread: (type: string) => unread.filter((u) => u.ecosystem === type),
  });
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

  const keeps = (g: typeof guard, p: Package) => g.keeper(listed, [p]).keeps(p);

  it('a clean-up keeps a version in use, naming the first line and counting the rest; no note', () => {
    assert.equal(word(keeps(guard, pkg('ui', '1.1.0'))!), 'used by package-lock.json:31');
    assert.equal(word(keeps(guard, pkg('tokens', '2.0.0'))!), 'used by a/package-lock.json:7 and 2 more');
    assert.equal(keeps(guard, pkg('ui', '1.0.0')), undefined);
    assert.deepEqual(guard.keeper(listed, []).notes([pkg('ui', '1.1.0')]), []);
  });

  it('a line naming another path than the project’s: the path named, as a former one maybe', () => {
    const renamed = lockfileGuard(usesOf({ 'ui@1.1.0': [{ label: 'package-lock.json', line: 31, via: 'acme/old-app' }] }));
    assert.equal(word(keeps(renamed, pkg('ui', '1.1.0'))!), 'used by package-lock.json:31 (names acme/old-app, maybe a former path of its project)');
    assert.deepEqual(
      renamed.question([target('ui', '1.1.0')], (t) => t)!.lines.map((l) => word(l)),
      ['package-lock.json:31 (names acme/old-app, maybe a former path of its project)'],
    );
  });

  describe('beside lockfiles that could not be read', () => {
    const unread: UnreadLockfile[] = [
      { label: 'package-lock.json', ecosystem: 'npm', problem: { kind: 'syntax', line: 12, detail: 'merge conflict marker' } },
      { label: 'yarn.lock', ecosystem: 'npm', problem: { kind: 'unsupported', line: 1, detail: 'yarn 2+ lockfile (__metadata)' } },
      { label: 'poetry.lock', ecosystem: 'pypi', problem: { kind: 'too-large', detail: '70000000' } },
    ];
    const broken = lockfileGuard(usesOf({ 'ui@1.1.0': [{ label: 'web/package-lock.json', line: 31 }] }, unread));

    it('a clean-up keeps every version of their ecosystem, naming them (a use named first), with one note per lockfile for what it kept', () => {
      assert.equal(word(keeps(broken, pkg('ui', '1.0.0'))!), 'package-lock.json, yarn.lock could not be read');
      assert.equal(word(keeps(broken, pkg('ui', '1.1.0'))!), 'used by web/package-lock.json:31');
      assert.equal(word(keeps(broken, pkg('core', '1.0.0', 'pypi'))!), 'poetry.lock could not be read');
      assert.equal(keeps(broken, pkg('lib', '1.0.0', 'maven')), undefined);
      assert.deepEqual(
        broken
          .keeper(listed, [])
          .notes([pkg('ui', '1.0.0'), pkg('ui', '1.1.0'), pkg('lib', '1.0.0', 'maven')])
          .map((n) => word(n)),
        [
          'package-lock.json could not be read (line 12: merge conflict marker): the npm packages it may use are kept',
          'yarn.lock could not be read (line 1: yarn 2+ lockfile (__metadata)): the npm packages it may use are kept',
        ],
      );
      assert.deepEqual(
        broken
          .keeper(listed, [])
          .notes([pkg('core', '1.0.0', 'pypi')])
          .map((n) => word(n)),
        ['poetry.lock could not be read (larger than a lockfile is read): the pypi packages it may use are kept'],
      );
    });

    it('a delete of one version of their ecosystem asks again, each named with why; another ecosystem’s is not asked about', () => {
      const q = broken.question([target('ui', '1.0.0')], (t) => t)!;
      assert.equal(word(q.message), 'ui 1.0.0 may be used by a workspace lockfile that could not be read. Delete it anyway?');
      assert.deepEqual(
        q.lines.map((l) => word(l)),
        [
          'package-lock.json could not be read (line 12: merge conflict marker); it may use this version',
          'yarn.lock could not be read (line 1: yarn 2+ lockfile (__metadata)); it may use this version',
        ],
      );
      assert.equal(word(q.all), 'Delete Anyway');
      const used = broken.question([target('ui', '1.1.0')], (t) => t)!;
      assert.equal(word(used.message), 'ui 1.1.0 is used by a workspace lockfile. Delete it anyway?');
      assert.equal(word(used.lines[0]), 'web/package-lock.json:31');
      assert.equal(
        broken.question([{ ...target('lib', '1.0.0'), pkg: pkg('lib', '1.0.0', 'maven') }], (t) => t),
        undefined,
      );
    });

    it('several: the unreadable lockfiles first, once each, then each version held; the others may go alone', () => {
      const targets = [target('ui', '1.0.0'), target('ui', '1.1.0'), { ...target('lib', '1.0.0'), pkg: pkg('lib', '1.0.0', 'maven') }];
      const q = broken.question(targets, (t) => t)!;
      assert.equal(word(q.message), '2 of these may be used by workspace lockfiles. Delete them anyway?');
      assert.deepEqual(
        q.lines.map((l) => word(l)),
        [
          'package-lock.json could not be read (line 12: merge conflict marker); it may use these versions',
          'yarn.lock could not be read (line 1: yarn 2+ lockfile (__metadata)); it may use these versions',
          'ui 1.0.0 — package-lock.json, yarn.lock could not be read',
          'ui 1.1.0 — used by web/package-lock.json:31',
        ],
      );
      assert.deepEqual(q.onlyOthers!.targets, [targets[2]]);
    });
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
    const used = async (name: string, version: string, instances = [GITLAB]) => keeps(await cache.guard(sources(), instances), pkg(name, version));
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

  it('a lockfile gone since it was found (its stamp fails) resolves nothing; one there that cannot be read may resolve to anything, and is read again next time', async () => {
    const cache = new LockfileGuardCache();
    const source = (over: Partial<LockfileSource>): LockfileSource => ({
      key: 'k',
      label: 'package-lock.json',
      path: '/w/package-lock.json',
      stamp: '1',
      read: () => Promise.resolve(lock(['ui', '1.1.0'])),
      ...over,
    });
    const kept = async (s: LockfileSource, p = pkg('ui', '1.1.0')) => {
      const k = (await cache.guard([s], [GITLAB])).keeper(listed, [p]);
      const reason = k.keeps(p);
      return reason && [word(reason), ...k.notes([p]).map((n) => word(n))];
    };
    assert.equal(await kept(source({ stamp: Promise.reject(new Error('gone')) })), undefined);
    let failed = 0;
    const denied = source({ read: () => (failed++, Promise.reject(new Error('EACCES: permission denied'))) });
    assert.deepEqual(await kept(denied, pkg('ui', '1.0.0')), [
      'package-lock.json could not be read',
      'package-lock.json could not be read (EACCES: permission denied): the npm packages it may use are kept',
    ]);
    await kept(denied);
    assert.equal(failed, 2, 'a failed read is not kept for its stamp');
    assert.deepEqual(await kept(source({})), ['used by package-lock.json:4']);
    assert.equal(await kept(source({}), pkg('ui', '1.0.0')), undefined);
  });

  it('a lockfile its reader stops in (a merge conflict) keeps everything of its ecosystem until it reads again', async () => {
    const cache = new LockfileGuardCache();
    let text = lock(['ui', '1.1.0']).replace('"lockfileVersion": 3,', '<<<<<<< HEAD\n"lockfileVersion": 3,');
    let stamp = 1;
    const source: LockfileSource = {
      key: 'k',
      label: 'package-lock.json',
      path: '/w/package-lock.json',
      stamp: String(stamp),
      read: () => Promise.resolve(text),
    };
    const reason = async (p: Package) => {
      const r = (await cache.guard([{ ...source, stamp: String(stamp) }], [GITLAB])).keeper(listed, [p]).keeps(p);
      return r && word(r);
    };
    assert.equal(await reason(pkg('ui', '1.0.0')), 'package-lock.json could not be read');
    assert.equal(await reason(pkg('core', '1.0.0', 'pypi')), undefined);
    text = lock(['ui', '1.1.0']);
    stamp++;
    assert.equal(await reason(pkg('ui', '1.0.0')), undefined);
    assert.equal(await reason(pkg('ui', '1.1.0')), 'used by package-lock.json:4');
  });
});
