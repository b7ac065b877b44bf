import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { GitLabClient } from '../../../../src/gitlab/client';
import { ChecksumMismatchError, downloadVerified } from '../../../../src/core/files/verifiedDownload';
import { NoDownloadRouteError } from '../../../../src/gitlab/client';
import { CancelledError } from '../../../../src/gitlab/errors';
import { collectAll } from '../../../../src/gitlab/pagination';
import { hashFile, nodeDownloads } from '../../../../src/platform/node/files';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';
import { waitFor } from '../../../support/wait';

describe('download and verify', () => {
  let fake: FakeGitLab;
  let dir: string;
  const client = () => new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', maxRetries: 0 });
  const target = async (project: string, name: string, version: string, fileName: string) => {
    const c = client();
    const pkg = (await c.projectPackagesPage(project, {}, 1)).items.find((p) => p.name === name && p.version === version)!;
    const files = await collectAll((p, s) => c.packageFilesPage(project, pkg.id, p, {}, s), { concurrency: 2 });
    return { project, pkg, file: files.items.find((f) => f.fileName === fileName)! };
  };

  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  });
  after(() => fake.stop());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dl-'));
    fake.clearRequests();
    fake.version = '18.5.1-ee';
    fake.corruptDownloads = false;
  });

  it('streams through the 18.4+ download endpoint and verifies the SHA-256', async () => {
    const t = await target('acme/app', 'release-assets', '2025.03.05', 'app-linux-amd64.tar.gz');
    const dest = join(dir, 'app.tar.gz');
    let progress = 0;
    const r = await downloadVerified(client(), nodeDownloads, t, dest, { onProgress: (b) => (progress = b) });
    assert.equal(r.verified?.algorithm, 'sha256');
    assert.equal(await hashFile(dest, 'sha256'), t.file.fileSha256);
    assert.equal(progress, t.file.size);
    assert.match(fake.requests.at(-1)!.path, /\/package_files\/\d+\/download$/);
    assert.deepEqual(readdirSync(dir), ['app.tar.gz']);
  });

  it('falls back to the per-format route on servers before 18.4', async () => {
    fake.version = '17.11.0-ee';
    const t = await target('acme/app', 'com/mycompany/my-app', '1.0-SNAPSHOT', 'my-app-1.0-20180724.120000-1.pom');
    const dest = join(dir, 'my-app.pom');
    await downloadVerified(client(), nodeDownloads, t, dest);
    assert.match(readFileSync(dest, 'utf8'), /<artifactId>my-app<\/artifactId>/);
    assert.deepEqual(
      fake.requests
        .filter((r) => r.path.includes('/packages/'))
        .map((r) => r.status)
        .slice(-2),
      [404, 200],
    );
    assert.match(fake.requests.at(-1)!.path, /\/packages\/maven\/com\/mycompany\/my-app\/1\.0-SNAPSHOT\//);
  });

  it('verifies with SHA-1 when the server has no SHA-256 (11.9 shape)', async () => {
    const t = await target('legacy/old-server', 'legacy-widgets', '0.9.3', 'legacy-widgets-0.9.3.tgz');
    const r = await downloadVerified(client(), nodeDownloads, t, join(dir, 'w.tgz'));
    assert.equal(r.verified?.algorithm, 'sha1');
  });

  it('a checksum mismatch is an error and leaves no file behind', async () => {
    fake.corruptDownloads = true;
    const t = await target('acme/app', 'release-assets', '2025.03.05', 'app-linux-amd64.tar.gz');
    await assert.rejects(
      downloadVerified(client(), nodeDownloads, t, join(dir, 'x')),
      (e: unknown) => e instanceof ChecksumMismatchError && e.expected.hex === t.file.fileSha256,
    );
    assert.deepEqual(readdirSync(dir), []);
  });

  it('cancelling removes the partial file', async () => {
    const t = await target('acme/app', 'release-assets', '2025.03.05', 'app-linux-amd64.tar.gz');
    // GitLab holds the download: the partial file is there, and the transfer under way, when Cancel comes.
    const transfer = fake.hold({ method: 'GET', path: /\/package_files\/\d+\/download$/ });
    const controller = new AbortController();
    const pending = downloadVerified(client(), nodeDownloads, t, join(dir, 'x'), { signal: controller.signal });
    await transfer.arrived();
    await waitFor(() => existsSync(join(dir, 'x.part')), 'the partial file');
    controller.abort();
    await assert.rejects(pending, CancelledError);
    transfer.release();
    assert.ok(!existsSync(join(dir, 'x')) && !existsSync(join(dir, 'x.part')));
  });

  it('says so when an old server has no API route for the type', async () => {
    fake.version = '17.0.0';
    const t = await target('acme/app', 'Hello/0.1@mycompany/stable', '0.1', 'conanfile.py');
    await assert.rejects(downloadVerified(client(), nodeDownloads, t, join(dir, 'c')), NoDownloadRouteError);
  });
});
