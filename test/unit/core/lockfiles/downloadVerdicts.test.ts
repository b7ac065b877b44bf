/** What Verify by Downloading found, kept per instance, registry file and lockfile hashes until Refresh, with a change event. */
import { strict as assert } from 'node:assert';
import { DownloadVerdicts, type DownloadVerdict } from '../../../../src/core/lockfiles/downloadVerdicts';
import type { Digest } from '../../../../src/core/lockfiles/lockEntry';

const A = 'https://gitlab.example.com';
const SHA512: Digest = { algorithm: 'sha512', hex: 'ab'.repeat(64) };
const SHA1: Digest = { algorithm: 'sha1', hex: 'cd'.repeat(20) };
const MATCH: DownloadVerdict = { kind: 'match', algorithms: ['sha512', 'sha1'], bytes: 312 };
const CHANGED: DownloadVerdict = { kind: 'changed', algorithm: 'sha512', expected: SHA512.hex, actual: 'ef'.repeat(64), bytes: 312 };

describe('download verdicts', () => {
  it('found again for the same instance, file and hashes (in any order and case); another file, instance or hash is not covered', () => {
    const store = new DownloadVerdicts();
    store.record(A, 40, [SHA512, SHA1], MATCH);
    assert.deepEqual(store.get(A, 40, [SHA1, { algorithm: 'sha512', hex: SHA512.hex.toUpperCase() }]), MATCH);
    assert.equal(store.get(A, 41, [SHA512, SHA1]), undefined, 'an upload after the check has another id');
    assert.equal(store.get('https://other.example.com', 40, [SHA512, SHA1]), undefined);
    assert.equal(store.get(A, 40, [SHA512]), undefined, 'another lockfile pinning fewer hashes');
    store.record(A, 40, [SHA512], CHANGED);
    assert.deepEqual(store.get(A, 40, [SHA512]), CHANGED);
    assert.deepEqual(store.get(A, 40, [SHA512, SHA1]), MATCH);
  });

  it('tells its listeners of every record and of a clear that forgot something; a disposed listener hears nothing more', () => {
    const store = new DownloadVerdicts();
    let heard = 0;
    const listener = store.onDidChange(() => heard++);
    store.clear();
    assert.equal(heard, 0, 'nothing to forget');
    store.record(A, 40, [SHA512], MATCH);
    assert.equal(heard, 1);
    store.clear();
    assert.equal(heard, 2);
    assert.equal(store.get(A, 40, [SHA512]), undefined);
    listener.dispose();
    store.record(A, 40, [SHA512], MATCH);
    assert.equal(heard, 2);
  });
});
