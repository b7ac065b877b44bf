/** A window with acme/app on two GitLab instances: the harness's fake and a second one. */
import type { FakeGitLab } from '../fake-gitlab/server';
import { startFake, type Harness, type HarnessOptions } from './double/harness';

export interface TwoInstances {
  h: Harness;
  other: FakeGitLab;
  /** host:port of the harness's fake, then of the other. */
  hosts: [string, string];
}

/** For a describe block: a second fake per test (stopped after it); `start` activates with both instances' acme/app. */
export function twoInstances(t: { start(opts?: HarnessOptions): Promise<Harness> }): {
  start(tokens?: { token?: string; tokens?: Record<string, string> }): Promise<TwoInstances>;
  /** The second fake (started before each test). */
  readonly other: FakeGitLab;
} {
  let other: FakeGitLab;
  beforeEach(async () => {
    other = await startFake();
  });
  afterEach(() => other.stop());
  return {
    start: async (tokens = {}) => {
      const h = await t.start({ settings: { projects: ['acme/app', `${other.url}/acme/app`] }, ...tokens });
      return { h, other, hosts: [new URL(h.fake.url).host, new URL(other.url).host] };
    },
    get other() {
      return other;
    },
  };
}
