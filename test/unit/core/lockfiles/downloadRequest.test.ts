/** Verify by Downloading's argument, read back from a command link: its shape, a configured instance only, a route-safe SHA-256. */
import { strict as assert } from 'node:assert';
import { downloadRequest, type VerifyByDownloadingArgs } from '../../../../src/core/lockfiles/downloadRequest';
import { word } from '../../../../src/util/text';

const INSTANCE = 'https://gitlab.example.com';
const ARGS: VerifyByDownloadingArgs = {
  instanceUrl: INSTANCE,
  projectId: 311,
  packageId: 12,
  package: { name: 'lodash', version: '4.17.21', packageType: 'npm' },
  file: { id: 40, fileName: 'lodash-4.17.21.tgz', size: 312 },
  expected: [{ algorithm: 'sha512', hex: 'ab'.repeat(64) }],
  label: 'lodash@4.17.21',
};

describe('Verify by Downloading: the argument', () => {
  const reason = (arg: unknown, instances = [INSTANCE]): string => {
    const r = downloadRequest(arg, instances);
    return r.ok ? 'accepted' : word(r.reason);
  };

  it('a well-formed argument on a configured instance: the download target it names, after a JSON round trip', () => {
    const r = downloadRequest(JSON.parse(JSON.stringify(ARGS)), ['https://other.example.com', INSTANCE]);
    assert.ok(r.ok);
    assert.deepEqual(r.args, ARGS);
    assert.deepEqual(r.target, {
      project: 311,
      pkg: { id: 12, name: 'lodash', version: '4.17.21', packageType: 'npm' },
      file: { id: 40, fileName: 'lodash-4.17.21.tgz', size: 312, fileSha256: undefined },
    });
  });

  it('an instance the settings do not name is refused, whatever the rest', () => {
    assert.equal(reason({ ...ARGS, instanceUrl: 'https://evil.example.net' }), 'https://evil.example.net is not a configured GitLab instance.');
    assert.equal(reason(ARGS, []), 'https://gitlab.example.com is not a configured GitLab instance.');
  });

  it('anything else than the shape (no argument, a tree row, a field missing or of another type) is refused', () => {
    const refused = 'Verify by Downloading is run from a lockfile entry that GitLab cannot verify without downloading.';
    for (const arg of [
      undefined,
      null,
      'lodash',
      { id: 3 },
      { ...ARGS, packageId: '12' },
      { ...ARGS, file: { id: 40 } },
      { ...ARGS, expected: 'sha512-x' },
      { ...ARGS, package: undefined },
    ]) {
      assert.equal(reason(arg), refused, JSON.stringify(arg));
    }
  });

  it('the SHA-256 that names a PyPI route is kept only as hex (it goes into a path unencoded)', () => {
    const withSha = (fileSha256: unknown) => {
      const r = downloadRequest({ ...ARGS, file: { ...ARGS.file, fileSha256 } }, [INSTANCE]);
      assert.ok(r.ok);
      return r.target.file.fileSha256;
    };
    assert.equal(withSha('AB'.repeat(32)), 'ab'.repeat(32));
    assert.equal(withSha('../../../user'), undefined);
    assert.equal(withSha(null), undefined);
  });
});
