/**
 * The state of each instance in use, as the tree and the warnings need it: is a token set,
 * which GitLab version runs there, and what the token may do and until when. Kept as a plain
 * snapshot so the tree can read it synchronously; `check()` refreshes it and reports changes.
 */
import type { GitLabVersion } from './versionGates';
import type { InstanceFacts } from './instanceFacts';
import { assessToken, type TokenAssessment } from '../tokens/tokenFacts';

export interface InstanceStatus {
  instanceUrl: string;
  hasToken: boolean;
  version?: GitLabVersion;
  token: TokenAssessment;
}

export interface InstanceHealthDeps {
  facts: InstanceFacts;
  hasToken(origin: string): Promise<boolean>;
  now?(): Date;
  /** A status appeared or changed (not called when a check found nothing new). */
  onDidChange(status: InstanceStatus, previous: InstanceStatus | undefined): void;
}

export class InstanceHealth {
  private readonly known = new Map<string, InstanceStatus>();
  /** Bumped by forget(): a check that started before a token change must not land after it. */
  private epoch = 0;
  private readonly originEpochs = new Map<string, number>();
  /** Checks under way, so a caller can wait for the one a token change just started. */
  private readonly pending = new Map<string, Promise<InstanceStatus>>();

  constructor(private readonly deps: InstanceHealthDeps) {}

  get(instanceUrl: string): InstanceStatus | undefined {
    return this.known.get(instanceUrl);
  }

  /**
   * What is known once the check under way (if any) has landed: a delete right after signing
   * in with a read-only token must see that the token is read-only.
   */
  async settled(instanceUrl: string): Promise<InstanceStatus | undefined> {
    await this.pending.get(instanceUrl)?.catch(() => undefined);
    return this.known.get(instanceUrl);
  }

  /** False only when the token is known to be read-only, once a check under way has landed. */
  async tokenMayDelete(instanceUrl: string): Promise<boolean> {
    return (await this.settled(instanceUrl))?.token.canDelete !== false;
  }

  check(instanceUrl: string): Promise<InstanceStatus> {
    const running = this.run(instanceUrl);
    this.pending.set(instanceUrl, running);
    const done = (): void => {
      if (this.pending.get(instanceUrl) === running) this.pending.delete(instanceUrl);
    };
    running.then(done, done);
    return running;
  }

  private async run(instanceUrl: string): Promise<InstanceStatus> {
    const origin = new URL(instanceUrl).origin;
    const stamp = this.stamp(origin);
    const hasToken = await this.deps.hasToken(origin);
    const [version, info] = hasToken
      ? await Promise.all([this.deps.facts.version(instanceUrl), this.deps.facts.tokenInfo(instanceUrl)])
      : [undefined, undefined];
    const status: InstanceStatus = { instanceUrl, hasToken, version, token: assessToken(info, this.deps.now?.() ?? new Date()) };
    if (stamp !== this.stamp(origin)) return this.known.get(instanceUrl) ?? status;
    const previous = this.known.get(instanceUrl);
    this.known.set(instanceUrl, status);
    if (!previous || JSON.stringify(previous) !== JSON.stringify(status)) this.deps.onDidChange(status, previous);
    return status;
  }

  private stamp(origin: string): string {
    return `${this.epoch}/${this.originEpochs.get(origin) ?? 0}`;
  }

  /** A token changed: what we knew about it (and the version read with it) is stale. */
  forget(origin?: string): void {
    if (origin === undefined) this.epoch++;
    else this.originEpochs.set(origin, (this.originEpochs.get(origin) ?? 0) + 1);
    this.deps.facts.forget(origin);
    for (const key of [...this.known.keys()]) if (origin === undefined || new URL(key).origin === origin) this.known.delete(key);
  }
}
