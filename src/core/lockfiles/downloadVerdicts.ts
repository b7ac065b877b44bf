/**
 * What Verify by Downloading found, per registry file and lockfile hash, until the registry is
 * refreshed: the lockfile's diagnostics read it to show an "unverifiable" entry as matched or
 * changed. Keyed by the file's id, so an upload after the check (a new file, a new id) is not
 * covered by it, and by the hashes compared, so another lockfile pinning other bytes is not
 * either. Outside the engine's index: the main bundle holds it without the parsers.
 */
import type { DownloadCheck } from './downloadCheck';
import type { Digest } from './lockEntry';

export type DownloadVerdict = Exclude<DownloadCheck, { kind: 'failed' }>;

export class DownloadVerdicts {
  private readonly verdicts = new Map<string, DownloadVerdict>();
  private readonly listeners = new Set<() => void>();

  get(instanceUrl: string, fileId: number, expected: readonly Digest[]): DownloadVerdict | undefined {
    return this.verdicts.get(key(instanceUrl, fileId, expected));
  }

  record(instanceUrl: string, fileId: number, expected: readonly Digest[], verdict: DownloadVerdict): void {
    this.verdicts.set(key(instanceUrl, fileId, expected), verdict);
    this.fire();
  }

  /** Refresh: the registry may have changed since. */
  clear(): void {
    if (!this.verdicts.size) return;
    this.verdicts.clear();
    this.fire();
  }

  /** Called after every record and every clear that forgot something. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  private fire(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/** The same hashes in any order and case are the same key. */
function key(instanceUrl: string, fileId: number, expected: readonly Digest[]): string {
  const digests = expected.map((d) => `${d.algorithm}:${d.hex.toLowerCase()}`).sort();
  return [instanceUrl, fileId, ...[...new Set(digests)]].join('\n');
}
