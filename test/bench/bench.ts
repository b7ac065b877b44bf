import type { ListNode } from '../../src/tree/rows';
/**
 * `npm run bench`: what a user feels, measured side by side in one run against the fake
 * GitLab with injected latency. Peer: @gitbeaker/rest (what a Node user would pick). Limit:
 * the latency bound — with C requests in flight, P pages cost ⌈(P−1)/C⌉+1 round trips.
 * Prints a table and writes bench-results.json (git-ignored).
 *
 *   npm run bench -- [--latency 50] [--runs 5] [--concurrency 8] [--skip-peer] [--only lockfiles,match]
 */
import { Gitlab } from '@gitbeaker/rest';
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFetch as fetch } from '../../src/platform/node';
import { deletePackages } from '../../src/core/delete/bulkDelete';
import { GitLabClient } from '../../src/gitlab/client';
import { parseProjectEntry } from '../../src/core/projects/projectRef';
import { PackagesTreeModel } from '../../src/tree/model';
import type { ProjectNode, TreeNode } from '../../src/tree/nodes';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';
import { cleanUpFigures } from './cleanUpBench';
import { requestsLimit, roundTrips, type Figure } from './figure';
import { lockfileFigures } from './lockfileBench';
import { matchFigures } from './matchBench';
import { args, onlyGroups, opt } from './options';
import { createVscodeShim, fakeContext } from './vscodeShim';

const LATENCY = opt('latency', 50);
const RUNS = Math.max(5, opt('runs', 5));
const C = opt('concurrency', 8);
const SKIP_PEER = args.includes('--skip-peer');
/** Groups of rows `--only` picks from (the round trip is measured whichever run). */
const GROUPS = ['listing', 'delete', 'cleanup', 'match', 'bundle', 'heap', 'lockfiles'] as const;
const want = onlyGroups(GROUPS);
const root = path.resolve(__dirname, '..', '..');

const BIG = { id: 9001, path: 'bench/big', packages: 10_000 };
const FILES = { id: 9002, path: 'bench/files', files: 1_000 };
const DELETES = { id: 9003, path: 'bench/deletes', packages: 200 };
/** Past GitLab's 10,000-row count: the fake sends no x-total/x-total-pages, as GitLab does. */
const UNCOUNTED = { id: 9004, path: 'bench/uncounted', packages: 30_000 };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(run: () => Promise<unknown>, runs = RUNS, before?: () => void | Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

function timedSync(run: () => unknown, runs = RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main(): Promise<void> {
  const fake = await FakeGitLab.start({ seed: 'none' });
  seedSample(fake);
  for (const p of [BIG, FILES, DELETES, UNCOUNTED]) fake.addProject({ id: p.id, pathWithNamespace: p.path, members: { [SAMPLE.userId]: 50 } });
  if (want('listing') || want('cleanup') || want('heap')) {
    fake.addPackagesBulk(BIG.id, BIG.packages);
    fake.addPackagesBulk(UNCOUNTED.id, UNCOUNTED.packages);
  }
  const filesPkg = fake.addPackage(FILES.id, { name: 'many-files', version: '1.0.0', packageType: 'generic' });
  fake.addFilesBulk(filesPkg.id, FILES.files);
  fake.latencyMs = LATENCY;

  const client = new GitLabClient({
    instanceUrl: fake.url,
    fetch: fetch,
    getToken: () => Promise.resolve(SAMPLE.apiToken),
    userAgent: 'bench',
    concurrency: C,
  });
  const peer = new Gitlab({ host: fake.url, token: SAMPLE.apiToken });
  const figures: Figure[] = [];

  // One round trip: the cheapest authenticated GET.
  const rtt = await timed(() => client.getVersion());
  console.log(`round trip (GET /version, ${LATENCY} ms injected): ${rtt.toFixed(1)} ms`);

  const newModel = (entries: string[], maxRows?: number): { model: PackagesTreeModel } => {
    const model = new PackagesTreeModel({
      maxRows,
      entries: () => entries.map((e) => parseProjectEntry(e, fake.url)),
      clientFor: () => client,
      hasToken: () => Promise.resolve(true),
      onDidChange: () => undefined,
    });
    return { model };
  };
  const projectOf = async (model: PackagesTreeModel): Promise<ProjectNode> => (await model.children())[0] as ProjectNode;
  /** The rows once background paging settled (the model's own signal, not polling). */
  const settled = async (model: PackagesTreeModel, node: TreeNode): Promise<TreeNode[]> => {
    await model.whenSettled(node as ListNode);
    return model.children(node);
  };

  /** Median time of `measure` on a fresh tree each run; finding the node to expand is not timed. */
  const timeOnFreshTree = async (
    projectPath: string,
    measure: (model: PackagesTreeModel, node: TreeNode) => Promise<unknown>,
    target: (model: PackagesTreeModel, project: ProjectNode) => Promise<TreeNode> = (_m, project) => Promise.resolve(project),
  ): Promise<number> => {
    let model: PackagesTreeModel | undefined;
    let node: TreeNode | undefined;
    const ms = await timed(
      () => measure(model!, node!),
      RUNS,
      async () => {
        model?.dispose();
        model = newModel([projectPath]).model;
        fake.latencyMs = 0;
        node = await target(model, await projectOf(model));
        fake.latencyMs = LATENCY;
      },
    );
    model?.dispose();
    return ms;
  };

  // 1. First page after "expand project".
  if (want('listing')) {
    const ours = await timeOnFreshTree(BIG.path, (model, node) => model.children(node));
    const peerMs = SKIP_PEER ? undefined : await timed(() => peer.Packages.all({ projectId: BIG.path, perPage: 100, page: 1 }));
    figures.push({ name: '1. first page after expand', unit: 'ms', ours, peer: peerMs, limit: rtt, goal: '≤ 1.2× one round trip', met: ours <= 1.2 * rtt });
  }

  // 5. Requests per expand (counted while the whole project loads).
  if (want('listing')) {
    const { model } = newModel([BIG.path]);
    const node = await projectOf(model);
    fake.clearRequests();
    await settled(model, node);
    const reqs = fake.requests.filter((r) => r.method === 'GET');
    const perPackage = reqs.filter((r) => /\/packages\/\d+/.test(r.path)).length;
    model.dispose();
    figures.push({
      name: '5. requests per expand (10,000 packages)',
      unit: 'requests',
      ours: reqs.length,
      limit: BIG.packages / 100,
      goal: 'one per page, none per package',
      met: reqs.length === BIG.packages / 100 && perPackage === 0,
      note: `${perPackage} per-package requests`,
    });
  }

  // 2. All 10,000 packages, through the tree model (what expanding a project does).
  if (want('listing')) {
    const ours = await timeOnFreshTree(BIG.path, (model, node) => settled(model, node));
    const peerMs = SKIP_PEER ? undefined : await timed(() => peer.Packages.all({ projectId: BIG.path, perPage: 100 }));
    const limit = roundTrips(BIG.packages / 100, C) * rtt;
    figures.push({
      name: `2. all 10,000 packages (C=${C})`,
      unit: 'ms',
      ours,
      peer: peerMs,
      limit,
      goal: '≥ 6× faster than peer, ≤ 1.25× limit',
      met: ours <= 1.25 * limit && (peerMs === undefined || peerMs / ours >= 6),
    });
  }

  // 2b. 30,000 packages where GitLab gives no totals: speculative pages keep C in flight.
  if (want('listing')) {
    let packages = 0;
    const ours = await timed(async () => {
      packages = 0;
      for await (const page of client.projectPackages(UNCOUNTED.path, {}, { maxPages: 1_000 })) packages += page.items.length;
    });
    // The last timed run's speculative requests are still being answered: let them land first.
    const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 4 * LATENCY + 200));
    await settle();
    fake.clearRequests();
    for await (const page of client.projectPackages(UNCOUNTED.path, {}, { maxPages: 1_000 })) void page;
    await settle();
    const gets = fake.requests.filter((r) => r.method === 'GET');
    const pages = UNCOUNTED.packages / 100;
    // Past the last page: speculation. The same page asked twice: a retry.
    const pastTheEnd = new Set(gets.map((r) => Number(r.query.page)).filter((p) => p > pages)).size;
    const retried = gets.length - new Set(gets.map((r) => r.query.page)).size;
    const limit = roundTrips(pages, C) * rtt;
    figures.push({
      name: `2b. 30,000 packages, no totals (C=${C})`,
      unit: 'ms',
      ours,
      limit,
      goal: '≤ 1.25× limit, ≤ C−1 wasted requests',
      met: ours <= 1.25 * limit && packages === UNCOUNTED.packages && pastTheEnd <= C - 1,
      note: `${packages} packages, ${gets.length} requests for ${pages} pages: ${pastTheEnd} speculative past the end, ${retried} retried`,
    });
  }

  // 3. 1,000 files of one package.
  if (want('listing')) {
    const ours = await timeOnFreshTree(
      FILES.path,
      (model, node) => settled(model, node),
      async (model, project) => (await model.children(project))[0],
    );
    const peerMs = SKIP_PEER
      ? undefined
      : await timed(() => peer.Packages.allFiles(FILES.path, filesPkg.id, { perPage: 100 } as Parameters<typeof peer.Packages.allFiles>[2]));
    const limit = roundTrips(FILES.files / 100, C) * rtt;
    figures.push({ name: '3. 1,000 files of one package', unit: 'ms', ours, peer: peerMs, limit, goal: '≤ 1.25× limit', met: ours <= 1.25 * limit });
  }

  // 4. Bulk delete of 200 packages, through the command's code path (deletePackages).
  if (want('delete')) {
    const seed = (): number[] => {
      fake.latencyMs = 0;
      const ids = Array.from(
        { length: DELETES.packages },
        (_, i) => fake.addPackage(DELETES.id, { name: `old-${i}`, version: `0.0.${i}`, packageType: 'npm' }).id,
      );
      fake.latencyMs = LATENCY;
      return ids;
    };
    let ids: number[] = [];
    let allOnce = true;
    const ours = await timed(
      async () => {
        const outcomes = await deletePackages(
          client,
          ids.map((packageId) => ({ project: DELETES.path, packageId })),
          { concurrency: C },
        );
        allOnce &&= outcomes.every((o) => o.ok);
      },
      RUNS,
      () => {
        ids = seed();
        fake.clearRequests();
      },
    );
    const deletesSent = fake.requests.filter((r) => r.method === 'DELETE').length;
    allOnce &&= deletesSent === DELETES.packages;
    const peerMs = SKIP_PEER
      ? undefined
      : await timed(
          async () => {
            for (const id of ids) await peer.Packages.remove(DELETES.path, id);
          },
          RUNS,
          () => {
            ids = seed();
          },
        );
    // The same again while the fake throttles: 429s are waited out, no package deleted twice.
    ids = seed();
    fake.clearRequests();
    fake.throttle({ limit: 50, windowMs: 1000, retryAfterSeconds: 1 });
    const throttledStart = performance.now();
    const outcomes = await deletePackages(
      client,
      ids.map((packageId) => ({ project: DELETES.path, packageId })),
      { concurrency: C },
    );
    const throttledMs = performance.now() - throttledStart;
    fake.throttle({ limit: 0, windowMs: 1000, retryAfterSeconds: 1 });
    const ok = fake.requests.filter((r) => r.method === 'DELETE' && r.status === 204).map((r) => r.path);
    const throttled = fake.requests.filter((r) => r.method === 'DELETE' && r.status === 429).length;
    const limit = requestsLimit(DELETES.packages, C, rtt);
    figures.push({
      name: `4. delete 200 packages (C=${C})`,
      unit: 'ms',
      ours,
      peer: peerMs,
      limit,
      goal: '≤ 1.25× limit, each DELETE once',
      met: ours <= 1.25 * limit && allOnce,
      note: `${deletesSent} DELETEs in the last run; throttled run (50/s): ${Math.round(throttledMs)} ms, ${throttled} × 429 waited out, ${ok.length} deleted, ${new Set(ok).size} distinct, all ok: ${outcomes.every((o) => o.ok)}`,
    });
  }

  // 8–10. Clean-up: a rule over 10,000 packages, 1,000 deletions, and the same throttled (cleanUpBench.ts).
  if (want('cleanup')) {
    figures.push(...(await cleanUpFigures({ fake, client, rtt, latencyMs: LATENCY, concurrency: C, runs: RUNS, big: BIG, deletes: DELETES, timed })));
  }

  // 11. Matching: patterns that make a backtracking regex take seconds, and claiming 10,000 ids (matchBench.ts).
  if (want('match')) figures.push(...matchFigures(RUNS, timedSync));

  // 12. Lockfile verification: 500 entries, the cache, the real tools' lockfiles (lockfileBench.ts).
  if (want('lockfiles')) figures.push(...(await lockfileFigures({ fake, client, rtt, latencyMs: LATENCY, concurrency: C, runs: RUNS, timed })));

  // 6. Bundle size and activation cost.
  if (want('bundle')) {
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'ignore' });
    const bundle = path.join(root, 'dist', 'extension.js');
    const size = statSync(bundle).size / 1024;
    figures.push({ name: '6a. bundle size (production)', unit: 'KB', ours: size, goal: '≤ 80 KB', met: size <= 80 });
    const activation = measureActivation(bundle);
    figures.push({ name: '6b. activation (require + activate)', unit: 'ms', ours: activation, goal: '≤ 20 ms', met: activation <= 20 });
  }

  // 7. Heap growth of a tree model holding 10,000 and 30,000 packages.
  if (want('heap')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the shim standing in for `vscode`
    const treeItems = withVscodeShim({}, () => require('../../src/tree/treeItems') as typeof import('../../src/tree/treeItems'));
    for (const [project, packages, goalMb] of [
      [BIG.path, BIG.packages, 30],
      [UNCOUNTED.path, UNCOUNTED.packages, 60],
    ] as const) {
      fake.latencyMs = 0;
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const before = process.memoryUsage().heapUsed;
      const { model } = newModel([project], packages);
      const rows = await settled(model, await projectOf(model));
      // The extension host also keeps the TreeItem VS Code asked for, per row.
      const items = rows.map((r) => treeItems.toTreeItem(r));
      gc?.();
      const growth = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
      figures.push({
        name: `7. heap growth, ${packages.toLocaleString('en-US')} packages`,
        unit: 'MB',
        ours: growth,
        goal: `≤ ${goalMb} MB`,
        met: growth <= goalMb && rows.length === packages,
        note: `${rows.length} rows and their ${items.length} TreeItems${gc ? '' : ' (no --expose-gc: upper bound)'}`,
      });
      model.dispose();
    }
  }

  await fake.stop();
  report(figures, rtt);
}

/** Runs `load` with `require('vscode')` answered by the shim. */
function withVscodeShim<T>(settings: Record<string, unknown>, load: () => T): T {
  const shim = createVscodeShim(settings);
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = (request, parent, isMain) => (request === 'vscode' ? shim : original(request, parent, isMain));
  try {
    return load();
  } finally {
    loader._load = original;
  }
}

/** Loads the production bundle fresh with a stub `vscode` and calls activate(). */
function measureActivation(bundle: string): number {
  const times: number[] = [];
  withVscodeShim({ instanceUrl: 'https://gitlab.example.com', projects: [] }, () => {
    for (let i = 0; i < RUNS; i++) {
      delete require.cache[require.resolve(bundle)];
      const t = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the built bundle is what is measured
      const ext = require(bundle) as { activate: (c: unknown) => unknown };
      const ctx = fakeContext();
      ext.activate(ctx);
      times.push(performance.now() - t);
      for (const d of ctx.subscriptions) d.dispose();
    }
  });
  return median(times);
}

function report(figures: Figure[], rtt: number): void {
  const fmt = (n: number | undefined): string => (n === undefined ? '—' : n >= 100 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(1));
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.ours)} ${f.unit}`,
    f.peer !== undefined ? `${fmt(f.peer)} ${f.unit}` : '—',
    f.limit !== undefined ? `${fmt(f.limit)} ${f.unit}` : '—',
    f.peer !== undefined ? `${(f.peer / f.ours).toFixed(1)}×` : '—',
    f.limit !== undefined ? `${(f.ours / f.limit).toFixed(2)}×` : '—',
    f.goal,
    f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
  ]);
  const head = ['figure', 'ours', 'gitbeaker', 'limit', 'peer/ours', 'ours/limit', 'goal', ''];
  console.log(`\nmedian of ${RUNS} runs · latency ${LATENCY} ms · round trip ${rtt.toFixed(1)} ms · ${os.cpus().length} cores · Node ${process.version}\n`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  for (const f of figures) if (f.note) console.log(`- ${f.name}: ${f.note}`);
  const out = path.join(root, 'bench-results.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        cores: os.cpus().length,
        node: process.version,
        latencyMs: LATENCY,
        runs: RUNS,
        concurrency: C,
        groups: GROUPS.filter(want),
        roundTripMs: rtt,
        figures,
      },
      null,
      2,
    ),
  );
  console.log(`\nwritten: ${out}`);
}

if (args.includes('--ui')) {
  // The same figures in a real VS Code: a script of its own (code-server + Chromium).
  void import('./ui');
} else if (args.includes('--keys')) {
  // What a key typed into the tree's find widget costs the editor (code-server + Chromium).
  void import('./keyCost');
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
