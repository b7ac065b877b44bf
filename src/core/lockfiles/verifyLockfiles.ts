/**
 * A workspace's lockfiles verified together: each parsed, then every entry in one run, so a
 * package version several lockfiles name is looked up once (through the cache, so one answered
 * since the last Refresh costs nothing); the verdicts are handed back per lockfile, in the order
 * of their labels.
 */
import { lockfileFormat } from './lockfileFormat';
import type { LockfileResult } from './lockfileReport';
import type { LookupCache } from './lookupCache';
import { parseLockfile } from './parseLockfile';
import type { RegistryAnswer } from './verdict';
import { verifyEntries, type VerifyOptions } from './verifyEntries';
import { fetchVersion, type VersionClient } from './versionLookup';

export interface LockfileText {
  /** The path shown to people. */
  label: string;
  /** What the caller knows the file by (its URI), handed back with its result: labels can repeat. */
  key?: string;
  /** The path whose base name tells the format. */
  path: string;
  text: string;
}

export interface WorkspaceVerifyOptions extends Omit<VerifyOptions, 'lookup'> {
  clientFor(instanceUrl: string): VersionClient;
  cache: LookupCache<RegistryAnswer>;
}

export async function verifyLockfiles(files: readonly LockfileText[], opts: WorkspaceVerifyOptions): Promise<LockfileResult[]> {
  const byLabel = [...files].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const results: LockfileResult[] = byLabel.flatMap((f) => {
    const format = lockfileFormat(f.path);
    return format ? [{ label: f.label, key: f.key, parsed: parseLockfile(format, f.text), verdicts: [], routes: [] }] : [];
  });
  const verification = await verifyEntries(
    results.flatMap((r) => r.parsed.entries),
    {
      ...opts,
      // The load is shared (another run may wait on it too), so it runs to its end; this run's signal ends only its wait.
      lookup: (target, key, signal) =>
        opts.cache.get(
          key,
          { instanceUrl: target.instanceUrl, owner: target.owner.id, group: target.owner.kind === 'group' },
          () => fetchVersion(opts.clientFor(target.instanceUrl), target),
          signal,
        ),
    },
  );
  let at = 0;
  for (const r of results) {
    r.verdicts = verification.verdicts.slice(at, at + r.parsed.entries.length);
    r.routes = verification.routes.slice(at, at + r.parsed.entries.length);
    at += r.parsed.entries.length;
  }
  return results;
}
