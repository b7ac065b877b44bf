/** A fake GitLab with the sample registry for one describe block: started before it, stopped after, its request log cleared before each test. */
import { seedSample } from '../fake-gitlab/seed';
import { FakeGitLab } from '../fake-gitlab/server';

export function useSampleFake(beforeEachTest: (fake: FakeGitLab) => void = () => undefined): () => FakeGitLab {
  let fake: FakeGitLab | undefined;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  });
  after(() => fake?.stop());
  beforeEach(() => {
    fake?.clearRequests();
    if (fake) beforeEachTest(fake);
  });
  return () => {
    if (!fake) throw new Error('fake GitLab not started');
    return fake;
  };
}
