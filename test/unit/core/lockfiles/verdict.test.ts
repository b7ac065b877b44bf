import { strict as assert } from 'node:assert';
import { fromSri } from '../../../../src/core/lockfiles/digest';
import type { LockEntry } from '../../../../src/core/lockfiles/lockEntry';
import type { EntryRoute } from '../../../../src/core/lockfiles/registryRoute';
import { entryVerdict, sameFileName, uploadFacts, type EntryVerdict, type RegistryAnswer, type RegistryFile } from '../../../../src/core/lockfiles/verdict';
import type { Package } from '../../../../src/gitlab/models';
import { hex, sri } from '../../../support/lockfileHashes';

const NPM_FILE = '@acme/widgets-1.2.3.tgz';
const pkg = (over: Partial<Package> = {}): Package => ({
  id: 7,
  name: '@acme/widgets',
  version: '1.2.3',
  packageType: 'npm',
  hasLinks: true,
  tags: [],
  pipeline: { id: 900, ref: 'main' },
  ...over,
});
/** GitLab's npm files carry the publisher's `shasum` only (file_sha256 and file_md5 are null). */
const npmFile = (id: number, content: string, over: Partial<RegistryFile> = {}): RegistryFile => ({
  id,
  fileName: NPM_FILE,
  createdAt: `2025-03-0${id}T10:00:00Z`,
  fileSha1: hex('sha1', content),
  fileSha256: null,
  fileMd5: null,
  ...over,
});
const pypiFile = (id: number, fileName: string, content: string): RegistryFile => ({
  id,
  fileName,
  fileSha256: hex('sha256', content),
  fileMd5: hex('md5', content),
  fileSha1: null,
});

const npmEntry = (integrity: string): LockEntry => ({
  ecosystem: 'npm',
  name: '@acme/widgets',
  version: '1.2.3',
  line: 3,
  files: [{ url: 'u', digests: fromSri(integrity) }],
  anyFileDigests: [],
  indexes: [],
});
const npmRoute: EntryRoute = {
  kind: 'gitlab',
  targets: [{ instanceUrl: 'https://g', owner: { kind: 'project', id: 42 }, packageType: 'npm', name: '@acme/widgets', version: '1.2.3' }],
  files: [{ fileName: NPM_FILE }],
  mayComeFromElsewhere: false,
  viaIndex: false,
};
const found = (files: RegistryFile[], p = pkg()): RegistryAnswer[] => [{ kind: 'found', pkg: p, files }];
const absent = (notInstallable: Package[] = []): RegistryAnswer[] => [{ kind: 'absent', notInstallable }];
const kinds = (v: EntryVerdict): unknown => ('files' in v ? [v.kind, v.files.map((f) => f.kind)] : [v.kind, 'reason' in v ? v.reason : undefined]);

describe('lockfiles: verdicts', () => {
  it('npm: a sha1- integrity equal to the shasum is weak; a differing one is changed', () => {
    assert.deepEqual(kinds(entryVerdict(npmEntry(sri('sha1', 'v1')), npmRoute, found([npmFile(1, 'v1')]))), ['weak', ['weak']]);
    const changed = entryVerdict(npmEntry(sri('sha1', 'v1')), npmRoute, found([npmFile(1, 'v2')]));
    assert.deepEqual(kinds(changed), ['changed', ['changed']]);
    assert.ok('files' in changed && changed.files[0].kind === 'changed' && changed.files[0].algorithm === 'sha1' && changed.files[0].served.id === 1);
  });

  it('npm: sha512 alone is unverifiable without download, with what the download must hash to', () => {
    const v = entryVerdict(npmEntry(sri('sha512', 'v1')), npmRoute, found([npmFile(1, 'v1')]));
    assert.deepEqual(kinds(v), ['unverifiable', ['unverifiable']]);
    const f = 'files' in v ? v.files[0] : undefined;
    assert.ok(f?.kind === 'unverifiable' && f.reason === 'needs-download');
    assert.deepEqual(f.expected, [{ algorithm: 'sha512', hex: hex('sha512', 'v1') }]);
    assert.equal(f.served?.id, 1);
  });

  it('npm: an integrity with both sha512 and sha1 is judged by the sha1 it can compare', () => {
    const both = `${sri('sha512', 'v1')} ${sri('sha1', 'v1')}`;
    assert.deepEqual(kinds(entryVerdict(npmEntry(both), npmRoute, found([npmFile(1, 'v1')]))), ['weak', ['weak']]);
  });

  it('duplicates: GitLab serves the newest upload of the name, so matching only an older one is changed (and the older match is named)', () => {
    const v = entryVerdict(npmEntry(sri('sha1', 'old')), npmRoute, found([npmFile(1, 'old'), npmFile(2, 'new')]));
    assert.ok('files' in v);
    const f = v.files[0];
    assert.ok(f.kind === 'changed');
    assert.equal(f.served.id, 2);
    assert.equal(f.olderMatch?.id, 1);
    assert.deepEqual(kinds(entryVerdict(npmEntry(sri('sha1', 'new')), npmRoute, found([npmFile(1, 'old'), npmFile(2, 'new')]))), ['weak', ['weak']]);
  });

  it('missing: no installable package of that version, or no file of that name', () => {
    assert.deepEqual(kinds(entryVerdict(npmEntry(sri('sha1', 'v1')), npmRoute, absent())), ['missing', 'version']);
    assert.deepEqual(kinds(entryVerdict(npmEntry(sri('sha1', 'v1')), npmRoute, absent([pkg({ status: 'error' })]))), ['missing', 'not-installable']);
    assert.deepEqual(kinds(entryVerdict(npmEntry(sri('sha1', 'v1')), npmRoute, found([npmFile(1, 'v1', { fileName: 'other-1.2.3.tgz' })]))), [
      'missing',
      ['missing'],
    ]);
    assert.deepEqual(kinds(entryVerdict(npmEntry(sri('sha1', 'v1')), npmRoute, found([]))), ['missing', ['missing']]);
  });

  it('file names match with the scope slash stored encoded', () => {
    assert.ok(sameFileName('@acme%2Fwidgets-1.2.3.tgz', NPM_FILE));
    assert.ok(!sameFileName('widgets-1.2.3.tgz', NPM_FILE));
    assert.deepEqual(kinds(entryVerdict(npmEntry(sri('sha1', 'v1')), npmRoute, found([npmFile(1, 'v1', { fileName: '@acme%2Fwidgets-1.2.3.tgz' })]))), [
      'weak',
      ['weak'],
    ]);
  });

  describe('PyPI', () => {
    const whl = 'acme_core-2.0.0-py3-none-any.whl';
    const tar = 'acme_core-2.0.0.tar.gz';
    const target = { instanceUrl: 'https://g', owner: { kind: 'project' as const, id: 42 }, packageType: 'pypi' as const, name: 'acme-core', version: '2.0.0' };
    const pkgP = pkg({ name: 'acme_core', version: '2.0.0', packageType: 'pypi' });
    const uvEntry = (content: Record<string, string>): LockEntry => ({
      ecosystem: 'pypi',
      name: 'acme-core',
      version: '2.0.0',
      line: 1,
      files: Object.entries(content).map(([fileName, c]) => ({ url: 'u', fileName, digests: [{ algorithm: 'sha256', hex: hex('sha256', c) }] })),
      anyFileDigests: [],
      indexes: [],
    });
    const byUrl = (content: Record<string, string>): EntryRoute => ({
      kind: 'gitlab',
      targets: [target],
      files: Object.entries(content).map(([fileName, c]) => ({ fileName, sha256: hex('sha256', c) })),
      mayComeFromElsewhere: false,
      viaIndex: false,
    });

    it('uv: every file matched by SHA-256 is a match', () => {
      const lock = { [whl]: 'w', [tar]: 't' };
      assert.deepEqual(kinds(entryVerdict(uvEntry(lock), byUrl(lock), found([pypiFile(1, whl, 'w'), pypiFile(2, tar, 't')], pkgP))), [
        'match',
        ['match', 'match'],
      ]);
    });

    it('uv: a same-named file with another SHA-256 is changed (its URL now serves those bytes); an absent one is missing', () => {
      const lock = { [whl]: 'w', [tar]: 't' };
      const v = entryVerdict(uvEntry(lock), byUrl(lock), found([pypiFile(1, whl, 'w'), pypiFile(3, tar, 're-uploaded')], pkgP));
      assert.deepEqual(kinds(v), ['changed', ['match', 'changed']]);
      assert.deepEqual(kinds(entryVerdict(uvEntry(lock), byUrl(lock), found([pypiFile(1, whl, 'w')], pkgP))), ['missing', ['match', 'missing']]);
    });

    it('a file URL without a lockfile hash is judged by the SHA-256 in the URL', () => {
      const entry: LockEntry = { ...uvEntry({}), files: [{ url: 'u', fileName: whl, digests: [] }] };
      assert.deepEqual(kinds(entryVerdict(entry, byUrl({ [whl]: 'w' }), found([pypiFile(1, whl, 'w')], pkgP))), ['match', ['match']]);
    });

    it('poetry (files by name, through the index): compared by name and hash', () => {
      const entry = uvEntry({ [whl]: 'w' });
      const route: EntryRoute = { kind: 'gitlab', targets: [target], files: [{ fileName: whl }], mayComeFromElsewhere: false, viaIndex: true };
      assert.deepEqual(kinds(entryVerdict(entry, route, found([pypiFile(1, whl, 'w')], pkgP))), ['match', ['match']]);
      assert.deepEqual(kinds(entryVerdict(entry, route, found([pypiFile(1, whl, 'x')], pkgP))), ['changed', ['changed']]);
    });

    it('pip --hash: every registry file must be in the set; extra hashes in the set are fine', () => {
      const entry: LockEntry = {
        ecosystem: 'pypi',
        name: 'acme-core',
        version: '2.0.0',
        line: 1,
        files: [],
        anyFileDigests: ['w', 't', 'a wheel for another platform'].map((c) => ({ algorithm: 'sha256' as const, hex: hex('sha256', c) })),
        indexes: [],
      };
      const route: EntryRoute = { kind: 'gitlab', targets: [target], files: [], mayComeFromElsewhere: false, viaIndex: true };
      assert.deepEqual(kinds(entryVerdict(entry, route, found([pypiFile(1, whl, 'w'), pypiFile(2, tar, 't')], pkgP))), ['match', ['match', 'match']]);
      const added = entryVerdict(entry, route, found([pypiFile(1, whl, 'w'), pypiFile(5, 'acme_core-2.0.0-cp312-win_amd64.whl', 'new')], pkgP));
      assert.deepEqual(kinds(added), ['changed', ['match', 'changed']]);
      assert.ok('files' in added && added.files[1].kind === 'changed' && added.files[1].reason === 'unlisted-file');
      assert.deepEqual(kinds(entryVerdict({ ...entry, anyFileDigests: [] }, route, found([pypiFile(1, whl, 'w')], pkgP))), ['unverifiable', ['unverifiable']]);
    });

    it('pip with two GitLab indexes: the version may be in either; files of every index that has it must be listed', () => {
      const entry: LockEntry = {
        ecosystem: 'pypi',
        name: 'acme-core',
        version: '2.0.0',
        line: 1,
        files: [],
        anyFileDigests: [{ algorithm: 'sha256', hex: hex('sha256', 'w') }],
        indexes: [],
      };
      const route: EntryRoute = {
        kind: 'gitlab',
        targets: [target, { ...target, owner: { kind: 'group', id: 9 } }],
        files: [],
        mayComeFromElsewhere: false,
        viaIndex: true,
      };
      const inGroup = found([pypiFile(1, whl, 'w')], pkgP)[0];
      assert.deepEqual(kinds(entryVerdict(entry, route, [...absent(), inGroup])), ['match', ['match']]);
      const elsewhere = found([pypiFile(8, whl, 'another build')], pkgP)[0];
      assert.deepEqual(kinds(entryVerdict(entry, route, [elsewhere, inGroup])), ['changed', ['changed', 'match']]);
      assert.deepEqual(kinds(entryVerdict(entry, route, [...absent(), ...absent()])), ['missing', 'version']);
    });

    it('through a GitLab index that holds no version of the name: GitLab forwarded it to PyPI, other; a name it holds: missing', () => {
      const route: EntryRoute = { kind: 'gitlab', targets: [target], files: [{ fileName: whl }], mayComeFromElsewhere: false, viaIndex: true };
      assert.deepEqual(entryVerdict(uvEntry({ [whl]: 'w' }), route, [{ kind: 'absent', notInstallable: [], nameKnown: false }]), {
        kind: 'other',
        reason: 'forwarded',
      });
      assert.deepEqual(kinds(entryVerdict(uvEntry({ [whl]: 'w' }), route, [{ kind: 'absent', notInstallable: [], nameKnown: true }])), ['missing', 'version']);
      // A file URL of GitLab's was in GitLab when the lockfile was written: missing, whatever the name.
      assert.deepEqual(kinds(entryVerdict(uvEntry({ [whl]: 'w' }), byUrl({ [whl]: 'w' }), [{ kind: 'absent', notInstallable: [], nameKnown: false }])), [
        'missing',
        'version',
      ]);
    });

    it('not in GitLab but the lockfile names other indexes: counted as other, not missing', () => {
      const route: EntryRoute = { kind: 'gitlab', targets: [target], files: [], mayComeFromElsewhere: true, viaIndex: true };
      assert.deepEqual(entryVerdict(uvEntry({}), route, absent()), { kind: 'other', reason: 'elsewhere' });
    });
  });

  it('an entry routed elsewhere stays other', () => {
    assert.deepEqual(entryVerdict(npmEntry(sri('sha1', 'v1')), { kind: 'other', reason: 'not-configured' }), { kind: 'other', reason: 'not-configured' });
  });

  it('upload facts: the file date and its pipeline, else the package pipeline', () => {
    assert.deepEqual(uploadFacts(npmFile(2, 'x'), pkg()), { uploadedAt: '2025-03-02T10:00:00Z', pipeline: { id: 900, ref: 'main' } });
    assert.deepEqual(uploadFacts({ ...npmFile(2, 'x'), pipelines: [{ id: 5 }] }, pkg()).pipeline, { id: 5 });
  });
});
