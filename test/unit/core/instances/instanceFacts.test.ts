/** InstanceFacts: the version and the token's scopes and expiry, read once per instance and forgotten on a token change. */
import { strict as assert } from 'node:assert';
import { InstanceFacts } from '../../../../src/core/instances/instanceFacts';
import { GitLabClient } from '../../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../../src/platform/node';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../../fake-gitlab/seed';

describe('instance facts (fake GitLab over loopback)', () => {
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
  const paths = () => fake.requests.map((r) => r.path);

  it('reads the version and the token once, however many ask at the same time', async () => {
    const facts = new InstanceFacts(() => clientWith(SAMPLE.readToken));
    const [a, b, info] = await Promise.all([facts.version(fake.url), facts.version(fake.url), facts.tokenInfo(fake.url)]);
    assert.equal(a?.major, 18);
    assert.equal(b, a);
    assert.deepEqual(info?.scopes, ['read_api']);
    assert.equal(info?.expiresAt, '2027-06-30');
    await facts.tokenInfo(fake.url);
    assert.deepEqual(paths().sort(), ['/api/v4/personal_access_tokens/self', '/api/v4/version']);
  });

  it('does not ask an instance older than 15.5 for token information, and forgets on a token change', async () => {
    fake.version = '14.10.5';
    const facts = new InstanceFacts(() => clientWith(SAMPLE.apiToken));
    assert.equal(await facts.tokenInfo(fake.url), undefined);
    assert.deepEqual(paths(), ['/api/v4/version']);
    facts.forget(new URL(fake.url).origin);
    fake.version = '17.0.0';
    assert.deepEqual((await facts.tokenInfo(fake.url))?.scopes, ['api']);
  });

  it('treats an OAuth token (or none) as unknown scopes, and does not remember a failure', async () => {
    let token: string | undefined;
    const facts = new InstanceFacts(() => clientWith(token));
    assert.equal(await facts.version(fake.url), undefined, 'no token: /version needs authentication');
    token = SAMPLE.apiToken;
    assert.equal((await facts.version(fake.url))?.major, 18, 'asked again once a token is there');
    fake.addToken({ value: 'oauth-live', userId: 1, scopes: ['api'], kind: 'oauth', name: 'oauth live' });
    token = 'oauth-live';
    facts.forget();
    assert.equal(await facts.tokenInfo(fake.url), undefined);
  });
});
