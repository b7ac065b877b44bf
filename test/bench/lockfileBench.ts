/**
 * The lockfile figures of `npm run bench` (issue 23), through the code Verify Lockfiles runs
 * (core/lockfiles verifyLockfiles → verifyEntries → LookupCache → fetchVersion) and a real
 * GitLab client talking HTTP to the fake:
 *
 * - a 500-entry package-lock.json (benchLockfile.ts) whose 300 GitLab entries are 60 packages × 5
 *   versions: every verdict given with ≤ 1 list and 1 files request per package version (the
 *   fake's record counted), in ≤ 1.25× the latency limit at C in flight;
 * - the same lockfile again with the same cache: no request until the registry is refreshed;
 *   once the cache is cleared as Refresh clears it, every version is asked again;
 * - the real tools' lockfiles (test/fixtures/lockfiles) against the registry they were resolved
 *   from: no entry "changed" (nor missing, nor unchecked); published again with other bytes,
 *   exactly that version's entries are.
 */
import { isDeepStrictEqual } from 'node:util';
import { GitLabClient } from '../../src/gitlab/client';
import { LookupCache } from '../../src/core/lockfiles/lookupCache';
import type { RegistryAnswer } from '../../src/core/lockfiles/verdict';
import { verifyLockfiles, type LockfileText } from '../../src/core/lockfiles/verifyLockfiles';
import type { LockfileResult } from '../../src/core/lockfiles/lockfileReport';
import { nodeFetch } from '../../src/platform/node';
import { LOCKFILE_SEED, NPM_PUBLISHED, seedLockfiles } from '../fake-gitlab/seedLockfiles';
import { FakeGitLab, type RecordedRequest } from '../fake-gitlab/server';
import { fixtureManifest, isNpmFamily, lockfileFixtures, tally, unchangedVerdicts } from '../support/lockfileFixtures';
import { BENCH_LOCKFILE, seedBenchLockfile } from './benchLockfile';
import { requestsLimit, type Figure } from './figure';

export interface LockfileBenchContext {
  fake: FakeGitLab;
  client: GitLabClient;
  /** Measured round trip with the injected latency. */
  rtt: number;
  latencyMs: number;
  concurrency: number;
  runs: number;
  timed(run: () => Promise<unknown>, runs: number, before?: () => void | Promise<void>): Promise<number>;
}

/** What the fake was asked during one verification, sorted by the requests verifying a version makes. */
interface Asked {
  lists: number;
  files: number;
  other: number;
  /** The most list requests for one package version, and files requests for one package. */
  mostListsPerVersion: number;
  mostFilesPerPackage: number;
}

function asked(requests: readonly RecordedRequest[], projectId: number): Asked {
  const lists = new Map<string, number>();
  const files = new Map<string, number>();
  let other = 0;
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of requests) {
    const fileList = new RegExp(`^/api/v4/projects/${projectId}/packages/(\\d+)/package_files$`).exec(r.path);
    if (r.method === 'GET' && r.path === `/api/v4/projects/${projectId}/packages`) bump(lists, `${r.query.package_name}@${r.query.package_version}`);
    else if (r.method === 'GET' && fileList) bump(files, fileList[1]);
    else other++;
  }
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const most = (m: Map<string, number>): number => Math.max(0, ...m.values());
  return { lists: sum(lists), files: sum(files), other, mostListsPerVersion: most(lists), mostFilesPerPackage: most(files) };
}

const total = (a: Asked): number => a.lists + a.files + a.other;

export async function lockfileFigures(ctx: LockfileBenchContext): Promise<Figure[]> {
  const { fake, client, rtt, concurrency: C } = ctx;
  const lock = seedBenchLockfile(fake);
  const files: LockfileText[] = [{ label: 'package-lock.json', path: 'package-lock.json', text: lock.text }];
  const V = lock.gitlabVersions;
  const bound = 2 * V;
  // As the command does: the configured instances only, a client per instance (the fake's here).
  const verify = (cache: LookupCache<RegistryAnswer>): Promise<LockfileResult[]> =>
    verifyLockfiles(files, {
      instanceUrls: [fake.url],
      clientFor: (url) => {
        if (url !== fake.url) throw new Error(`asked for ${url}, not a configured instance`);
        return client;
      },
      cache,
      concurrency: C,
    });
  const verdictsOf = (results: LockfileResult[]): Record<string, number> => tally(results[0].verdicts);
  // npm pins GitLab's SHA-1 (all GitLab gives): each GitLab entry "weak", each npmjs one "other".
  const sameTally = (t: Record<string, number>): boolean => isDeepStrictEqual(t, { weak: V, other: lock.entries - V });
  const withinBound = (a: Asked): boolean => a.lists <= V && a.files <= V && a.other === 0 && a.mostListsPerVersion <= 1 && a.mostFilesPerPackage <= 1;
  const figures: Figure[] = [];

  // 12a. A fresh cache each run: what the first Verify Lockfiles after a Refresh costs.
  {
    let worst: Asked | undefined;
    let verdicts: Record<string, number> = {};
    let allRight = true;
    const ours = await ctx.timed(
      async () => {
        const results = await verify(new LookupCache());
        const a = asked(fake.requests, BENCH_LOCKFILE.project.id);
        if (!worst || total(a) > total(worst)) worst = a;
        verdicts = verdictsOf(results);
        allRight &&= results[0].parsed.entries.length === lock.entries && sameTally(verdicts) && withinBound(a);
      },
      ctx.runs,
      () => fake.clearRequests(),
    );
    const a = worst!;
    const limit = requestsLimit(bound, C, rtt);
    figures.push({
      name: `12a. verify a 500-entry package-lock.json (C=${C})`,
      unit: 'ms',
      ours,
      limit,
      goal: '≤ 1.25× limit, ≤ 1 list + 1 files request per version',
      met: ours <= 1.25 * limit && allRight,
      note:
        `${V} GitLab versions (${BENCH_LOCKFILE.packages} packages × ${BENCH_LOCKFILE.versions.length}), ${lock.entries - V} from registry.npmjs.org; ` +
        `requests in the costliest run: ${a.lists} list + ${a.files} files = ${total(a)}, bound ${bound} (${V} + ${V}; most for one version: ${a.mostListsPerVersion} list, ${a.mostFilesPerPackage} files), ${a.other} other; ` +
        `verdicts ${JSON.stringify(verdicts)}; limit ⌈${bound}/${C}⌉ round trips`,
    });
  }

  // 12b. The same lockfile again with the same cache, then after Refresh.
  {
    const cache = new LookupCache<RegistryAnswer>();
    await verify(cache);
    fake.clearRequests();
    const started = performance.now();
    const again = await verify(cache);
    const cachedMs = performance.now() - started;
    const cached = total(asked(fake.requests, BENCH_LOCKFILE.project.id));
    // What Refresh does to the lockfile answers (commands/browse/refresh.ts).
    cache.clear();
    fake.clearRequests();
    const refreshed = await verify(cache);
    const after = asked(fake.requests, BENCH_LOCKFILE.project.id);
    const same = sameTally(verdictsOf(again)) && sameTally(verdictsOf(refreshed));
    figures.push({
      name: '12b. the same lockfile again, from the cache',
      unit: 'requests',
      ours: cached,
      goal: '0 requests until Refresh, then each version asked again',
      met: cached === 0 && same && withinBound(after) && after.lists === V && after.files === V,
      note: `${cached} requests, ${cachedMs.toFixed(1)} ms; after Refresh cleared the cache: ${after.lists} list + ${after.files} files = ${total(after)} requests; the same verdicts each time: ${same}`,
    });
  }

  figures.push(await fixtureFigure(ctx));
  return figures;
}

/** 12c. The real tools' lockfiles: no false "changed", and a true one found. */
async function fixtureFigure(ctx: LockfileBenchContext): Promise<Figure> {
  const fake = await FakeGitLab.start({ seed: 'none' });
  try {
    seedLockfiles(fake);
    fake.latencyMs = ctx.latencyMs;
    const client = new GitLabClient({
      instanceUrl: fake.url,
      fetch: nodeFetch,
      getToken: () => Promise.resolve(LOCKFILE_SEED.token),
      userAgent: 'bench',
      concurrency: ctx.concurrency,
    });
    const byLabel = new Map(lockfileFixtures.map((f) => [`${f.dir}/${f.file}`, f]));
    const files: LockfileText[] = [...byLabel].map(([label, f]) => ({ label, path: f.file, text: f.text }));
    // The lockfiles name the registry they were resolved from, https://gitlab.example.com: the fake stands in for it.
    const verify = (): Promise<LockfileResult[]> =>
      verifyLockfiles(files, {
        instanceUrls: [fixtureManifest.origins.gitlab],
        clientFor: () => client,
        cache: new LookupCache(),
        concurrency: ctx.concurrency,
      });
    const started = performance.now();
    const results = await verify();
    const ms = performance.now() - started;
    const requests = fake.requests.length;
    const t = tally(results.flatMap((r) => r.verdicts));
    const changed = t.changed ?? 0;
    // Each lockfile as the unit test holds it (verifyEntries.fixtures.test.ts): its GitLab entries weak or match.
    const asExpected = results.filter((r) => isDeepStrictEqual(tally(r.verdicts), unchangedVerdicts(byLabel.get(r.label)!, r.verdicts.length))).length;

    // The control: @lockco/ui 1.1.0 published again with other bytes (delete, then publish, as GitLab lets it).
    const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
    fake.npm.republish(LOCKFILE_SEED.projects.web.id, ui.manifest, { files: { 'index.js': 'module.exports = "rebuilt";\n' } });
    const changedNow = (await verify()).map((r) => ({
      npm: isNpmFamily(byLabel.get(r.label)!),
      changed: r.parsed.entries.filter((_, j) => r.verdicts[j].kind === 'changed').map((e) => `${e.name}@${e.version}`),
    }));
    const found = changedNow.flatMap((r) => r.changed);
    const caught = changedNow.every((r) => JSON.stringify(r.changed) === (r.npm ? '["@lockco/ui@1.1.0"]' : '[]'));
    return {
      name: '12c. real tools’ lockfiles: entries wrongly "changed"',
      unit: 'entries',
      ours: changed,
      goal: '0 changed, 0 missing, 0 unchecked; a republished version caught',
      met: changed === 0 && !t.missing && !t.unchecked && asExpected === lockfileFixtures.length && caught,
      note:
        `${lockfileFixtures.length} lockfiles (${lockfileFixtures.map((f) => f.dir).join(', ')}) in one run: ` +
        `${JSON.stringify(t)}, ${asExpected} of ${lockfileFixtures.length} as expected, ${requests} requests, ${Math.round(ms)} ms; ` +
        `@lockco/ui@1.1.0 published again: ${found.length} entries changed (${[...new Set(found)].join(', ')}), one per npm-family lockfile: ${caught}`,
    };
  } finally {
    await fake.stop();
  }
}
