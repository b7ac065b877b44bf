/**
 * What a GitLab instance says about itself and about the token we hold for it: its version
 * (`GET /version`) and the token's scopes and expiry (`GET /personal_access_tokens/self`).
 * Each is asked once per instance and shared by every caller; a failure is not remembered
 * (a token set a minute later should be able to succeed), and a token change forgets both.
 */
import type { GitLabClient } from '../gitlab/client';
import { isGitLabError } from '../gitlab/errors';
import { parseGitLabVersion, supports, type GitLabVersion } from './versionGates';
import type { TokenInfo } from '../gitlab/models';

export class InstanceFacts {
  private readonly versions = new Map<string, Promise<GitLabVersion | undefined>>();
  private readonly tokens = new Map<string, Promise<TokenInfo | undefined>>();

  constructor(private readonly clientFor: (instanceUrl: string) => GitLabClient) {}

  /** `undefined` when the server would not say (no token yet, an odd proxy). */
  version(instanceUrl: string): Promise<GitLabVersion | undefined> {
    return this.once(this.versions, instanceUrl, async () => {
      const v = await this.clientFor(instanceUrl).getVersion();
      return parseGitLabVersion(v.version);
    });
  }

  /** `undefined` when unknown: OAuth tokens, GitLab before 15.5, no token, a rejected one. */
  tokenInfo(instanceUrl: string): Promise<TokenInfo | undefined> {
    return this.once(this.tokens, instanceUrl, async () => {
      if (!supports(await this.version(instanceUrl), 'tokenInfo')) return undefined;
      try {
        return await this.clientFor(instanceUrl).getTokenInfo();
      } catch (e) {
        // OAuth tokens and tokens without the right to read themselves: scopes stay unknown.
        if (isGitLabError(e) && (e.kind === 'forbidden' || e.kind === 'notFound')) return undefined;
        throw e;
      }
    });
  }

  /** A token changed (or settings did): ask again next time. */
  forget(origin?: string): void {
    for (const map of [this.versions, this.tokens]) {
      for (const key of [...map.keys()]) if (origin === undefined || new URL(key).origin === origin) map.delete(key);
    }
  }

  private once<T>(map: Map<string, Promise<T | undefined>>, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    let pending = map.get(key);
    if (!pending) {
      pending = load().catch(() => {
        if (map.get(key) === pending) map.delete(key);
        return undefined;
      });
      map.set(key, pending);
    }
    return pending;
  }
}
