/**
 * The package pipelines endpoint (GitLab 16.1+) against the fake GitLab: keyset paging followed
 * to the end (per_page ≤ 20, the cursor taken from `Link rel="next"`), cancellation mid-way,
 * the status and version gates, and the deprecated `pipelines` field ignored.
 */
import { strict as assert } from 'node:assert';
import { allPipelines, latestPipelines, mayListPipelines } from '../../../../src/core/browse/packagePipelines';
import { parseGitLabVersion } from '../../../../src/core/instances/versionGates';
import { CancelledError, NotFoundError } from '../../../../src/gitlab/errors';
import { collectKeyset, nextCursorFromLink } from '../../../../src/gitlab/keyset';
import { parsePackage } from '../../../../src/gitlab/models';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

const APP = SAMPLE.projects.app.id;

describe('package pipelines (keyset paging)', () => {
  const theFake = useSampleFake();
  let fake: FakeGitLab;
  let pkgId: number;
  const client = () => fakeClient(fake);
  const pipelineRequests = () => fake.requests.filter((r) => r.path.endsWith('/pipelines'));

  before(() => {
    fake = theFake();
    const pipelines = Array.from({ length: 44 }, (_, i) => ({
      id: 5000 + i,
      ref: i % 2 ? 'main' : `v1.${i}`,
      sha: `${i}`.padStart(40, 'c'),
      status: 'success',
    }));
    pkgId = fake.addPackage(APP, {
      name: 'busy-lib',
      version: '9.9.9',
      packageType: 'generic',
      pipeline: { id: 6000, ref: 'main', sha: 'd'.repeat(40), status: 'failed' },
      pipelines,
    }).id;
  });
  beforeEach(() => {
    fake.clearRequests();
    fake.clearFaults();
    fake.latencyMs = 0;
    fake.version = '18.5.1-ee';
  });

  it('follows the cursor to the end: 45 pipelines, newest first, 20 per page, each next page asked with the cursor the link named', async () => {
    const all = await client().allPackagePipelines(APP, pkgId);
    assert.equal(all.complete, true);
    assert.equal(all.items.length, 45);
    assert.deepEqual(
      all.items.slice(0, 3).map((p) => p.id),
      [6000, 5043, 5042],
    );
    assert.equal(all.items.at(-1)?.id, 5000);
    const sent = pipelineRequests();
    assert.equal(sent.length, 3);
    assert.ok(sent.every((r) => r.query.per_page === '20'));
    assert.equal(sent[0].query.cursor, undefined);
    assert.ok(sent[1].query.cursor && sent[2].query.cursor && sent[1].query.cursor !== sent[2].query.cursor);
  });

  it('never asks for more than 20 per page (GitLab answers 400 past that)', async () => {
    const page = await client().packagePipelinesPage(APP, pkgId, undefined, 100);
    assert.equal(page.items.length, 20);
    assert.equal(pipelineRequests()[0].query.per_page, '20');
    const direct = await fetch(`${fake.url}/api/v4/projects/${APP}/packages/${pkgId}/pipelines?per_page=21`, { headers: { 'PRIVATE-TOKEN': SAMPLE.apiToken } });
    assert.equal(direct.status, 400);
  });

  it('the latest two for a tooltip: one request, and it says there are more', async () => {
    const pkg = parsePackage({ id: pkgId, name: 'busy-lib', version: '9.9.9', package_type: 'generic', status: 'default' });
    const latest = await latestPipelines(client(), APP, pkg, parseGitLabVersion('18.5.1'), 2);
    assert.deepEqual(
      latest.items.map((p) => [p.id, p.status, p.ref]),
      [
        [6000, 'failed', 'main'],
        [5043, 'success', 'main'],
      ],
    );
    assert.equal(latest.more, true);
    assert.equal(pipelineRequests().length, 1);
  });

  it('cancelled mid-way: rejects as cancelled and asks for no page after it', async () => {
    // The first page answers; GitLab holds the second until the user has cancelled.
    fake.hold({ path: /\/pipelines$/ }).release();
    const second = fake.hold({ path: /\/pipelines$/ });
    const controller = new AbortController();
    const pending = client().allPackagePipelines(APP, pkgId, controller.signal);
    await second.arrived();
    controller.abort();
    second.release();
    await assert.rejects(pending, (e) => e instanceof CancelledError);
    // The pages are asked one after another: once it rejected, nothing more can follow.
    assert.equal(pipelineRequests().length, 2, 'the second page was the last one asked');
  });

  it('gates: before 16.1 and for packages not in status default/deprecated nothing is asked; a 404 is "none known"', async () => {
    const pkg = (status: string) => parsePackage({ id: pkgId, name: 'busy-lib', version: '9.9.9', package_type: 'generic', status });
    assert.equal(mayListPipelines(pkg('default'), parseGitLabVersion('16.0.4')), false);
    assert.equal(mayListPipelines(pkg('error'), parseGitLabVersion('18.5.1')), false);
    assert.equal(mayListPipelines(pkg('deprecated'), parseGitLabVersion('16.1.0')), true);
    assert.deepEqual(await allPipelines(client(), APP, pkg('error'), parseGitLabVersion('18.5.1')), { items: [], more: false });
    assert.equal(pipelineRequests().length, 0);
    // A server that does not say its version and has no such endpoint (16.0): 404, nothing known, no error.
    fake.version = '16.0.4';
    await assert.rejects(client().packagePipelinesPage(APP, pkgId), (e) => e instanceof NotFoundError);
    assert.deepEqual(await latestPipelines(client(), APP, pkg('default'), undefined, 2), { items: [], more: false });
  });

  it('a server that hands out the same cursor again cannot make the paging loop', async () => {
    let calls = 0;
    const result = await collectKeyset(
      () => {
        calls++;
        return Promise.resolve({ items: [{ id: calls }], next: 'same' });
      },
      { maxPages: 50 },
    );
    assert.equal(calls, 2);
    assert.equal(result.items.length, 2);
    assert.equal(result.complete, false, 'a repeated cursor is no end of the list (issue 21)');
    assert.equal(nextCursorFromLink('<https://h/api/v4/x?cursor=abc&per_page=20>; rel="next", <https://h/x?page=1>; rel="first"'), 'abc');
    assert.equal(nextCursorFromLink('<https://h/x?page=1>; rel="first"'), undefined);
  });

  it('the deprecated `pipelines` field is ignored; the `pipeline` field of older servers stands', () => {
    const onlyDeprecated = parsePackage({ id: 1, name: 'a', version: '1', package_type: 'npm', pipelines: [{ id: 3, ref: 'main' }] });
    assert.equal(onlyDeprecated.pipeline, undefined);
    const old = parsePackage({ id: 1, name: 'a', version: '1', package_type: 'npm', pipeline: { id: 4, ref: 'main', sha: 'abc' }, pipelines: [] });
    assert.deepEqual([old.pipeline?.id, old.pipeline?.sha], [4, 'abc']);
  });
});
