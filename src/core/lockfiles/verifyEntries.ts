/**
 * Verdicts for a lockfile's entries: route each to a configured instance, plan one lookup per
 * package version, run the lookups with at most `concurrency` in flight (through the cache, so
 * versions already answered cost nothing), then judge every entry. A lookup that fails leaves
 * its entries "unchecked" with the error; the others go on.
 */
import type { LockEntry } from './lockEntry';
import { planLookups, targetKey, type PlannedLookup } from './lookupPlan';
import { instancesOf, routeEntry, type EntryRoute, type VersionTarget } from './registryRoute';
import { entryVerdict, type EntryVerdict, type RegistryAnswer } from './verdict';
import { ListCutShortError } from './versionLookup';

export type CheckedVerdict = EntryVerdict | { kind: 'unchecked'; error: unknown };

export interface VerifyOptions {
  /** Configured instance URLs: the only hosts a lockfile entry is checked against. */
  instanceUrls: readonly string[];
  /** The registry's answer for a package version (the cache and client behind it). */
  lookup(target: VersionTarget, key: string, signal?: AbortSignal): Promise<RegistryAnswer>;
  concurrency: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export interface Verification {
  routes: EntryRoute[];
  verdicts: CheckedVerdict[];
  lookups: number;
}

export async function verifyEntries(entries: readonly LockEntry[], opts: VerifyOptions): Promise<Verification> {
  const instances = instancesOf(opts.instanceUrls);
  const routes = entries.map((e) => routeEntry(e, instances));
  const planned = planLookups(routes);
  const answers = new Map<string, { answer?: RegistryAnswer; error?: unknown }>();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < planned.length && !opts.signal?.aborted) {
      const lookup: PlannedLookup = planned[next++];
      try {
        answers.set(lookup.key, { answer: await opts.lookup(lookup.target, lookup.key, opts.signal) });
      } catch (error) {
        answers.set(lookup.key, { error });
      }
      opts.onProgress?.(++done, planned.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, planned.length)) }, worker));
  if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('cancelled');
  const verdicts = entries.map((entry, i): CheckedVerdict => {
    const route = routes[i];
    const got = route.kind === 'gitlab' ? route.targets.map((t) => answers.get(targetKey(t))) : [];
    const failed = got.find((g) => g && 'error' in g);
    if (failed) return { kind: 'unchecked', error: failed.error };
    // A list cut short knows nothing of the version: unchecked, unless another index found it (pip takes it from any).
    const cut = got.find((g) => g?.answer?.kind === 'cutShort')?.answer;
    const known = got.map((g) => (g?.answer?.kind === 'cutShort' ? undefined : g?.answer));
    if (cut?.kind === 'cutShort' && !known.some((a) => a?.kind === 'found')) return { kind: 'unchecked', error: new ListCutShortError(cut.listed) };
    return entryVerdict(entry, route, known);
  });
  return { routes, verdicts, lookups: planned.length };
}
