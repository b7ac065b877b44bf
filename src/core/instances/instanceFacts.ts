/**
 * What a GitLab instance says about itself and about the token we hold for it: its version
 * (`GET /version`), the token's scopes and expiry (`GET /personal_access_tokens/self`) and its
 * user (`GET /user`: an administrator?). Each is asked once per instance and shared by every
 * caller, and a token change forgets them. A failed version or token read is not remembered (a
 * token set a minute later should be able to succeed); a failed `GET /user` is, for a minute,
 * so a tree that asks per project does not ask again on every row. Also what a rule write
 * showed of a project: that delete protection is switched off there. GitLab's flag is checked
 * per project (`Feature.disabled?(:packages_protected_packages_delete, project)`), so the fact
 * is kept per project, until that project is refreshed or its rules show a delete level.
 */
import type { GitLabClient } from '../../gitlab/client';
import { isGitLabError } from '../../gitlab/errors';
import { parseGitLabVersion, supports, type GitLabVersion } from './versionGates';
import type { TokenInfo, User } from '../../gitlab/models';
import type { AdminStanding } from '../protection/protectionRules';

/** How long a failed `GET /user` stands before it is asked again (a token change forgets it at once). */
export const USER_FAILURE_MS = 60_000;

export class InstanceFacts {
  private readonly versions = new Map<string, Promise<GitLabVersion | undefined>>();
  private readonly tokens = new Map<string, Promise<TokenInfo | undefined>>();
  private readonly users = new Map<string, Promise<User | undefined>>();
  private readonly deleteProtectionOff = new Set<string>();

  /** When a failed `GET /user` may be asked again, by instance. */
  private readonly userRetryAt = new Map<string, number>();
  /** Bumped by forget(): a failure of a request made before it says nothing of the token now. */
  private generation = 0;

  constructor(
    private readonly clientFor: (instanceUrl: string) => GitLabClient,
    private readonly now: () => number = Date.now,
  ) {}

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

  /** The token's user as an administrator (`is_admin`, sent to administrators only) and its token's `admin_mode` scope; undefined when not an administrator or unknown. */
  async adminStanding(instanceUrl: string): Promise<AdminStanding | undefined> {
    const user = await this.currentUser(instanceUrl);
    if (user?.isAdmin !== true) return undefined;
    return (await this.tokenInfo(instanceUrl))?.scopes.includes('admin_mode') ? 'exempt' : 'unsure';
  }

  /** The token's user's id; undefined when unknown (no token, a failure in the last minute). */
  async currentUserId(instanceUrl: string): Promise<number | undefined> {
    return (await this.currentUser(instanceUrl).catch(() => undefined))?.id;
  }

  /** Asked once per instance; a failure is not asked again for a minute. */
  private async currentUser(instanceUrl: string): Promise<User | undefined> {
    if ((this.userRetryAt.get(instanceUrl) ?? 0) > this.now()) return undefined;
    this.userRetryAt.delete(instanceUrl);
    const generation = this.generation;
    return this.once(this.users, instanceUrl, () =>
      this.clientFor(instanceUrl)
        .getCurrentUser()
        .catch((e: unknown) => {
          if (generation === this.generation) this.userRetryAt.set(instanceUrl, this.now() + USER_FAILURE_MS);
          throw e;
        }),
    );
  }

  /** A rule write showed that this project keeps no delete levels (its feature flag is off for it). */
  noteDeleteProtectionOff(instanceUrl: string, projectId: number): void {
    this.deleteProtectionOff.add(projectKey(instanceUrl, projectId));
  }

  /** The project was refreshed, or its rules showed a delete level: the flag may be on now, ask again. */
  forgetDeleteProtectionOff(instanceUrl: string, projectId: number): void {
    this.deleteProtectionOff.delete(projectKey(instanceUrl, projectId));
  }

  /** GitLab 17.11+ and the project not known to have delete protection switched off. */
  async hasDeleteProtection(instanceUrl: string, projectId: number): Promise<boolean> {
    return supports(await this.version(instanceUrl), 'deleteProtection') && !this.deleteProtectionOff.has(projectKey(instanceUrl, projectId));
  }

  /** A token changed (or settings did): ask again next time. */
  forget(origin?: string): void {
    this.generation++;
    for (const map of [this.versions, this.tokens, this.users, this.userRetryAt] as Map<string, unknown>[]) {
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

function projectKey(instanceUrl: string, projectId: number): string {
  return `${instanceUrl}#${projectId}`;
}
