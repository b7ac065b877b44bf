/** InstanceHealth: each instance's state as the tree and the warnings need it, reported when it changes, never stale after a token change. */
import { strict as assert } from 'node:assert';
import { InstanceFacts } from '../../../../src/core/instances/instanceFacts';
import { InstanceHealth, type InstanceStatus } from '../../../../src/core/instances/instanceHealth';
import { GitLabClient } from '../../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';

describe('instance health (fake GitLab over loopback)', () => {
  let fake: FakeGitLab;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  });
  after(() => fake.stop());
  afterEach(() => {
    fake.version = '18.5.1-ee';
    fake.clearRequests();
  });

  const clientWith = (token: string | undefined) =>
    new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(token), userAgent: 't', maxRetries: 0 });

  it('reports a status change once, and not again when nothing changed', async () => {
    const seen: InstanceStatus[] = [];
    const health = new InstanceHealth({
      facts: new InstanceFacts(() => clientWith(SAMPLE.readToken)),
      hasToken: () => Promise.resolve(true),
      now: () => new Date('2027-06-25T00:00:00Z'),
      onDidChange: (s) => seen.push(s),
    });
    await health.check(fake.url);
    await health.check(fake.url);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].token.daysLeft, 5);
    assert.equal(seen[0].token.canDelete, false);
    assert.equal(health.get(fake.url)?.token.canDelete, false);
    assert.equal(health.get('https://elsewhere.example'), undefined, 'nothing is assumed about an instance not checked');
  });

  it('does not let a check that began before a token change land after it', async () => {
    let token: string = SAMPLE.readToken;
    let releaseOld: () => void = () => undefined;
    const oldCheckWaits = new Promise<void>((r) => (releaseOld = r));
    let calls = 0;
    const health = new InstanceHealth({
      facts: new InstanceFacts(() => clientWith(token)),
      hasToken: async () => {
        if (calls++ === 0) await oldCheckWaits;
        return true;
      },
      onDidChange: () => undefined,
    });
    const oldCheck = health.check(fake.url);
    token = SAMPLE.apiToken;
    health.forget(new URL(fake.url).origin);
    await health.check(fake.url);
    releaseOld();
    await oldCheck;
    assert.equal(health.get(fake.url)?.token.canDelete, true, 'the new token (api) stands');
  });
});
