/**
 * `npm run bench -- --ui`: a 10,000-package project in a real VS Code (code-server + Chromium,
 * as the end-to-end suite drives it) at 50 ms per request. Times, from the click on the
 * project's twistie: the first package row on screen, and the moment both the oldest and the
 * newest package can be found with the tree's find widget (typing moves the focus to the first match) — for this extension
 * (flat and grouped by name) beside a naive reference extension this script builds (all pages
 * one after another, then one redraw). Each run starts a fresh code-server. Prints a table and
 * writes bench-ui-results.json (git-ignored).
 *
 *   npm run bench -- --ui [--latency 50] [--runs 3] [--packages 10000] [--no-package]
 *   BENCH_EXTRA=a.vsix,b.vsix npm run bench -- --ui   (other builds side by side)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';
import { startCodeServer } from '../e2e/codeServer';
import { provision, type Tools } from '../e2e/provision';
import { Workbench } from '../e2e/workbench';
import { buildNaiveExtension } from './naiveExtension';
import { args, opt } from './options';

const LATENCY = opt('latency', 50);
const RUNS = Math.max(1, opt('runs', 3));
const PACKAGES = opt('packages', 10_000);
const root = path.resolve(__dirname, '..', '..');
const PROJECT = { id: 9101, path: 'bench/ui' };
const OLDEST = 'pkg-00000';
const NEWEST = `pkg-${String(PACKAGES - 1).padStart(5, '0')}`;

interface Contender {
  name: string;
  vsix: string;
  settings: Record<string, unknown>;
}

interface Sample {
  firstRowsMs: number;
  allReachableMs: number;
  requests: number;
}

/** One run: fresh code-server, expand the project, time first rows and both ends findable. */
async function measure(tools: Tools, fake: FakeGitLab, c: Contender, run: number): Promise<Sample> {
  const runDir = path.join(root, '.vscode-test', `bench-ui-${Date.now()}-${run}`);
  const codeServer = await startCodeServer({
    tools,
    vsixPath: c.vsix,
    runDir,
    env: { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken, GITLAB_PACKAGES_URL: fake.url },
    settings: {
      'gitlabPackages.instanceUrl': fake.url,
      'gitlabPackages.projects': [PROJECT.path],
      'workbench.list.defaultFindMatchType': 'contiguous',
      ...c.settings,
    },
  });
  const wb = await Workbench.launch(tools.chromium, codeServer.url);
  try {
    await wb.open(codeServer.url, codeServer.workspace);
    await wb.openViewContainer('GitLab Packages');
    const project = await wb.row(PROJECT.path, 60_000);
    // Let activation's own requests (version, token facts) finish before the clock starts.
    await wb.quietPeriod();
    fake.clearRequests();
    const page = wb.page;
    await page.evaluate(() => {
      const w = window as unknown as { __firstRow?: number; __progress: string[] };
      delete w.__firstRow;
      w.__progress = [];
      // Also keeps what the progress row said, to show that it counted while the list loaded.
      new MutationObserver(() => {
        if (w.__firstRow === undefined && document.querySelector('.sidebar .monaco-list-row[aria-label^="pkg-"]')) w.__firstRow = performance.now();
        const progress = document.querySelector('.sidebar .monaco-list-row[aria-label^="Loading"]')?.getAttribute('aria-label');
        if (progress && w.__progress.at(-1) !== progress) w.__progress.push(progress);
      }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
    });
    const t0 = await page.evaluate(() => performance.now());
    await project.locator('.monaco-tl-twistie').click();
    await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined, undefined, { timeout: 60_000, polling: 50 });
    const firstRow = await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
    // The find widget on the focused tree, filtering: a name is reachable once its row shows.
    // Focus without a click: a click on the project row would collapse it again.
    await page.locator('.sidebar .monaco-list').first().focus();
    await page.keyboard.press('Control+Alt+F');
    const input = page.locator('.sidebar .monaco-tree-type-filter-input input, .sidebar .monaco-tree-type-filter-input textarea').first();
    await input.waitFor({ timeout: 10_000 });
    // Typing moves the focus to the first match (and scrolls to it); rows that arrive later are
    // not searched until the pattern changes, so retype the last character until it lands.
    for (const name of [NEWEST, OLDEST]) {
      const deadline = Date.now() + 120_000;
      const found = (): Promise<boolean> => page.evaluate((n) => !!document.querySelector(`.sidebar .monaco-list-row[aria-label^="${n} "]`), name);
      do {
        if (Date.now() > deadline) throw new Error(`${name} never became reachable`);
        // One input event per attempt, and a pause: the search itself costs the editor time.
        await input.fill('');
        await input.fill(name);
        await page.waitForTimeout(100);
      } while (!(await found()));
    }
    const reachable = await page.evaluate(() => performance.now());
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    if (progress.length) console.log(`  progress row: ${progress.length} texts, ${progress[0]} … ${progress.at(-1)}`);
    const requests = fake.requests.filter((r) => r.method === 'GET' && r.path.includes(`/projects/`) && /\/packages(\?|$)/.test(r.path)).length;
    return { firstRowsMs: firstRow - t0, allReachableMs: reachable - t0, requests };
  } catch (e) {
    const shot = path.join(root, 'test-results', `bench-ui-failed-${run}.png`);
    mkdirSync(path.dirname(shot), { recursive: true });
    await wb.screenshot(shot).catch(() => undefined);
    throw new Error(`${c.name}, run ${run + 1}: ${(e as Error).message} (screenshot: ${shot})`);
  } finally {
    await wb.close().catch(() => undefined);
    await codeServer.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const tools = provision();
  if (!args.includes('--no-package')) execFileSync('npm', ['run', '--silent', 'vsix'], { cwd: root, stdio: 'inherit' });
  const work = path.join(os.tmpdir(), `gitlab-packages-bench-ui-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const naive = buildNaiveExtension(work, PROJECT.path);

  const fake = await FakeGitLab.start({ seed: 'none' });
  seedSample(fake);
  fake.addProject({ id: PROJECT.id, pathWithNamespace: PROJECT.path, members: { [SAMPLE.userId]: 50 } });
  fake.addPackagesBulk(PROJECT.id, PACKAGES);
  fake.latencyMs = LATENCY;

  const ours = path.join(root, 'gitlab-packages.vsix');
  const contenders: Contender[] = [
    { name: 'this extension', vsix: ours, settings: {} },
    { name: 'this extension, grouped by name', vsix: ours, settings: { 'gitlabPackages.groupByName': true } },
    ...(process.env.BENCH_EXTRA ?? '')
      .split(',')
      .filter(Boolean)
      .map((v) => ({ name: path.basename(v), vsix: v, settings: {} })),
    { name: 'naive reference (pages one after another, one redraw)', vsix: naive, settings: {} },
  ];
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  try {
    // Interleaved, so a slow minute of the machine hits every contender alike.
    for (let run = 0; run < RUNS; run++) {
      for (const c of contenders) {
        const s = await measure(tools, fake, c, run);
        samples.get(c.name)!.push(s);
        console.log(
          `run ${run + 1}/${RUNS} · ${c.name}: first rows ${s.firstRowsMs.toFixed(0)} ms, all reachable ${s.allReachableMs.toFixed(0)} ms, ${s.requests} requests`,
        );
      }
    }
  } finally {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const rows = contenders.map((c) => {
    const s = samples.get(c.name)!;
    return {
      name: c.name,
      firstRowsMs: median(s.map((x) => x.firstRowsMs)),
      allReachableMs: median(s.map((x) => x.allReachableMs)),
      requests: median(s.map((x) => x.requests)),
    };
  });
  const naiveAll = rows[rows.length - 1].allReachableMs;
  console.log(`\nmedian of ${RUNS} runs · ${PACKAGES} packages · latency ${LATENCY} ms · code-server + Chromium · ${os.cpus().length} cores\n`);
  console.log('| | first rows | all reachable | ÷ naive | requests |\n|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${(r.firstRowsMs / 1000).toFixed(2)} s | ${(r.allReachableMs / 1000).toFixed(2)} s | ${(r.allReachableMs / naiveAll).toFixed(2)}× | ${r.requests} |`,
    );
  const out = path.join(root, 'bench-ui-results.json');
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), packages: PACKAGES, latencyMs: LATENCY, runs: RUNS, rows, samples: Object.fromEntries(samples) }, null, 2),
  );
  console.log(`\nwritten: ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
