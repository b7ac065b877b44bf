/**
 * Registry answers per package version, kept until the registry is refreshed: a second
 * verification (another lockfile, the same one saved again) asks nothing. Callers asking for a
 * key being loaded share that load; a failed load is not kept. A load belongs to no caller: one
 * caller giving up (Cancel, a newer background run) stops its own wait, not the load the others
 * wait on, which still fills the cache. Clearing drops loads in flight too, so an answer read
 * before a refresh never lands in the cache after it.
 */
import type { ProjectKey } from '../../gitlab/types';
import { untilAborted } from '../../util/untilAborted';

/**
 * What a refresh forgets: one instance's answers, or only those about some of its projects. A
 * project's refresh forgets the instance's group-level answers too: a group's index may serve that
 * project's packages, and which groups hold it is not known here.
 */
export interface CacheScope {
  instanceUrl: string;
  /** Project ids and full paths (either form a lockfile URL may use; paths in any case, as GitLab routes them); absent: the whole instance. */
  owners?: readonly ProjectKey[];
}

/** Where an answer came from: `group` when a group-level index or list was asked. */
export interface AnswerAt {
  instanceUrl: string;
  owner: ProjectKey;
  group?: boolean;
}

interface Slot<T> extends AnswerAt {
  value: Promise<T>;
}

export class LookupCache<T> {
  private readonly entries = new Map<string, Slot<T>>();

  get size(): number {
    return this.entries.size;
  }

  /**
   * The answer for `key`, loaded once. `owner` (the project or group the lookup asks) lets a
   * refresh of one project drop its keys; `signal` ends this caller's wait only.
   */
  get(key: string, at: AnswerAt, load: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let slot = this.entries.get(key);
    if (!slot) {
      const fresh: Slot<T> = { ...at, value: load() };
      slot = fresh;
      this.entries.set(key, fresh);
      fresh.value.catch(() => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      });
    }
    return signal ? untilAborted(slot.value, signal) : slot.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Forgets every answer, or those in scope: called when the registry is refreshed. */
  clear(scope?: CacheScope): void {
    if (!scope) return this.entries.clear();
    const owners = scope.owners?.map((o) => String(o).toLowerCase());
    for (const [key, slot] of this.entries) {
      if (slot.instanceUrl === scope.instanceUrl && (!owners || slot.group || owners.includes(String(slot.owner).toLowerCase()))) this.entries.delete(key);
    }
  }
}
