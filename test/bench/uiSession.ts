/**
 * What the benches in a real VS Code share (ui.ts, keyCost.ts): the fake GitLab with one big
 * project, the contenders (this extension flat and grouped, other builds from BENCH_EXTRA, the
 * naive reference), and a fresh code-server with the project's row on screen, the workbench
 * settled.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';
import { startCodeServer } from '../e2e/codeServer';
import type { Tools } from '../e2e/provision';
import { Workbench } from '../e2e/workbench';

export const PROJECT = { id: 9101, path: 'bench/ui' };
const root = path.resolve(__dirname, '..', '..');

export interface Contender {
  name: string;
  vsix: string;
  settings: Record<string, unknown>;
  /** Whether its log says when the editor read the tree (this extension's debug line). */
  logsReads: boolean;
}

/** This working tree's build flat and grouped, the builds BENCH_EXTRA names, then the naive reference (last). */
export function contenders(naiveVsix: string): Contender[] {
  const ours = path.join(root, 'gitlab-packages.vsix');
  return [
    { name: 'this extension', vsix: ours, settings: {}, logsReads: true },
    { name: 'this extension, grouped by name', vsix: ours, settings: { 'gitlabPackages.groupByName': true }, logsReads: true },
    ...(process.env.BENCH_EXTRA ?? '')
      .split(',')
      .filter(Boolean)
      .map((v) => ({ name: path.basename(v), vsix: v, settings: {}, logsReads: true })),
    { name: 'naive reference (pages one after another, one redraw)', vsix: naiveVsix, settings: {}, logsReads: false },
  ];
}

/** The fake with the sample user and one project of `packages` packages. */
export async function startBenchFake(packages: number, latencyMs: number): Promise<FakeGitLab> {
  const fake = await FakeGitLab.start({ seed: 'none' });
  seedSample(fake);
  fake.addProject({ id: PROJECT.id, pathWithNamespace: PROJECT.path, members: { [SAMPLE.userId]: 50 } });
  fake.addPackagesBulk(PROJECT.id, packages);
  fake.latencyMs = latencyMs;
  return fake;
}

export interface BenchSession {
  codeServer: Awaited<ReturnType<typeof startCodeServer>>;
  wb: Workbench;
  /** The project's row, not expanded yet. */
  project: Awaited<ReturnType<Workbench['row']>>;
  close(): Promise<void>;
}

/**
 * A fresh code-server with `c` installed, the view open and the workbench settled: activation's
 * own requests done, and no long task for a second (it registers settings and contributions for
 * seconds after the view shows), as a person looks at the view before clicking.
 */
export async function openSession(tools: Tools, fake: FakeGitLab, c: Contender, tag: string, serverArgs: string[] = []): Promise<BenchSession> {
  const runDir = path.join(root, '.vscode-test', `bench-${tag}-${Date.now()}`);
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
    args: serverArgs,
  });
  const wb = await Workbench.launch(tools.chromium, codeServer.url);
  const close = async (): Promise<void> => {
    await wb.close().catch(() => undefined);
    await codeServer.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
  try {
    await wb.open(codeServer.url, codeServer.workspace);
    await wb.openViewContainer('GitLab Packages');
    const project = await wb.row(PROJECT.path, 60_000);
    await wb.quietPeriod();
    await settledPage(wb.page);
    return { codeServer, wb, project, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Opens the find widget on the tree and returns its input. Focuses the list without a click: a
 * click on the project row would collapse it again.
 */
export async function openFindWidget(page: Workbench['page']): Promise<ReturnType<Workbench['page']['locator']>> {
  await page.locator('.sidebar .monaco-list').first().focus();
  await page.keyboard.press('Control+Alt+F');
  const input = page.locator('.sidebar .monaco-tree-type-filter-input input, .sidebar .monaco-tree-type-filter-input textarea').first();
  await input.waitFor({ timeout: 10_000 });
  return input;
}

/** Waits until the page has run no task over 50 ms for a second (at most 30 s). */
async function settledPage(page: Workbench['page']): Promise<void> {
  // No named functions inside: the page has no `__name` helper for tsx to wrap them with.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        let last = started;
        const observer = new PerformanceObserver(() => {
          last = performance.now();
        });
        observer.observe({ type: 'longtask' });
        const timer = setInterval(() => {
          const now = performance.now();
          if (now - last < 1000 && now - started < 30_000) return;
          clearInterval(timer);
          observer.disconnect();
          resolve();
        }, 100);
      }),
  );
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
