/**
 * `npm run bench -- --ui`: a 10,000-package project in a real VS Code (code-server + Chromium,
 * as the end-to-end suite drives it) at 50 ms per request. Times, from the click on the
 * project's twistie (once the workbench has settled): the first package row on screen, the last
 * list request answered, the whole list on screen (its progress row gone), and the moment both
 * the oldest and the newest package have been found with the tree's find widget — for this
 * extension (flat and grouped by name) beside a naive reference extension this script builds
 * (all pages one after another, then one redraw). Each run starts a fresh code-server. Two
 * modes: `probe` retypes the name every 100 ms from the first row on until it shows; `typing`
 * types the newest and the oldest name key by key every second from the first row on, as a
 * person looking for a package does (a name is found when its row first shows after its typing
 * began). Also: how often the find widget's input lost the focus to the list, how often the
 * editor read the project's children during the expand and how many rows each read returned
 * (this extension's debug log line, so code-server runs at `--log debug` for every contender;
 * `--no-reads` leaves it at info), and the bytes per row the extension host sends (rowBytes.ts,
 * run alone as a script), and per run the CPU time each process spent from the click on (the page,
 * the extension host, the browser, code-server, the bench with the fake: processCpu.ts; both cores
 * are shared). Prints a table (median and min–max per contender × mode) and writes every run to
 * bench-ui-results.json (git-ignored). BENCH_UI_ARRIVALS=1 also prints, per run, when the
 * extension sent each list request (its debug log), when the fake accepted each connection, when
 * the requests came in and were answered, and each input of the find widget (time:length; -1
 * where its input lost the focus to the list).
 *
 *   npm run bench -- --ui [--mode probe|typing|both] [--latency 50] [--runs 3] [--packages 10000] [--no-package] [--no-reads]
 *   npm run bench -- --ui --cpu-prof   (profiles of the page and the extension host per run, in bench-ui-profiles/;
 *                                      build with KEEP_NAMES=1 npm run vsix and add --no-package for readable names)
 *   BENCH_EXTRA=a.vsix,b.vsix npm run bench -- --ui   (other builds side by side)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseProjectEntry } from '../../src/core/projects/projectRef';
import { projectRowId } from '../../src/tree/nodeIds';
import type { FakeGitLab } from '../fake-gitlab/server';
import { provision, type Tools } from '../e2e/provision';
import type { Workbench } from '../e2e/workbench';
import { profileExtensionHost, profilePage } from './cpuProfiles';
import { cpuByRole, cpuSnapshot } from './processCpu';
import { buildNaiveExtension } from './naiveExtension';
import { args, opt } from './options';
import { contenders as sessionContenders, median, openFindWidget, openSession, PROJECT, startBenchFake, type Contender as SessionContender } from './uiSession';

const LATENCY = opt('latency', 50);
const RUNS = Math.max(1, opt('runs', 3));
const PACKAGES = opt('packages', 10_000);
const root = path.resolve(__dirname, '..', '..');
const OLDEST = 'pkg-00000';
const NEWEST = `pkg-${String(PACKAGES - 1).padStart(5, '0')}`;
/** Off: code-server at its default log level, and no reads counted (to see what debug logging costs). */
const READS = !args.includes('--no-reads');
const MODES = ['probe', 'typing'] as const;
type Mode = (typeof MODES)[number];
const modeArg = args[args.indexOf('--mode') + 1];
if (args.includes('--mode') && ![...MODES, 'both'].includes(modeArg)) throw new Error(`--mode takes probe, typing or both (not ${modeArg})`);
/** CPU profiles of the page (the workbench) and the extension host from the click until both names showed. */
const PROFILE = args.includes('--cpu-prof');
const modes: readonly Mode[] = args.includes('--mode') && modeArg !== 'both' ? [modeArg as Mode] : MODES;

interface Contender extends SessionContender {
  /** Its rows' bytes across the extension-host boundary (this working tree's code only). */
  rowBytes?: RowBytes;
}

/** One line of rowBytes.ts: a layout's bytes per package row as the extension host sends it. */
interface RowBytes {
  layout: string;
  bytesPerRow: number;
  rows: number;
}

/**
 * Runs rowBytes.ts (this working tree's code, no editor) for `packages` rows and reads its
 * `<layout>: <n> bytes/row, <m> MiB for <rows> rows` lines: it stays a script of its own.
 */
function rowBytes(packages: number): RowBytes[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'rowBytes.ts'), '--packages', String(packages)], {
    cwd: root,
    encoding: 'utf8',
  });
  const lines = [...out.matchAll(/^(.+): ([\d.]+) bytes\/row, [\d.]+ MiB for ([\d,]+) rows$/gm)];
  if (!lines.length) throw new Error(`rowBytes.ts printed no bytes/row line:\n${out}`);
  return lines.map((m) => ({ layout: m[1], bytesPerRow: Number(m[2]), rows: Number(m[3].replace(/,/g, '')) }));
}

interface Sample {
  mode: Mode;
  firstRowsMs: number;
  /** From the click until the last list request was answered. */
  networkMs: number;
  /** From the click until the extension had the rows of the editor's last read (its log's clock). */
  lastReadMs?: number;
  /** From the click until the progress row went: the whole list on screen. */
  listInMs?: number;
  allReachableMs: number;
  /** Times the find widget's input lost the keyboard focus to the list while the names were typed. */
  focusLost: number;
  requests: number;
  /** TCP connections opened to the fake from the click on (one per request without keep-alive). */
  connections: number;
  /** CPU milliseconds per process role from the click until both names showed (processCpu.ts). */
  cpu: [string, number][];
  /** Rows each read of the project's children returned, in order (undefined: the contender does not log them). */
  reads?: number[];
}

/** One run: fresh code-server, expand the project, time first rows and both ends findable. */
async function measure(tools: Tools, fake: FakeGitLab, c: Contender, mode: Mode, run: number): Promise<Sample> {
  // Debug, so this extension's log has its getChildren lines; every contender alike.
  const session = await openSession(tools, fake, c, `ui-${run}`, READS ? ['--log', 'debug'] : []);
  const { codeServer, wb, project } = session;
  try {
    fake.clearRequests();
    const wire = watchFake(fake);
    const page = wb.page;
    await page.evaluate(() => {
      const w = window as unknown as {
        __firstRow?: number;
        __listIn?: number;
        __progress: string[];
        __focusLost: number;
        __typing: Record<string, number>;
        __seen: Record<string, number>;
        __keys: [number, number][];
      };
      delete w.__firstRow;
      delete w.__listIn;
      w.__progress = [];
      // How often the find widget's input lost the focus to the list while the test typed.
      w.__focusLost = 0;
      document.addEventListener('focusout', (e) => {
        const from = e.target as Element | null;
        const to = e.relatedTarget as Element | null;
        if (from?.closest('.monaco-tree-type-filter-input') && to?.closest('.sidebar .monaco-list')) {
          w.__focusLost++;
          w.__keys.push([performance.now(), -1]);
        }
      });
      // Also keeps what the progress row said, to show that it counted while the list loaded.
      // typing: when each name's row was first on screen after its typing began.
      w.__typing = {};
      w.__seen = {};
      w.__keys = [];
      document.addEventListener(
        'input',
        (e) => {
          const el = e.target as HTMLInputElement | null;
          if (el?.closest('.monaco-tree-type-filter-input')) w.__keys.push([performance.now(), el.value.length]);
        },
        true,
      );
      new MutationObserver(() => {
        for (const name of Object.keys(w.__typing))
          if (w.__seen[name] === undefined && document.querySelector(`.sidebar .monaco-list-row[aria-label^="${name} "]`)) w.__seen[name] = performance.now();
        if (w.__firstRow === undefined && document.querySelector('.sidebar .monaco-list-row[aria-label^="pkg-"]')) w.__firstRow = performance.now();
        const progress = document.querySelector('.sidebar .monaco-list-row[aria-label^="Loading"]')?.getAttribute('aria-label');
        if (progress && w.__progress.at(-1) !== progress) w.__progress.push(progress);
        // The whole list is in once the progress row has gone (a contender without one: its first rows).
        if (w.__listIn === undefined && w.__firstRow !== undefined && !progress) w.__listIn = performance.now();
      }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
    });
    const t0 = await page.evaluate(() => performance.now());
    const t0Wall = Date.now();
    const profiles = PROFILE ? { page: await profilePage(page), host: await profileExtensionHost() } : undefined;
    const cpuBefore = cpuSnapshot();
    await project.locator('.monaco-tl-twistie').click();
    await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined, undefined, { timeout: 60_000, polling: 50 });
    const firstRow = await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
    // A name is reachable once its row shows.
    const input = await openFindWidget(page);
    const reachable = mode === 'probe' ? await probe(page, input) : await typeAsAPerson(page, input);
    const cpu = cpuByRole(cpuBefore, cpuSnapshot());
    if (profiles) {
      const stem = path.join(root, 'bench-ui-profiles', `${c.name.split(' (')[0].replace(/\W+/g, '-')}-${mode}-${run + 1}`);
      await profiles.page.stop(`${stem}.page.cpuprofile`);
      await profiles.host.stop(`${stem}.host.cpuprofile`);
      console.log(`  profiles: ${path.relative(root, stem)}.{page,host}.cpuprofile`);
    }
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    if (progress.length) console.log(`  progress row: ${progress.length} texts, ${progress[0]} … ${progress.at(-1)}`);
    const lists = fake.requests.filter((r) => isListRequest(r.method, r.path));
    const answers = wire.stop();
    const networkMs = answers.length ? Math.max(...answers) - t0Wall : 0;
    if (process.env.BENCH_UI_ARRIVALS) {
      console.log(`  list requests in (ms after the click): ${lists.map((r) => r.at - t0Wall).join(' ')}`);
      console.log(`  list answers sent (ms after the click): ${answers.map((at) => at - t0Wall).join(' ')}`);
      const keys = await page.evaluate(() => (window as unknown as { __keys: [number, number][] }).__keys);
      console.log(`  find input (ms after the click:length): ${keys.map(([at, n]) => `${Math.round(at - t0)}:${n}`).join(' ')}`);
    }
    const { listIn, focusLost } = await page.evaluate(() => {
      const w = window as unknown as { __listIn?: number; __focusLost: number };
      return { listIn: w.__listIn, focusLost: w.__focusLost };
    });
    const logged = READS && c.logsReads ? await readsOf(codeServer, fake.url) : undefined;
    if (process.env.BENCH_UI_ARRIVALS) {
      const accepted = wire.connections().map((at) => at - t0Wall);
      console.log(`  connections accepted (ms after the click): ${accepted.join(' ')}`);
      // Logged once the read is in, so only where the reads are.
      if (logged) {
        const sent = listRequestsLogged(codeServer.logs()).map((r) => r.sentAt - t0Wall);
        console.log(`  list requests the extension sent (ms after the click, its log): ${sent.join(' ')}`);
      }
    }
    const reads = logged?.map((r) => r.rows);
    const lastRead = logged?.at(-1);
    return {
      mode,
      firstRowsMs: firstRow - t0,
      networkMs,
      lastReadMs: lastRead ? lastRead.at - t0Wall : undefined,
      listInMs: listIn === undefined ? undefined : listIn - t0,
      allReachableMs: reachable - t0,
      focusLost,
      requests: lists.length,
      connections: wire.connections().length,
      cpu,
      reads,
    };
  } catch (e) {
    const shot = path.join(root, 'test-results', `bench-ui-failed-${run}.png`);
    mkdirSync(path.dirname(shot), { recursive: true });
    await wb.screenshot(shot).catch(() => undefined);
    throw new Error(`${c.name}, run ${run + 1}: ${(e as Error).message} (screenshot: ${shot})`);
  } finally {
    await session.close();
  }
}

type Page = Workbench['page'];

/** A project's package list, as the fake records it. */
const isListRequest = (method: string, requestPath: string): boolean =>
  method === 'GET' && requestPath.includes('/projects/') && /\/packages(\?|$)/.test(requestPath);

/**
 * The fake's socket as the bench sees it (the fake records when requests come in, not when
 * answers leave): when each TCP connection was accepted (keep-alive reuses them) and when each
 * list answer was sent. `stop` detaches and returns the answers' times (Date.now()).
 */
function watchFake(fake: FakeGitLab): { connections(): number[]; stop(): number[] } {
  const server = (fake as unknown as { server: http.Server }).server;
  const connections: number[] = [];
  const answers: number[] = [];
  const onConnection = (): void => {
    connections.push(Date.now());
  };
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (isListRequest(req.method ?? '', (req.url ?? '').split('?')[0])) res.on('finish', () => answers.push(Date.now()));
  };
  server.on('connection', onConnection);
  server.on('request', onRequest);
  return {
    connections: () => connections,
    stop: () => {
      server.off('connection', onConnection);
      server.off('request', onRequest);
      return answers;
    },
  };
}
type Input = ReturnType<Page['locator']>;
const shows = (page: Page, name: string): Promise<boolean> =>
  page.evaluate((n) => !!document.querySelector(`.sidebar .monaco-list-row[aria-label^="${n} "]`), name);

/**
 * `probe`: typing moves the focus to the first match (and scrolls to it); rows that arrive later
 * are not searched until the pattern changes, so retype the name until it lands. Returns when
 * both showed (page clock).
 */
async function probe(page: Page, input: Input): Promise<number> {
  for (const name of [NEWEST, OLDEST]) {
    const deadline = Date.now() + 120_000;
    do {
      if (Date.now() > deadline) throw new Error(`${name} never became reachable`);
      // One input event per attempt, and a pause: the search itself costs the editor time.
      await input.fill('');
      await input.fill(name);
      await page.waitForTimeout(100);
    } while (!(await shows(page, name)));
  }
  return page.evaluate(() => performance.now());
}

/**
 * `typing`: every second, each name not found yet is typed over the last one key by key, then
 * looked for briefly, as a person does. A name is found the moment its row is first on screen
 * after its typing began (the page's MutationObserver notes it): a row that shows while the
 * person waits, because the list came in under the name already typed, counts then, not at the
 * next retyping. Returns when the second one showed (page clock).
 */
async function typeAsAPerson(page: Page, input: Input): Promise<number> {
  const seen = (): Promise<Record<string, number>> => page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
  const left = new Set([NEWEST, OLDEST]);
  const deadline = Date.now() + 120_000;
  while (left.size) {
    if (Date.now() > deadline) throw new Error(`${[...left].join(' and ')} never became reachable`);
    const tick = Date.now();
    for (const name of [...left]) {
      if ((await seen())[name] !== undefined) continue;
      await page.evaluate((n) => {
        const typing = (window as unknown as { __typing: Record<string, number> }).__typing;
        typing[n] ??= performance.now();
      }, name);
      await input.press('Control+a');
      await input.pressSequentially(name, { delay: 30 });
      await page
        .waitForFunction((n) => (window as unknown as { __seen: Record<string, number> }).__seen[n] !== undefined, name, { timeout: 300, polling: 50 })
        .catch(() => undefined);
    }
    const found = await seen();
    for (const name of [...left]) if (found[name] !== undefined) left.delete(name);
    if (left.size) await page.waitForTimeout(Math.max(0, 1000 - (Date.now() - tick)));
  }
  const found = await seen();
  return Math.max(found[NEWEST], found[OLDEST]);
}

/** One `getChildren` read of the project's rows in this extension's log. */
interface Read {
  rows: number;
  /** When the extension had the rows (the log line's time), Date.now() clock. */
  at: number;
}

/** The project's `getChildren` reads in this extension's log, in order. */
async function readsOf(codeServer: { logs(): string }, fakeUrl: string): Promise<Read[]> {
  const entry = parseProjectEntry(PROJECT.path, fakeUrl);
  if (!entry.ok) throw new Error(`${PROJECT.path} is no project entry`);
  // The id as this working tree's extension gives the project row (a build from elsewhere may differ).
  const line = `getChildren ${projectRowId(entry.ref, false)} → `;
  const parse = (): Read[] =>
    codeServer
      .logs()
      .split('\n')
      .flatMap((l) => {
        const at = l.indexOf(line);
        if (at < 0) return [];
        return [{ rows: Number(/^(\d+) rows/.exec(l.slice(at + line.length))?.[1]), at: logTime(l) }];
      });
  // The log file is written a little after the line: wait until it stops growing.
  let reads = parse();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const again = parse();
    if (again.length && again.length === reads.length) break;
    reads = again;
  }
  return reads;
}

/** The local time a log line starts with (`2026-12-04 19:40:12.345 [debug] …`), Date.now() clock. */
function logTime(line: string): number {
  const time = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line);
  return time ? new Date(`${time[1]}T${time[2]}`).getTime() : NaN;
}

/**
 * The list requests in this extension's debug log (`GET /projects/…/packages?… → 200 in 57 ms`,
 * written when the answer is read): when each was sent, the line's time less its duration.
 */
function listRequestsLogged(logs: string): { sentAt: number }[] {
  return logs
    .split('\n')
    .flatMap((l) => {
      const m = / GET \/projects\/[^/ ]+\/packages\?\S* → \d+ in (\d+) ms/.exec(l);
      return m ? [{ sentAt: logTime(l) - Number(m[1]) }] : [];
    })
    .sort((a, b) => a.sentAt - b.sentAt);
}

const spread = (xs: number[]): string => `${(median(xs) / 1000).toFixed(2)} s (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})`;
/** Reads per expand and the rows each returned, shortened past six. */
const readsText = (reads: number[] | undefined): string =>
  !reads
    ? 'n/a'
    : !reads.length
      ? 'none logged'
      : `${reads.length}: ${reads.length <= 6 ? reads.join(', ') : `${reads.slice(0, 3).join(', ')} … ${reads.slice(-2).join(', ')}`}`;

async function main(): Promise<void> {
  const tools = provision();
  if (!args.includes('--no-package')) execFileSync('npm', ['run', '--silent', 'vsix'], { cwd: root, stdio: 'inherit' });
  const work = path.join(os.tmpdir(), `gitlab-packages-bench-ui-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const naive = buildNaiveExtension(work, PROJECT.path);

  const fake = await startBenchFake(PACKAGES, LATENCY);

  // Measured from this working tree's code (so not for BENCH_EXTRA builds).
  const bytes = rowBytes(PACKAGES);
  const bytesOf = (layout: RegExp): RowBytes | undefined => bytes.find((b) => layout.test(b.layout));
  const flatBytes = bytesOf(/^the UI bench \(/);
  const groupedBytes = bytesOf(/^the UI bench grouped/);
  const contenders: Contender[] = sessionContenders(naive).map((c, i) => ({ ...c, rowBytes: [flatBytes, groupedBytes][i] }));
  const key = (c: Contender, mode: Mode): string => `${c.name} · ${mode}`;
  const samples = new Map<string, Sample[]>(contenders.flatMap((c) => modes.map((m) => [key(c, m), []] as const)));
  try {
    // Interleaved, so a slow minute of the machine hits every contender and mode alike.
    for (let run = 0; run < RUNS; run++) {
      for (const mode of modes) {
        for (const c of contenders) {
          const s = await measure(tools, fake, c, mode, run);
          samples.get(key(c, mode))!.push(s);
          console.log(
            `run ${run + 1}/${RUNS} · ${mode} · ${c.name}: first rows ${s.firstRowsMs.toFixed(0)} ms, network done ${s.networkMs.toFixed(0)} ms, last read ${s.lastReadMs?.toFixed(0) ?? '?'} ms, list in ${s.listInMs?.toFixed(0) ?? '?'} ms, all reachable ${s.allReachableMs.toFixed(0)} ms, find widget lost the focus ${s.focusLost}×, ${s.requests} requests over ${s.connections} connections, getChildren reads ${readsText(s.reads)}; CPU ms ${s.cpu.map(([role, ms]) => `${role} ${ms}`).join(', ')}`,
          );
        }
      }
    }
  } finally {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const naiveOf = (mode: Mode): number => median(samples.get(key(contenders[contenders.length - 1], mode))!.map((x) => x.allReachableMs));
  const rows = modes.flatMap((mode) =>
    contenders.map((c) => {
      const s = samples.get(key(c, mode))!;
      const first = s.map((x) => x.firstRowsMs);
      const all = s.map((x) => x.allReachableMs);
      const network = s.map((x) => x.networkMs);
      const listIn = s.map((x) => x.listInMs).filter((x): x is number => x !== undefined);
      const reads = s.map((x) => x.reads).filter((r): r is number[] => r !== undefined);
      const cpuOf = (role: string): number => median(s.map((x) => x.cpu.find(([r]) => r === role)?.[1] ?? 0));
      return {
        name: c.name,
        mode,
        firstRowsMs: median(first),
        firstRowsMinMs: Math.min(...first),
        firstRowsMaxMs: Math.max(...first),
        allReachableMs: median(all),
        allReachableMinMs: Math.min(...all),
        allReachableMaxMs: Math.max(...all),
        ofNaive: median(all) / naiveOf(mode),
        networkMs: median(network),
        listInMs: listIn.length ? median(listIn) : undefined,
        focusLost: median(s.map((x) => x.focusLost)),
        requests: median(s.map((x) => x.requests)),
        // The reads of the median run by count; every run's are in the samples.
        getChildrenReads: reads.length ? median(reads.map((r) => r.length)) : undefined,
        bytesPerRow: c.rowBytes?.bytesPerRow,
        pageCpuMs: cpuOf('page'),
        hostCpuMs: cpuOf('extension host'),
        text: {
          first: spread(first),
          all: spread(all),
          network: spread(network),
          listIn: listIn.length ? spread(listIn) : 'n/a',
          reads: reads.length ? readsText(reads.find((r) => r.length === median(reads.map((x) => x.length)))) : 'n/a',
        },
      };
    }),
  );
  console.log(`\nmedian (min–max) of ${RUNS} runs · ${PACKAGES} packages · latency ${LATENCY} ms · code-server + Chromium · ${os.cpus().length} cores\n`);
  console.log(
    '| | mode | first rows | network done | whole list on screen | all reachable | ÷ naive | find widget lost the focus | requests | getChildren reads: rows each | bytes/row | CPU: page, extension host |\n|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.mode} | ${r.text.first} | ${r.text.network} | ${r.text.listIn} | ${r.text.all} | ${r.ofNaive.toFixed(2)}× | ${r.focusLost}× | ${r.requests} | ${r.text.reads} | ${r.bytesPerRow?.toFixed(0) ?? 'n/a'} | ${(r.pageCpuMs / 1000).toFixed(2)} s, ${(r.hostCpuMs / 1000).toFixed(2)} s |`,
    );
  console.log('\nbytes per package row across the extension-host boundary (rowBytes.ts):');
  for (const b of bytes) console.log(`  ${b.layout}: ${b.bytesPerRow} bytes/row × ${b.rows.toLocaleString('en-US')} rows`);
  const out = path.join(root, 'bench-ui-results.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        packages: PACKAGES,
        latencyMs: LATENCY,
        runs: RUNS,
        modes,
        cores: os.cpus().length,
        rowBytes: bytes,
        rows: rows.map(({ text: _text, ...r }) => r),
        samples: Object.fromEntries(samples),
      },
      null,
      2,
    ),
  );
  console.log(`\nwritten: ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
