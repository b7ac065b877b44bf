/**
 * A DELETE whose answer was lost (dropped connection, timeout, a proxy's 502/504 after GitLab did
 * the work) is never sent again: the package is re-read, and the outcome says what is known —
 * deleted (404, or `pending_destruction`), not deleted (still listed), or "may have been deleted".
 */
import { strict as assert } from 'node:assert';
import { deletePackages, type DeleteOutcome, type DeleteTarget } from '../../../../src/core/delete/bulkDelete';
import { GitLabClient } from '../../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import type { Fault } from '../../../fake-gitlab/faults';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';

const PROJECT = 901;
const DELETE = { method: 'DELETE', path: /\/packages\/\d+$/ };
const REREAD = { method: 'GET', path: /\/packages\/\d+$/ };

describe('bulk delete: a DELETE whose answer was lost', () => {
  let fake: FakeGitLab;
  let ids: number[];
  beforeEach(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
    fake.addProject({ id: PROJECT, pathWithNamespace: 'acme/lost', members: { [SAMPLE.userId]: 50 } });
    ids = fake.addPackagesBulk(PROJECT, 3).map((p) => p.id);
  });
  afterEach(() => fake.stop());

  const client = (timeoutMs = 2_000) =>
    new GitLabClient({
      instanceUrl: fake.url,
      fetch,
      getToken: () => Promise.resolve(SAMPLE.apiToken),
      userAgent: 't',
      timeoutMs,
      sleep: () => Promise.resolve(),
    });
  // The fake runs GitLab 18.5: its file lists are in id order.
  const deleteOne = async (c = client(), target: DeleteTarget = { project: PROJECT, packageId: ids[0] }): Promise<DeleteOutcome<DeleteTarget>> =>
    (await deletePackages(c, [target], { concurrency: 1, filesInIdOrder: true }))[0];
  const sent = (method: string) => fake.requests.filter((r) => r.method === method);
  /** 'deleted', 'not deleted: <kind>', or 'may have been deleted: <kind>'. */
  const said = (o: DeleteOutcome<DeleteTarget>) => (o.ok ? 'deleted' : `${o.mayHaveBeenDeleted ? 'may have been deleted' : 'not deleted'}: ${o.error.kind}`);

  const applied: [string, Fault][] = [
    ['the connection drops', { kind: 'appliedThenConnectionDropped' }],
    ['a proxy answers 502', { kind: 'appliedThenProxyError', status: 502 }],
    ['a proxy answers 504', { kind: 'appliedThenProxyError', status: 504 }],
    ['no answer comes (the client times out)', { kind: 'appliedThenNoAnswer' }],
  ];
  for (const [what, fault] of applied) {
    it(`GitLab deleted it, then ${what}: read again (404, and its file list 404), reported deleted, the DELETE sent once`, async () => {
      fake.fail(DELETE, fault);
      const outcome = await deleteOne(client(300));
      assert.equal(said(outcome), 'deleted');
      assert.ok(outcome.ok && outcome.answerLost, 'the lost answer is kept for the log');
      assert.equal(sent('DELETE').length, 1);
      assert.deepEqual(
        sent('GET').map((r) => [r.path, r.status]),
        [
          [`/api/v4/projects/${PROJECT}/packages/${ids[0]}`, 404],
          [`/api/v4/projects/${PROJECT}/packages/${ids[0]}/package_files`, 404],
        ],
      );
      assert.equal(fake.getPackage(ids[0])?.status, 'pending_destruction');
    });
  }

  it('a 502 before GitLab saw it: the re-read finds the package, reported not deleted, nothing re-sent', async () => {
    fake.fail(DELETE, { status: 502, body: { message: '502 Bad Gateway' } });
    const outcome = await deleteOne();
    assert.equal(said(outcome), 'not deleted: server');
    assert.equal(sent('DELETE').length, 1);
    assert.equal(sent('GET').length, 1);
    assert.equal(fake.getPackage(ids[0])?.status, 'default');
  });

  it('a package in `error` status, whose GET answers 404 while it exists: read again through its file list', async () => {
    const broken = fake.addPackage(PROJECT, { name: 'broken', version: '1.0.0', packageType: 'generic', status: 'error' });
    const target = { project: PROJECT, packageId: broken.id };
    fake.fail(DELETE, { status: 502 });
    assert.equal(said(await deleteOne(client(), target)), 'not deleted: server');
    fake.fail(DELETE, { kind: 'appliedThenConnectionDropped' });
    assert.equal(said(await deleteOne(client(), target)), 'deleted');
    assert.equal(fake.getPackage(broken.id)?.status, 'pending_destruction');
  });

  it('a refusal GitLab gave (403, 404, 429 after the waits) is not re-read', async () => {
    fake.fail(DELETE, { status: 403, body: { message: '403 Forbidden' } });
    assert.equal(said(await deleteOne()), 'not deleted: forbidden');
    fake.fail(DELETE, { status: 404, body: { message: '404 Package Not Found' } });
    assert.equal(said(await deleteOne()), 'not deleted: notFound');
    // The first try and three waits (the default), each answered 429: the last 429 is the outcome.
    fake.fail(DELETE, { status: 429, body: 'Retry later', headers: { 'Retry-After': '0' } }, 4);
    assert.equal(said(await deleteOne()), 'not deleted: rateLimited');
    assert.equal(sent('DELETE').length, 6);
    assert.equal(sent('GET').length, 0);
  });

  it('a re-read answering 200 with status pending_destruction: deleted', async () => {
    fake.fail(DELETE, { kind: 'appliedThenConnectionDropped' });
    fake.fail(REREAD, { status: 200, body: { id: ids[0], name: 'pkg-00000', version: '1.0.0', package_type: 'generic', status: 'pending_destruction' } });
    assert.equal(said(await deleteOne()), 'deleted');
  });

  it('the re-read fails too: "may have been deleted", with the DELETE\'s own error', async () => {
    fake.fail(DELETE, { kind: 'appliedThenConnectionDropped' });
    fake.fail(REREAD, { status: 500, body: { message: '500 Internal Server Error' } });
    const outcome = await deleteOne();
    assert.equal(said(outcome), 'may have been deleted: network');
    assert.equal(sent('DELETE').length, 1);
  });

  it('a timeout while GitLab is still at work: still listed when re-read, so "may have been deleted" — and it was', async () => {
    // GitLab holds the DELETE until the client has timed out and read the package again.
    const atWork = fake.hold(DELETE);
    const outcome = await deleteOne(client(150));
    assert.equal(said(outcome), 'may have been deleted: timeout');
    atWork.release();
    await fake.idle();
    assert.equal(fake.getPackage(ids[0])?.status, 'pending_destruction');
    assert.equal(sent('DELETE').length, 1);
  });

  it("a package file: re-read through the package's file list", async () => {
    const pkg = fake.getPackage(ids[1])!;
    const file = fake.addFilesBulk(pkg.id, 2)[0];
    fake.fail({ method: 'DELETE', path: /\/package_files\/\d+$/ }, { kind: 'appliedThenProxyError', status: 504 });
    const outcome = await deleteOne(client(), { project: PROJECT, packageId: pkg.id, fileId: file.id });
    assert.equal(said(outcome), 'deleted');
    assert.equal(file.status, 'pending_destruction');
    assert.deepEqual(
      sent('GET').map((r) => r.path),
      [`/api/v4/projects/${PROJECT}/packages/${pkg.id}/package_files`],
    );
    fake.fail({ method: 'DELETE', path: /\/package_files\/\d+$/ }, { status: 502 });
    const other = pkg.files[1];
    assert.equal(said(await deleteOne(client(), { project: PROJECT, packageId: pkg.id, fileId: other.id })), 'not deleted: server');
  });
});
