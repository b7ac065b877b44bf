/** Cancelling a bulk delete stops the sending: in-flight DELETEs finish, the rest is "not sent"; a 429 pause ends at Cancel. */
import { strict as assert } from 'node:assert';
import { deletePackages } from '../../../../src/core/delete/bulkDelete';
import { GitLabClient } from '../../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';

describe('bulk delete: cancel', () => {
  let fake: FakeGitLab;
  let client: GitLabClient;
  let ids: number[];
  beforeEach(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
    fake.addProject({ id: 900, pathWithNamespace: 'acme/cancel', members: { [SAMPLE.userId]: 50 } });
    ids = fake.addPackagesBulk(900, 40).map((p) => p.id);
    client = new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't' });
  });
  afterEach(() => fake.stop());
  const sent = () => fake.requests.filter((r) => r.method === 'DELETE');

  it('stops taking targets at Cancel; the DELETEs in flight finish and are reported as they ended', async () => {
    fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { kind: 'delay', ms: 40 }, 100);
    const controller = new AbortController();
    const outcomes = await deletePackages(
      client,
      ids.map((packageId) => ({ project: 900, packageId })),
      { concurrency: 3, signal: controller.signal, onSettled: (done) => done === 5 && controller.abort() },
    );
    const ok = outcomes.filter((o) => o.ok).length;
    const notSent = outcomes.filter((o) => !o.ok && o.error.kind === 'cancelled').length;
    assert.equal(ok + notSent, 40);
    // The five settled, plus the two that were in flight when Cancel came: none aborted half-way.
    assert.equal(ok, 7);
    assert.equal(sent().length, 7);
    assert.ok(sent().every((r) => r.status === 204));
  });

  it('a Cancel during a Retry-After pause ends the wait and sends nothing more', async () => {
    fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { status: 429, body: 'Retry later', headers: { 'Retry-After': '600' } }, 1);
    const controller = new AbortController();
    // The pause ends only when cancelled (as the real one would, 600 s on): it tells the test it began.
    let pausing = (_ms: number): void => undefined;
    const paused = new Promise<number>((resolve) => (pausing = resolve));
    const sleep = (ms: number, signal?: AbortSignal) => {
      pausing(ms);
      return new Promise<void>((_resolve, reject) => {
        if (signal?.aborted) reject(new Error('cancelled'));
        signal?.addEventListener('abort', () => reject(new Error('cancelled')));
      });
    };
    const run = deletePackages(
      client,
      ids.slice(0, 3).map((packageId) => ({ project: 900, packageId })),
      { concurrency: 1, signal: controller.signal, sleep },
    );
    assert.ok((await paused) > 590_000, 'paused for the Retry-After');
    controller.abort();
    const outcomes = await run;
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? 'ok' : o.error.kind)),
      ['cancelled', 'cancelled', 'cancelled'],
    );
    assert.equal(sent().length, 1);
  });
});
