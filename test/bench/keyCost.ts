/**
 * `npm run bench -- --keys`: what one key typed into the tree's find widget costs the editor
 * once a 10,000-package list is on screen. Each key refilters the list and draws every visible
 * row again, so a row that is dearer to draw (its icon, its inline action, the menu VS Code works
 * out for it) makes every key dearer. The UI bench's `typing` mode types 27 keys before it has
 * both names: this is the part of its figure the rows decide. For this extension (flat and
 * grouped), other builds (BENCH_EXTRA), and the naive reference (rows with a label and a
 * version only): the page's CPU milliseconds per key and the wall milliseconds per key, median
 * and range of `--runs` interleaved runs.
 *
 *   npm run bench -- --keys [--runs 3] [--keys-typed 120] [--packages 10000] [--no-package]
 *   BENCH_EXTRA=a.vsix,b.vsix npm run bench -- --keys   (other builds side by side)
 *   npm run bench -- --keys --cpu-prof   (a profile of the page while the keys are typed, per run, in bench-ui-profiles/;
 *                                        the profiler adds to the figures)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { provision, type Tools } from '../e2e/provision';
import type { FakeGitLab } from '../fake-gitlab/server';
import { buildNaiveExtension } from './naiveExtension';
import { args, opt } from './options';
import { profilePage } from './cpuProfiles';
import { cpuByRole, cpuSnapshot } from './processCpu';
import { contenders, median, openFindWidget, openSession, PROJECT, startBenchFake, type Contender } from './uiSession';

const RUNS = Math.max(1, opt('runs', 3));
const KEYS = Math.max(2, opt('keys-typed', 120));
const PACKAGES = opt('packages', 10_000);
const root = path.resolve(__dirname, '..', '..');
const PROFILE = args.includes('--cpu-prof');

interface KeyCost {
  pageCpuMs: number;
  wallMs: number;
}

async function measure(tools: Tools, fake: FakeGitLab, c: Contender, run: number): Promise<KeyCost> {
  const session = await openSession(tools, fake, c, `keys-${run}`);
  try {
    const page = session.wb.page;
    await session.project.locator('.monaco-tl-twistie').click();
    // The whole list in: a package row, and no progress row.
    await page.waitForFunction(
      () =>
        !!document.querySelector('.sidebar .monaco-list-row[aria-label^="pkg-"]') &&
        !document.querySelector('.sidebar .monaco-list-row[aria-label^="Loading"]'),
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    await session.wb.quietPeriod();
    const input = await openFindWidget(page);
    // A name typed and taken back key by key: every key changes the pattern.
    const name = 'pkg-04321';
    const keys = Array.from({ length: KEYS }, (_, i) => (Math.floor(i / name.length) % 2 === 0 ? name[i % name.length] : 'Backspace'));
    const profiling = PROFILE ? await profilePage(page) : undefined;
    const before = cpuSnapshot();
    const started = Date.now();
    // Each press returns once the page has handled the key.
    for (const key of keys) await input.press(key);
    const wallMs = Date.now() - started;
    const pageCpuMs = cpuByRole(before, cpuSnapshot()).find(([role]) => role === 'page')?.[1] ?? 0;
    await profiling?.stop(path.join(root, 'bench-ui-profiles', `keys-${c.name.replace(/\W+/g, '-')}-${run + 1}.page.cpuprofile`));
    return { pageCpuMs: pageCpuMs / keys.length, wallMs: wallMs / keys.length };
  } finally {
    await session.close();
  }
}

const spread = (xs: number[]): string => `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

async function main(): Promise<void> {
  const tools = provision();
  if (!args.includes('--no-package')) execFileSync('npm', ['run', '--silent', 'vsix'], { cwd: root, stdio: 'inherit' });
  const work = path.join(os.tmpdir(), `gitlab-packages-bench-keys-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const fake = await startBenchFake(PACKAGES, 0);
  const all = contenders(buildNaiveExtension(work, PROJECT.path));
  const results = new Map(all.map((c) => [c.name, [] as KeyCost[]]));
  try {
    // Interleaved, so a slow minute of the machine hits every contender alike.
    for (let run = 0; run < RUNS; run++) {
      for (const c of all) {
        const r = await measure(tools, fake, c, run);
        results.get(c.name)!.push(r);
        console.log(`run ${run + 1}/${RUNS} · ${c.name}: page CPU ${r.pageCpuMs.toFixed(1)} ms per key, ${r.wallMs.toFixed(1)} ms per key`);
      }
    }
  } finally {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\nmedian (min–max) of ${RUNS} runs · ${KEYS} keys into the find widget over ${PACKAGES} packages · code-server + Chromium · ${os.cpus().length} cores\n`,
  );
  console.log('| | page CPU per key | wall per key |\n|---|---|---|');
  for (const c of all) {
    const r = results.get(c.name)!;
    console.log(`| ${c.name} | ${spread(r.map((x) => x.pageCpuMs))} | ${spread(r.map((x) => x.wallMs))} |`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
