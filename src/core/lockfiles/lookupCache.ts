/**
 * Registry answers per package version, kept until the registry is refreshed: a second
 * verification (another lockfile, the same one saved again) asks nothing. Callers asking for a
 * key being loaded share that load; a failed load is not kept. Clearing drops loads in flight
 * too, so an answer read before a refresh never lands in the cache after it.
 */
export class LookupCache<T> {
  private readonly entries = new Map<string, { instanceUrl: string; value: Promise<T> }>();

  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key`, loaded once; `instanceUrl` lets a refresh of one instance drop its keys. */
  get(key: string, instanceUrl: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) return cached.value;
    const slot = { instanceUrl, value: load() };
    this.entries.set(key, slot);
    slot.value.catch(() => {
      if (this.entries.get(key) === slot) this.entries.delete(key);
    });
    return slot.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Forgets every answer (or one instance's): called when the registry is refreshed. */
  clear(instanceUrl?: string): void {
    if (instanceUrl === undefined) this.entries.clear();
    else for (const [key, slot] of this.entries) if (slot.instanceUrl === instanceUrl) this.entries.delete(key);
  }
}
