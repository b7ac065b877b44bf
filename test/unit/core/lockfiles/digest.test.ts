import { strict as assert } from 'node:assert';
import { base64ToHex, fromHex, fromPrefixedHex, fromSri } from '../../../../src/core/lockfiles/digest';
import { hex, sri } from '../../../support/lockfileHashes';

describe('lockfiles: digests', () => {
  it('SRI: every algorithm to hex, several in one value, options ignored', () => {
    assert.deepEqual(fromSri(sri('sha512', 'x')), [{ algorithm: 'sha512', hex: hex('sha512', 'x') }]);
    assert.deepEqual(fromSri(`${sri('sha512', 'x')}?opt=1 ${sri('sha1', 'x')}`), [
      { algorithm: 'sha512', hex: hex('sha512', 'x') },
      { algorithm: 'sha1', hex: hex('sha1', 'x') },
    ]);
    assert.deepEqual(fromSri(`SHA256-${Buffer.from(hex('sha256', 'x'), 'hex').toString('base64url')}`), [{ algorithm: 'sha256', hex: hex('sha256', 'x') }]);
  });

  it('SRI: a wrong length, an unknown algorithm or bad base64 gives nothing', () => {
    assert.deepEqual(fromSri(`sha512-${Buffer.from('short').toString('base64')}`), []);
    assert.deepEqual(fromSri(`md4-${Buffer.alloc(16).toString('base64')}`), []);
    assert.deepEqual(fromSri('sha1-!!!!'), []);
    assert.deepEqual(fromSri('sha1-' + 'A'.repeat(10_000)), []);
    assert.deepEqual(fromSri(''), []);
  });

  it('prefixed and plain hex', () => {
    assert.deepEqual(fromPrefixedHex(`sha256:${hex('sha256', 'x').toUpperCase()}`), { algorithm: 'sha256', hex: hex('sha256', 'x') });
    assert.equal(fromPrefixedHex('sha256:abc'), undefined);
    assert.equal(fromPrefixedHex('crc32:abcd'), undefined);
    assert.equal(fromHex('sha1', 'g'.repeat(40)), undefined);
  });

  it('base64 decodes as Buffer does', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'hello world!'])
      assert.equal(base64ToHex(Buffer.from(s).toString('base64')), Buffer.from(s).toString('hex'), s);
    assert.equal(base64ToHex('a'), undefined);
  });
});
