/** The sample registry for a describe block, and a client for it (the new unit tests' shared setup). */
import { GitLabClient } from '../../src/gitlab/client';
import { nodeFetch } from '../../src/platform/node';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';

/** Starts a seeded fake before the block (or before each test) and stops it after; returns its getter. */
export function useSampleFake(each = false): () => FakeGitLab {
  let fake: FakeGitLab | undefined;
  const start = async (): Promise<void> => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  };
  const stop = (): Promise<void> => fake?.stop() ?? Promise.resolve();
  if (each) {
    beforeEach(start);
    afterEach(stop);
  } else {
    before(start);
    after(stop);
  }
  return () => {
    if (!fake) throw new Error('the fake GitLab is not running');
    return fake;
  };
}

/** A client of the fake without retries, sending `token`. */
export function fakeClient(fake: FakeGitLab, token: string = SAMPLE.apiToken): GitLabClient {
  return new GitLabClient({ instanceUrl: fake.url, fetch: nodeFetch, getToken: () => Promise.resolve(token), userAgent: 'test', maxRetries: 0 });
}
