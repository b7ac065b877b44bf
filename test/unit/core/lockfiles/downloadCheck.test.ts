/**
 * Verify by Downloading's check against the fake GitLab over loopback: the registry's npm tarball
 * downloaded through the client and hashed in memory under exactly the lockfile's algorithms —
 * a match, a version published again with other bytes, several algorithms, Cancel, a download
 * longer or shorter than the size GitLab lists, servers before 18.4, a redirect to another origin —
 * with Node's hashes and with the web worker's (its own SHA-256/SHA-1/MD5, the engine's SHA-384/512).
 */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkByDownload, type DownloadCheck, type DownloadTarget } from '../../../../src/core/lockfiles/downloadCheck';
import type { Digest, DigestAlgorithm } from '../../../../src/core/lockfiles/lockEntry';
import { withSha512 } from '../../../../src/core/lockfiles/pureDigests';
import { GitLabClient } from '../../../../src/gitlab/client';
import { CancelledError } from '../../../../src/gitlab/errors';
import { nodeFetch } from '../../../../src/platform/node';
import { createHasher } from '../../../../src/platform/node/files';
import { streamingHasher } from '../../../../src/platform/web/hashes';
import { word } from '../../../../src/util/text';
import { LOCKFILE_SEED, NPM_PUBLISHED } from '../../../fake-gitlab/seedLockfiles';
import type { PackageFile } from '../../../fake-gitlab/store';
import { digest, useLockfileFake } from '../../../support/lockfileFake';

const WEB = LOCKFILE_SEED.projects.web.id;

describe('Verify by Downloading: the download check', function () {
  this.timeout(20_000);
  const fake = useLockfileFake();
  const client = () =>
    new GitLabClient({ instanceUrl: fake().url, fetch: nodeFetch, getToken: () => Promise.resolve(LOCKFILE_SEED.token), userAgent: 't', maxRetries: 0 });

  /** The file GitLab serves for @lockco/ui 1.1.0 (the newest upload), as the verdict names it. */
  const served = (): { target: DownloadTarget; file: PackageFile } => {
    const pkg = fake()
      .packagesOf(WEB)
      .filter((p) => p.name === '@lockco/ui' && p.version === '1.1.0' && p.status === 'default')
      .at(-1)!;
    const file = pkg.files.at(-1)!;
    return {
      file,
      target: {
        project: WEB,
        pkg: { id: pkg.id, name: pkg.name, version: pkg.version, packageType: 'npm' },
        file: { id: file.id, fileName: file.fileName, size: file.size },
      },
    };
  };
  const of = (file: PackageFile, ...algorithms: (DigestAlgorithm & ('md5' | 'sha1' | 'sha256' | 'sha512'))[]): Digest[] =>
    algorithms.map((algorithm) => ({ algorithm, hex: digest(algorithm, file.content) }));
  const check = (target: DownloadTarget, expected: readonly Digest[], opts: { signal?: AbortSignal; createHasher?: typeof createHasher } = {}) =>
    checkByDownload(client(), target, expected, { createHasher: opts.createHasher ?? createHasher, signal: opts.signal });
  const downloads = () => fake().requests.filter((r) => r.path.includes('/package_files/') || r.path.includes('/-/'));
  const reason = (c: DownloadCheck): string => (c.kind === 'failed' ? word(c.reason) : `not a failure: ${c.kind}`);

  it("the served file's SHA-512 is the lockfile's: a match, from one download by id with the token, progress to the listed size", async () => {
    const { target, file } = served();
    let progress = 0;
    const c = await checkByDownload(client(), target, of(file, 'sha512'), { createHasher, onProgress: (bytes) => (progress = bytes) });
    assert.deepEqual(c, { kind: 'match', algorithms: ['sha512'], bytes: file.size });
    assert.equal(progress, file.size);
    assert.deepEqual(
      downloads().map((r) => [r.path, r.status, r.auth]),
      [[`/api/v4/projects/${WEB}/packages/${target.pkg.id}/package_files/${file.id}/download`, 200, 'private-token']],
    );
  });

  it('several algorithms: each must match; a wrong one is named (the strongest that differs), with both digests', async () => {
    const { target, file } = served();
    assert.deepEqual(await check(target, of(file, 'sha1', 'md5', 'sha512', 'sha256')), {
      kind: 'match',
      algorithms: ['sha512', 'sha256', 'sha1', 'md5'],
      bytes: file.size,
    });
    const wrongSha1 = 'f'.repeat(40);
    assert.deepEqual(await check(target, [...of(file, 'sha512'), { algorithm: 'sha1', hex: wrongSha1 }]), {
      kind: 'changed',
      algorithm: 'sha1',
      expected: wrongSha1,
      actual: digest('sha1', file.content),
      bytes: file.size,
    });
  });

  it('hashes of one algorithm are alternatives (SRI): one matching is enough; malformed ones are left out', async () => {
    const { target, file } = served();
    const other = { algorithm: 'sha512' as const, hex: 'a'.repeat(128) };
    const malformed = [{ algorithm: 'sha512', hex: 'not hex' }, { algorithm: 'crc32', hex: '00000000' }, null] as unknown as Digest[];
    assert.deepEqual(await check(target, [other, ...of(file, 'sha512'), ...malformed]), { kind: 'match', algorithms: ['sha512'], bytes: file.size });
  });

  it('the version published again with other bytes: "changed" under SHA-512, the lockfile’s digest and the download’s', async () => {
    const before = served();
    const locked = of(before.file, 'sha512');
    const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
    fake().npm.republish(WEB, ui.manifest, { files: { 'index.js': 'module.exports = "rebuilt";\n' } });
    const after = served();
    assert.notEqual(after.file.id, before.file.id);
    assert.deepEqual(await check(after.target, locked), {
      kind: 'changed',
      algorithm: 'sha512',
      expected: locked[0].hex,
      actual: digest('sha512', after.file.content),
      bytes: after.file.size,
    });
  });

  it('Cancel while GitLab holds the download: rejected as cancelled, nothing compared', async () => {
    const { target, file } = served();
    const transfer = fake().hold({ method: 'GET', path: /\/package_files\/\d+\/download$/ });
    const controller = new AbortController();
    const pending = check(target, of(file, 'sha512'), { signal: controller.signal });
    await transfer.arrived();
    controller.abort();
    await assert.rejects(pending, CancelledError);
    transfer.release();
  });

  it('GitLab sends more than the size it lists: stopped, a failure rather than "changed"', async () => {
    const { target, file } = served();
    fake().corruptDownloads = true;
    const c = await check(target, of(file, 'sha512'));
    assert.equal(reason(c), `GitLab sent more than the ${file.size} bytes it lists for @lockco/ui-1.1.0.tgz; the download was stopped.`);
  });

  it('far more than the listed size: stopped in the middle of the transfer, still a failure and not a cancellation', async () => {
    // A tarball of many chunks (incompressible text), listed as 1 KB.
    const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
    const noise = Array.from({ length: 400_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919 + ((i * i) % 97)) % 94))).join('');
    fake().npm.republish(WEB, ui.manifest, { files: { 'index.js': noise } });
    const { target, file } = served();
    assert.ok(file.size > 200_000, `${file.size} bytes`);
    let hashed = 0;
    const counting = (algorithm: DigestAlgorithm) => {
      const h = createHasher(algorithm);
      return { update: (chunk: Uint8Array) => ((hashed += chunk.length), h.update(chunk)), hex: () => h.hex() };
    };
    const c = await check({ ...target, file: { ...target.file, size: 1024 } }, of(file, 'sha512'), { createHasher: counting });
    assert.equal(reason(c), 'GitLab sent more than the 1024 bytes it lists for @lockco/ui-1.1.0.tgz; the download was stopped.');
    assert.ok(hashed <= 1024, `${hashed} bytes hashed`);
  });

  it('a download shorter than the listed size is a failure; without a listed size the bytes decide', async () => {
    const { target, file } = served();
    const listed = { ...target, file: { ...target.file, size: file.size + 10 } };
    assert.equal(
      reason(await check(listed, of(file, 'sha512'))),
      `The download of @lockco/ui-1.1.0.tgz ended after ${file.size} of the ${file.size + 10} bytes GitLab lists for it.`,
    );
    const unlisted = { ...target, file: { ...target.file, size: undefined } };
    assert.equal((await check(unlisted, of(file, 'sha512'))).kind, 'match');
  });

  it('no well-formed hash to compare: a failure, and nothing is downloaded', async () => {
    const { target } = served();
    fake().clearRequests();
    assert.equal(reason(await check(target, [{ algorithm: 'sha512', hex: 'xyz' }])), 'The lockfile gives no hash to compare the download with.');
    assert.deepEqual(downloads(), []);
  });

  it('a server before 18.4: the npm tarball route after the by-id route’s 404', async () => {
    const { target, file } = served();
    fake().version = '17.11.0-ee';
    fake().clearRequests();
    assert.equal((await check(target, of(file, 'sha512'))).kind, 'match');
    assert.deepEqual(
      downloads().map((r) => [r.path, r.status]),
      [
        [`/api/v4/projects/${WEB}/packages/${target.pkg.id}/package_files/${file.id}/download`, 404],
        [`/api/v4/projects/${WEB}/packages/npm/%40lockco%2Fui/-/%40lockco%2Fui-1.1.0.tgz`, 200],
      ],
    );
  });

  it('a download redirected to another origin (object storage) is followed without the token', async () => {
    const { target, file } = served();
    const seen: http.IncomingHttpHeaders[] = [];
    const storage = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end(file.content);
    });
    await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
    try {
      const location = `http://localhost:${(storage.address() as AddressInfo).port}/bucket/object?X-Amz-Signature=abc`;
      fake().fail(
        { path: `/api/v4/projects/${WEB}/packages/${target.pkg.id}/package_files/${file.id}/download` },
        { kind: 'redirect', location, status: 302 },
        1,
      );
      assert.equal((await check(target, of(file, 'sha512'))).kind, 'match');
      assert.equal(seen.length, 1);
      assert.equal(seen[0]['private-token'], undefined);
      assert.equal(seen[0].authorization, undefined);
    } finally {
      await new Promise((r) => storage.close(r));
    }
  });

  it("the web worker's hashes (its own for SHA-256/SHA-1/MD5, the engine's SHA-384/512) give Node's digests", async () => {
    const { target, file } = served();
    const web = withSha512(streamingHasher);
    assert.deepEqual(await check(target, of(file, 'sha512', 'sha256', 'sha1', 'md5'), { createHasher: web }), {
      kind: 'match',
      algorithms: ['sha512', 'sha256', 'sha1', 'md5'],
      bytes: file.size,
    });
    // SHA-384 over chunks of any size, against Node's: the stream gives no say in where chunks end.
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
    const streamed = web('sha384');
    for (let at = 0; at < bytes.length; at += 65_521) streamed.update(bytes.subarray(at, at + 65_521));
    const node = createHasher('sha384');
    node.update(bytes);
    assert.equal(streamed.hex(), node.hex());
  });
});
