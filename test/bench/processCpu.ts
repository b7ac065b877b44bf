/**
 * CPU time per process role under the bench process (Linux /proc): what each part of a
 * code-server + Chromium session spent between two snapshots. On a 2-core machine the editor's
 * page, its extension host, the server, the browser and the bench itself (the fake GitLab and
 * Playwright) share both cores, so a figure is only understood beside where the cores went.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of each live process under `root`, in clock ticks, with its role. */
export type CpuSnapshot = Map<number, { role: string; ticks: number }>;

/** Linux's USER_HZ: 100 on every architecture Node runs on here. */
const TICK_MS = 10;

const ROLES: [RegExp, string][] = [
  [/--type=extensionHost/, 'extension host'],
  // The browser's own UI renderer, before the page's (both are --type=renderer).
  [/--top-chrome-webui/, 'browser ui'],
  [/--type=renderer/, 'page'],
  [/--type=gpu-process/, 'browser gpu'],
  [/--type=utility|--type=zygote/, 'browser other'],
  [/chrom/, 'browser'],
  [/code-server\/out\/node\/entry/, 'code-server'],
  [/bootstrap-fork|Server(Main)?\b|languageserver/i, 'code-server helpers'],
];

function roleOf(cmdline: string, pid: number, root: number): string {
  if (pid === root) return 'bench (fake GitLab, Playwright)';
  return ROLES.find(([re]) => re.test(cmdline))?.[1] ?? 'other';
}

/** Every process whose ancestry reaches `root` (the bench: code-server and Chromium are its children). */
export function cpuSnapshot(root = process.pid): CpuSnapshot {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const under = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = stats.get(p)?.ppid ?? 0, hops++) if (p === root) return true;
    return false;
  };
  const snapshot: CpuSnapshot = new Map();
  for (const [pid, s] of stats) {
    if (!under(pid)) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    snapshot.set(pid, { role: roleOf(cmdline, pid, root), ticks: s.ticks });
  }
  return snapshot;
}

/** Milliseconds of CPU per role between two snapshots, largest first (a process born in between counts whole). */
export function cpuByRole(before: CpuSnapshot, after: CpuSnapshot): [string, number][] {
  const byRole = new Map<string, number>();
  for (const [pid, s] of after) {
    const spent = (s.ticks - (before.get(pid)?.ticks ?? 0)) * TICK_MS;
    if (spent > 0) byRole.set(s.role, (byRole.get(s.role) ?? 0) + spent);
  }
  return [...byRole].sort((a, b) => b[1] - a[1]);
}
