/** A duplicate upload, as GitLab keeps it: both files listed, the newest served by name (test/fake-gitlab/README.md). */
import * as assert from 'node:assert/strict';
import { LOCKFILE_SEED } from '../../fake-gitlab/seedLockfiles';
import { digest, read, readJson, useLockfileFake } from '../../support/lockfileFake';

interface FileJson {
  id: number;
  file_name: string;
  created_at: string;
  file_sha1: string | null;
  file_sha256: string | null;
}

const P = LOCKFILE_SEED.projects;
const auth = { 'PRIVATE-TOKEN': LOCKFILE_SEED.token };

describe('fake GitLab: duplicate files', () => {
  const fake = useLockfileFake();

  it('a generic duplicate: package_files lists both uploads, a download by name serves the newest, by id each its own', async () => {
    const pkg = fake().addPackage(P.tools.id, {
      name: 'build-output',
      version: '1.0.0',
      packageType: 'generic',
      files: [{ fileName: 'app.bin', content: 'first build\n' }],
    });
    fake().addDuplicateFile(pkg.id, 'app.bin', 'second build\n', '2025-07-01T10:00:00.000Z');

    const files = await readJson<FileJson[]>(fake(), `/api/v4/projects/${P.tools.id}/packages/${pkg.id}/package_files`, auth);
    assert.deepEqual(
      files.map((f) => [f.file_name, f.file_sha256]),
      [
        ['app.bin', digest('sha256', Buffer.from('first build\n'))],
        ['app.bin', digest('sha256', Buffer.from('second build\n'))],
      ],
    );
    assert.equal(files[1].created_at, '2025-07-01T10:00:00.000Z');
    const byName = await read(fake(), `/api/v4/projects/${P.tools.id}/packages/generic/build-output/1.0.0/app.bin`, auth);
    assert.equal(byName.text, 'second build\n');
    const byId = await read(fake(), `/api/v4/projects/${P.tools.id}/packages/${pkg.id}/package_files/${files[0].id}/download`, auth);
    assert.equal(byId.text, 'first build\n');
  });

  it('an npm package holding two files of one name: the document points at the newest, each file keeps only its SHA-1', async () => {
    const [pkg] = fake()
      .packagesOf(P.web.id)
      .filter((p) => p.name === '@lockco/tokens');
    const second = fake().addDuplicateFile(pkg.id, pkg.files[0].fileName, Buffer.from('other bytes'));
    const doc = await readJson<{ versions: Record<string, { dist: { shasum: string } }> }>(fake(), '/api/v4/packages/npm/@lockco%2ftokens');
    assert.equal(doc.versions['2.0.0'].dist.shasum, second.sha1);
    const files = await readJson<FileJson[]>(fake(), `/api/v4/projects/${P.web.id}/packages/${pkg.id}/package_files`, auth);
    assert.deepEqual(
      files.map((f) => [f.file_sha1, f.file_sha256]),
      [
        [pkg.files[0].sha1, null],
        [second.sha1, null],
      ],
    );
  });
});
