/**
 * Reading a lost DELETE's target again: a file is concluded gone only from one answer of an ordered file list
 * whose ids span it, in few reads; a Cancel aborts the reads; each read is tried once, a 429 on it pauses the
 * queue; GitLab answering nothing stops the sending; and after a failure GitLab may still be working through
 * ("dropped, then applied"), "still listed" is "may have been deleted".
 */
import { strict as assert } from 'node:assert';
import { deletePackages, STOP_AFTER, type DeleteOutcome, type DeleteTarget } from '../../../../src/core/delete/bulkDelete';
import { answerMayBeLost, reread } from '../../../../src/core/delete/deleteCheck';
import { networkError } from '../../../../src/gitlab/responseErrors';
import { MAX_READS } from '../../../../src/core/delete/fileSearch';
import { GitLabClient } from '../../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { useSampleFake } from '../../../support/sampleFake';

const PROJECT = 901;
const FILE_DELETE = { method: 'DELETE', path: /\/package_files\/\d+$/ };
const DELETE = { method: 'DELETE', path: /\/packages\/\d+$/ };
const OPTIONS = { fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', sleep: () => Promise.resolve() };

describe('bulk delete: reading a lost DELETE again', function () {
  this.timeout(60_000);
  const started = useSampleFake(true);
  let fake: FakeGitLab;
  beforeEach(() => {
    fake = started();
    fake.addProject({ id: PROJECT, pathWithNamespace: 'acme/lost', members: { [SAMPLE.userId]: 50 } });
  });
  // Waits (the transport's) pass at once; each test reads what was sent.
  const client = (timeoutMs = 2_000) => new GitLabClient({ ...OPTIONS, instanceUrl: fake.url, timeoutMs });
  const sent = (method: string) => fake.requests.filter((r) => r.method === method);
  const said = (o: DeleteOutcome<DeleteTarget>) =>
    o.ok ? 'deleted' : o.stopped ? 'stopped' : `${o.mayHaveBeenDeleted ? 'may have been deleted' : 'not deleted'}: ${o.error.kind}`;
  const packageWithFiles = (n: number) => {
    const pkg = fake.addPackagesBulk(PROJECT, 1)[0];
    return { pkg, files: fake.addFilesBulk(pkg.id, n) };
  };

  it('a file still there is not "gone" when files before it leave the list between the pages read', async () => {
    const { pkg, files } = packageWithFiles(250);
    const target = files[120];
    const c = client();
    const read = c.packageFilesPage.bind(c);
    // Meanwhile the other deletes of the same bulk delete take 30 files of page 1 away.
    c.packageFilesPage = async (...args: Parameters<GitLabClient['packageFilesPage']>) => {
      const page = await read(...args);
      if (args[2] === 1) for (const f of files.slice(0, 30)) f.status = 'pending_destruction';
      return page;
    };
    const found = await reread(c, { project: PROJECT, packageId: pkg.id, fileId: target.id }, { filesInIdOrder: true });
    assert.equal(found.found, 'listed');
    assert.ok(sent('GET').every((r) => r.query.order_by === 'id' && r.query.sort === 'asc'));
  });

  it(`a deleted file among 5,000: gone, from at most ${MAX_READS} pages (the id range of one page spans it)`, async () => {
    const { pkg, files } = packageWithFiles(5_000);
    const target = files[3_333];
    fake.fail(FILE_DELETE, { kind: 'appliedThenConnectionDropped' });
    const [outcome] = await deletePackages(client(), [{ project: PROJECT, packageId: pkg.id, fileId: target.id }], { concurrency: 1, filesInIdOrder: true });
    assert.equal(said(outcome), 'deleted');
    assert.ok(sent('GET').length <= MAX_READS, `${sent('GET').length} pages read`);
    const still = files[4_999];
    fake.fail(FILE_DELETE, { status: 502, body: { message: '502 Bad Gateway' } });
    fake.clearRequests();
    const [kept] = await deletePackages(client(), [{ project: PROJECT, packageId: pkg.id, fileId: still.id }], { concurrency: 1, filesInIdOrder: true });
    assert.equal(said(kept), 'not deleted: server');
    assert.ok(sent('GET').length <= MAX_READS, `${sent('GET').length} pages read`);
  });

  it('GitLab before 14.9 lists files in no order: a file not seen is "may have been deleted", never "deleted"', async () => {
    fake.version = '14.8.0-ee';
    const { pkg, files } = packageWithFiles(150);
    fake.fail(FILE_DELETE, { kind: 'appliedThenConnectionDropped' });
    const [outcome] = await deletePackages(client(), [{ project: PROJECT, packageId: pkg.id, fileId: files[7].id }], { concurrency: 1 });
    assert.equal(said(outcome), 'may have been deleted: network');
    assert.ok(!outcome.ok && outcome.recheck?.found === 'unproven' && outcome.recheck.why === 'unordered');
    // One still there is found on whichever page it is.
    fake.fail(FILE_DELETE, { status: 502, body: { message: '502 Bad Gateway' } });
    const [kept] = await deletePackages(client(), [{ project: PROJECT, packageId: pkg.id, fileId: files[140].id }], { concurrency: 1 });
    assert.equal(said(kept), 'not deleted: server');
  });

  it('Cancel during a re-read aborts it: "may have been deleted (not read again: cancelled)", the rest not sent', async () => {
    const ids = fake.addPackagesBulk(PROJECT, 3).map((p) => p.id);
    fake.fail(DELETE, { status: 502, body: { message: 'x' } });
    // GitLab holds the read again until Cancel has been clicked.
    const reread = fake.hold({ method: 'GET', path: /\/packages\/\d+$/ });
    const controller = new AbortController();
    const run = deletePackages(
      client(30_000),
      ids.map((packageId) => ({ project: PROJECT, packageId })),
      { concurrency: 1, signal: controller.signal },
    );
    await reread.arrived();
    controller.abort();
    const outcomes = await run;
    reread.release();
    assert.deepEqual(outcomes.map(said), ['may have been deleted: server', 'not deleted: cancelled', 'not deleted: cancelled']);
    assert.ok(!outcomes[0].ok && outcomes[0].recheck?.found === 'unknown' && outcomes[0].recheck.error.kind === 'cancelled');
    assert.equal(sent('DELETE').length, 1);
  });

  it('a re-read is tried once; its 429 pauses the whole queue (Retry-After), then only the read is repeated', async () => {
    const ids = fake.addPackagesBulk(PROJECT, 2).map((p) => p.id);
    fake.fail(DELETE, { kind: 'appliedThenConnectionDropped' });
    fake.fail({ method: 'GET', path: /\/packages\/\d+$/ }, { status: 429, body: 'Retry later', headers: { 'Retry-After': '7' } });
    const pauses: number[] = [];
    const sleep = (ms: number) => (pauses.push(ms), Promise.resolve());
    const outcomes = await deletePackages(
      client(),
      ids.map((packageId) => ({ project: PROJECT, packageId })),
      { concurrency: 1, sleep },
    );
    assert.deepEqual(outcomes.map(said), ['deleted', 'deleted']);
    assert.ok(pauses.length >= 1);
    assert.ok(pauses[0] > 6_000 && pauses[0] <= 7_000, `paused ${pauses[0]} ms`);
    assert.equal(sent('DELETE').length, 2);
    // The 429, then the read again (404) and its file list (404): no automatic retry in between.
    assert.deepEqual(
      sent('GET')
        .slice(0, 3)
        .map((r) => r.status),
      [429, 404, 404],
    );
  });

  it(`1,000 packages, GitLab answering 502 to everything: stops after ${STOP_AFTER} in a row, a bounded number of requests, the rest "not sent"`, async () => {
    const ids = fake.addPackagesBulk(PROJECT, 1_000).map((p) => p.id);
    fake.fail({ path: /./ }, { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } }, 1_000_000);
    const c = client();
    const outcomes = await deletePackages(
      c,
      ids.map((packageId) => ({ project: PROJECT, packageId })),
      { concurrency: c.concurrency },
    );
    const deletes = sent('DELETE').length;
    assert.ok(deletes <= STOP_AFTER + 2 * c.concurrency, `${deletes} DELETEs`);
    assert.equal(sent('GET').length, deletes, 'one read each, no automatic retries');
    assert.equal(outcomes.filter((o) => !o.ok && o.stopped).length, 1_000 - deletes);
    assert.ok(outcomes.slice(0, deletes).every((o) => said(o) === 'may have been deleted: server'));
  });

  it('dropped, then applied by GitLab after the re-read: "may have been deleted", and it was', async () => {
    const [id] = fake.addPackagesBulk(PROJECT, 1).map((p) => p.id);
    fake.fail(DELETE, { kind: 'droppedThenAppliedLater', ms: 300 });
    const [outcome] = await deletePackages(client(), [{ project: PROJECT, packageId: id }], { concurrency: 1 });
    assert.equal(said(outcome), 'may have been deleted: network');
    await fake.idle();
    assert.equal(fake.getPackage(id)?.status, 'pending_destruction');
  });

  it('a proxy\'s 502 page (not GitLab\'s JSON): still listed is "may have been deleted"; GitLab\'s own JSON 502: "not deleted"', async () => {
    const [id] = fake.addPackagesBulk(PROJECT, 1).map((p) => p.id);
    const target = [{ project: PROJECT, packageId: id }];
    fake.fail(DELETE, { status: 502, body: 'GitLab is not responding', headers: { 'content-type': 'text/plain' } });
    assert.equal(said((await deletePackages(client(), target, { concurrency: 1 }))[0]), 'may have been deleted: server');
    fake.fail(DELETE, { status: 502, body: { message: '502 Bad Gateway' } });
    assert.equal(said((await deletePackages(client(), target, { concurrency: 1 }))[0]), 'not deleted: server');
  });

  it('a 200 sign-in page in place of the DELETE\'s answer never reached GitLab: "not deleted", not read again', async () => {
    const [id] = fake.addPackagesBulk(PROJECT, 1).map((p) => p.id);
    fake.fail(DELETE, { kind: 'html' });
    assert.equal(said((await deletePackages(client(), [{ project: PROJECT, packageId: id }], { concurrency: 1 }))[0]), 'not deleted: badResponse');
    assert.equal(sent('GET').length, 0);
  });

  it('a timeout while connecting sent nothing: not read again; one while reading the answer is', () => {
    const raised = (message: string, fields: object) => Object.assign(new Error(message), { code: 'ETIMEDOUT', ...fields });
    // node-fetch names the failed system call `erroredSysCall`; Node's own errors `syscall`.
    assert.equal(answerMayBeLost(networkError('/p', raised('connect ETIMEDOUT 10.1.2.3:443', { erroredSysCall: 'connect' }))), false);
    assert.equal(answerMayBeLost(networkError('/p', raised('connect ETIMEDOUT 10.1.2.3:443', { syscall: 'connect' }))), false);
    assert.equal(answerMayBeLost(networkError('/p', raised('read ETIMEDOUT', { syscall: 'read' }))), true);
  });
});
