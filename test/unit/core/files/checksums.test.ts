import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackageFile } from '../../../../src/gitlab/models';
import { checksumFile, checksumsOf, strongestChecksum } from '../../../../src/core/files/checksums';

const digest = (alg: string, data: string): string => createHash(alg).update(data).digest('hex');

function file(name: string, data: string, over: Partial<PackageFile> = {}): PackageFile {
  return {
    id: 1,
    fileName: name,
    size: data.length,
    fileMd5: digest('md5', data),
    fileSha1: digest('sha1', data),
    fileSha256: digest('sha256', data),
    ...over,
  };
}

describe('checksums', () => {
  it('prefers SHA-256, then SHA-1, then MD5', () => {
    const f = file('a.jar', 'x');
    assert.equal(strongestChecksum(f)?.algorithm, 'sha256');
    assert.equal(strongestChecksum({ ...f, fileSha256: null })?.algorithm, 'sha1');
    assert.equal(strongestChecksum({ ...f, fileSha256: null, fileSha1: undefined })?.algorithm, 'md5');
    assert.equal(strongestChecksum({ ...f, fileSha256: null, fileSha1: null, fileMd5: null }), undefined);
  });

  it('skips malformed values (wrong length or not hex) and normalises case', () => {
    const f = file('a', 'x', { fileSha256: 'abc', fileSha1: digest('sha1', 'x').toUpperCase() });
    assert.deepEqual(
      checksumsOf(f).map((c) => c.algorithm),
      ['sha1', 'md5'],
    );
    assert.equal(checksumsOf(f)[0].hex, digest('sha1', 'x'));
  });

  it('writes a checksum file that sha256sum -c verifies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sums-'));
    const files = [file('my-app-1.0.jar', 'jar bytes'), file('my-app-1.0.pom', '<project/>'), file('odd\\name.txt', 'odd')];
    for (const f of files)
      writeFileSync(join(dir, f.fileName), f.fileName === 'my-app-1.0.jar' ? 'jar bytes' : f.fileName === 'my-app-1.0.pom' ? '<project/>' : 'odd');
    const sums = checksumFile(files);
    assert.deepEqual(sums.fallbacks, []);
    writeFileSync(join(dir, 'SHA256SUMS'), sums.text);
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    assert.match(out, /my-app-1\.0\.jar: OK/);
    assert.match(out, /odd\\name\.txt: OK|odd\\\\name\.txt: OK/);
  });

  it('falls back per file and reports files without any checksum', () => {
    const sums = checksumFile([file('a', 'a', { fileSha256: null }), file('b', 'b', { fileSha256: null, fileSha1: null, fileMd5: null }), file('c', 'c')]);
    assert.deepEqual(sums.fallbacks, [{ fileName: 'a', algorithm: 'sha1' }]);
    assert.deepEqual(sums.missing, ['b']);
    assert.equal(sums.text.split('\n').filter(Boolean).length, 2);
    assert.ok(sums.text.startsWith(`${digest('sha1', 'a')}  a\n`));
  });
});
