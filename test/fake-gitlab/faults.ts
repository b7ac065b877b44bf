/**
 * Scripted and random faults the fake GitLab can inject, per route. Most fire before the route
 * runs (GitLab never saw the request); a `LostAnswer` fires after it (GitLab did the work, the
 * answer never reached the client), and a `delay` longer than the client's timeout is a request
 * GitLab applies after the client gave up.
 */
import type * as http from 'node:http';

/**
 * The request reached GitLab and was applied (a DELETE marked the package `pending_destruction`,
 * GitLab: app/services/packages/mark_package_for_destruction_service.rb), then the answer was lost:
 * - `appliedThenConnectionDropped`: the connection closed before any answer (a proxy restart, a
 *   load balancer's idle cut);
 * - `appliedThenNoAnswer`: nothing comes back, the client's own timeout ends it;
 * - `appliedThenProxyError`: the proxy in front answers 502 (upstream closed) or 504 (upstream
 *   too slow) with its HTML page, as nginx does.
 */
export type LostAnswer = { kind: 'appliedThenConnectionDropped' } | { kind: 'appliedThenNoAnswer' } | { kind: 'appliedThenProxyError'; status: 502 | 504 };

export type Fault =
  | { status: number; body?: string | object; headers?: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  /** Held until the test opens the gate, then answered as usual (what a `delay` does, but the test says when). */
  | { kind: 'hold'; gate: Gate }
  /**
   * The connection drops at once (a load balancer's idle cut, a proxy restarting), yet the request is on its way
   * upstream and GitLab applies it `ms` later — after the client has read the package again.
   */
  | { kind: 'droppedThenAppliedLater'; ms: number }
  | { kind: 'html' }
  | { kind: 'truncated' }
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 307 }
  | LostAnswer;

/**
 * Requests held until the test lets them through: the test, not a clock, decides when GitLab
 * answers (no sleeps, and the same order on a slow machine as on a fast one).
 */
export class Gate {
  private reached = 0;
  private readonly waiting: { n: number; resolve: () => void }[] = [];
  private opened = false;
  private readonly held: (() => void)[] = [];

  /** How many requests have reached the gate so far. */
  get arrivals(): number {
    return this.reached;
  }

  /** Resolves once `n` requests have reached the gate. */
  arrived(n = 1): Promise<void> {
    if (this.reached >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ n, resolve }));
  }

  /** Lets the held requests through, and any later one at once. */
  release(): void {
    this.opened = true;
    for (const go of this.held.splice(0)) go();
  }

  /** The server's side: counts the request, then waits while the gate is shut. */
  pass(): Promise<void> {
    this.reached++;
    for (const w of this.waiting.filter((w) => w.n <= this.reached)) {
      this.waiting.splice(this.waiting.indexOf(w), 1);
      w.resolve();
    }
    return this.opened ? Promise.resolve() : new Promise((resolve) => this.held.push(resolve));
  }
}

export function isLostAnswer(fault: Fault | undefined): fault is LostAnswer {
  return !!fault && 'kind' in fault && fault.kind.startsWith('applied');
}

/** Loses the answer of a request the route has applied; `park` keeps a response that never ends (stop() closes it). */
export function loseAnswer(fault: LostAnswer, res: http.ServerResponse, park: (res: http.ServerResponse) => void): void {
  switch (fault.kind) {
    case 'appliedThenConnectionDropped':
      res.socket?.destroy();
      return;
    case 'appliedThenNoAnswer':
      park(res);
      return;
    case 'appliedThenProxyError': {
      const title = fault.status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end(`<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`);
    }
  }
}

export interface RouteMatch {
  method?: string;
  path: string | RegExp;
  /** Only requests whose query has these values (e.g. `{ page: '2' }`). */
  query?: Record<string, string>;
}

interface Scripted {
  match: RouteMatch;
  fault: Fault;
  remaining: number;
}

/** Random faults per request, as fractions (0..1); used by the chaos run. */
export interface ChaosRates {
  serverError?: number;
  rateLimited?: number;
  reset?: number;
  slow?: number;
  slowMs?: number;
  redirect?: number;
  /** Applied by GitLab, then the answer lost (a `LostAnswer`, the three kinds in turn). */
  lostAnswer?: number;
  /** Dropped at once, applied by GitLab `lateMs` later (a `droppedThenAppliedLater`). */
  droppedThenApplied?: number;
  lateMs?: number;
  /** Only requests whose method is listed are affected (default: GET). */
  methods?: string[];
}

const LOST_ANSWERS: LostAnswer[] = [
  { kind: 'appliedThenConnectionDropped' },
  { kind: 'appliedThenNoAnswer' },
  { kind: 'appliedThenProxyError', status: 502 },
  { kind: 'appliedThenProxyError', status: 504 },
];

export class Faults {
  private scripted: Scripted[] = [];
  chaos: ChaosRates | undefined;
  /** Deterministic pseudo-random source so a chaos run can be replayed. */
  private seed = 42;

  add(match: RouteMatch, fault: Fault, times: number): void {
    this.scripted.push({ match, fault, remaining: times });
  }

  clear(): void {
    this.scripted = [];
    this.chaos = undefined;
  }

  reseed(seed: number): void {
    this.seed = seed;
  }

  /** The fault for this request, if any (scripted first, then chaos; no chaos redirect without a target). */
  take(method: string, path: string, redirectTarget: string | undefined, query: Record<string, string> = {}): Fault | undefined {
    const hit = this.scripted.find(
      (s) =>
        s.remaining > 0 &&
        (!s.match.method || s.match.method === method) &&
        (typeof s.match.path === 'string' ? s.match.path === path : s.match.path.test(path)) &&
        Object.entries(s.match.query ?? {}).every(([k, v]) => query[k] === v),
    );
    if (hit) {
      hit.remaining--;
      this.scripted = this.scripted.filter((s) => s.remaining > 0);
      return hit.fault;
    }
    const c = this.chaos;
    if (!c || !(c.methods ?? ['GET']).includes(method)) return undefined;
    let r = this.random();
    const pick = (rate: number | undefined): boolean => {
      r -= rate ?? 0;
      return r < 0;
    };
    if (pick(c.serverError)) return { status: [500, 502, 503][Math.floor(this.random() * 3)], body: { message: '502 Bad Gateway' } };
    if (pick(c.rateLimited)) return { status: 429, body: 'Retry later', headers: { 'Retry-After': '1' } };
    if (pick(c.reset)) return { kind: 'reset' };
    if (pick(c.slow)) return { kind: 'delay', ms: c.slowMs ?? 5_000 };
    if (pick(c.redirect) && redirectTarget) return { kind: 'redirect', location: redirectTarget, status: 307 };
    if (pick(c.lostAnswer)) return LOST_ANSWERS[Math.floor(this.random() * LOST_ANSWERS.length)];
    if (pick(c.droppedThenApplied)) return { kind: 'droppedThenAppliedLater', ms: c.lateMs ?? 1_000 };
    return undefined;
  }

  private random(): number {
    // mulberry32
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
