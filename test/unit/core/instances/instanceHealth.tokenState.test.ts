/**
 * The token state per instance, as rows and deletes read it (core/instances/instanceHealth.ts):
 * kept per instance, and a token change forgets only its own origin's — the next check reads
 * the new token, while another instance's state stands untouched.
 */
import { strict as assert } from 'node:assert';
import { InstanceFacts } from '../../../../src/core/instances/instanceFacts';
import { InstanceHealth, type InstanceStatus } from '../../../../src/core/instances/instanceHealth';
import { GitLabClient } from '../../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';

describe('the token state per instance', () => {
  let a: FakeGitLab;
  let b: FakeGitLab;
  before(async () => {
    [a, b] = await Promise.all([FakeGitLab.start({ seed: 'none' }), FakeGitLab.start({ seed: 'none' })]);
    seedSample(a);
    seedSample(b);
  });
  after(() => Promise.all([a.stop(), b.stop()]));

  it('is kept per instance; a token change forgets its origin only, and the next check reads the new token', async () => {
    const tokens = new Map<string, string>([
      [a.url, SAMPLE.apiToken],
      [b.url, SAMPLE.apiToken],
    ]);
    const client = (url: string) =>
      new GitLabClient({ instanceUrl: url, fetch, getToken: () => Promise.resolve(tokens.get(url)), userAgent: 't', maxRetries: 0 });
    const changes: [InstanceStatus, InstanceStatus | undefined][] = [];
    const health = new InstanceHealth({
      facts: new InstanceFacts(client),
      hasToken: () => Promise.resolve(true),
      onDidChange: (s, previous) => changes.push([s, previous]),
    });
    await Promise.all([health.check(a.url), health.check(b.url)]);
    const onB = health.get(b.url);
    assert.deepEqual([health.get(a.url)?.token.canDelete, onB?.token.canDelete], [true, true]);
    assert.equal(await health.tokenMayDelete(a.url), true);

    tokens.set(a.url, SAMPLE.readToken);
    health.forget(new URL(a.url).origin);
    assert.equal(health.get(a.url), undefined, 'what was known of the old token is gone');
    assert.equal(health.get(b.url), onB, 'the other instance is untouched');
    changes.length = 0;
    await health.check(a.url);
    assert.equal(health.get(a.url)?.token.canDelete, false);
    assert.equal(await health.tokenMayDelete(a.url), false);
    assert.deepEqual(
      changes.map(([s, previous]) => [s.instanceUrl, s.token.canDelete, previous]),
      [[a.url, false, undefined]],
      'the change is heard once, for that instance',
    );
  });
});
