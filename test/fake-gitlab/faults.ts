/**
 * Misbehaviour on demand: scripted faults per route, seeded random "chaos", and a
 * Rack::Attack-like throttle with GitLab's rate-limit headers (doc §8.3).
 */

export type Fault =
  /** Answer with this status (body defaults to GitLab's `{"message":"<code> <reason>"}`). */
  | { status: number; body?: string | object; headers?: Record<string, string> }
  /** Write the headers and part of the body, then destroy the socket. */
  | { kind: 'reset' }
  /** Never answer (until stop()). */
  | { kind: 'hang' }
  /** Wait, then answer normally. */
  | { kind: 'delay'; ms: number }
  /** 200 with an SSO sign-in page, as a proxy in front of GitLab might answer. */
  | { kind: 'html' }
  /** 200 JSON cut off half-way (content-length honest about the short body). */
  | { kind: 'truncated' }
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 307 };

export interface RouteMatch {
  method?: string;
  /** Matched against the raw path (`%2F` kept) and against the decoded path. No query. */
  path: string | RegExp;
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
  /** Only requests whose method is listed are affected (default: GET). */
  methods?: string[];
}

export const SERVER_ERRORS: Record<number, string> = { 500: '500 Internal Server Error', 502: '502 Bad Gateway', 503: '503 Service Unavailable' };

export class Faults {
  private scripted: Scripted[] = [];
  chaos: ChaosRates | undefined;
  /** Deterministic pseudo-random source so a chaos run can be replayed. */
  private seed = 42;

  add(match: RouteMatch, fault: Fault, times: number): void {
    if (times > 0) this.scripted.push({ match, fault, remaining: times });
  }

  clear(): void {
    this.scripted = [];
    this.chaos = undefined;
  }

  reseed(seed: number): void {
    this.seed = seed;
  }

  /** The fault for this request, if any: scripted ones first (oldest first), then chaos. */
  take(method: string, rawPath: string, redirectTarget: string | undefined): Fault | undefined {
    const decoded = safeDecode(rawPath);
    const hit = this.scripted.find((s) => s.remaining > 0 && matches(s.match, method, rawPath, decoded));
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
    if (pick(c.serverError)) {
      const status = [500, 502, 503][Math.floor(this.random() * 3)];
      return { status, body: { message: SERVER_ERRORS[status] } };
    }
    if (pick(c.rateLimited)) return { status: 429, body: 'Retry later\n', headers: { 'Retry-After': '1' } };
    if (pick(c.reset)) return { kind: 'reset' };
    if (pick(c.slow)) return { kind: 'delay', ms: c.slowMs ?? 5_000 };
    if (pick(c.redirect) && redirectTarget) return { kind: 'redirect', location: redirectTarget, status: 307 };
    return undefined;
  }

  /** mulberry32: small, seedable, good enough for picking faults. */
  private random(): number {
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

function matches(m: RouteMatch, method: string, rawPath: string, decoded: string): boolean {
  if (m.method && m.method.toUpperCase() !== method) return false;
  if (typeof m.path === 'string') return m.path === rawPath || m.path === decoded;
  // A RegExp with the g/y flag keeps state between test() calls: reset it so every request starts fresh.
  m.path.lastIndex = 0;
  if (m.path.test(rawPath)) return true;
  m.path.lastIndex = 0;
  return m.path.test(decoded);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export interface ThrottleSettings {
  /** Requests allowed per window; 0 turns throttling off. */
  limit: number;
  windowMs: number;
  retryAfterSeconds: number;
}

/** A sliding-window request counter answering like Rack::Attack's `throttle_authenticated_api`. */
export class Throttle {
  private hits: number[] = [];

  constructor(readonly settings: ThrottleSettings) {}

  /** Counts this request. Returns the headers to add, and whether it is refused (429). */
  check(now = Date.now()): { refused: boolean; headers: Record<string, string> } {
    const { limit, windowMs, retryAfterSeconds } = this.settings;
    this.hits = this.hits.filter((h) => h > now - windowMs);
    const refused = this.hits.length >= limit;
    if (!refused) this.hits.push(now);
    const windowEnd = (this.hits[0] ?? now) + windowMs;
    // RateLimit-Reset is an epoch in seconds, not a delta (doc §8.3).
    const reset = Math.ceil((refused ? Math.max(windowEnd, now + retryAfterSeconds * 1000) : windowEnd) / 1000);
    const headers: Record<string, string> = {
      'RateLimit-Name': 'throttle_authenticated_api',
      'RateLimit-Limit': String(limit),
      'RateLimit-Observed': String(refused ? this.hits.length + 1 : this.hits.length),
      'RateLimit-Remaining': String(Math.max(0, limit - this.hits.length)),
      'RateLimit-Reset': String(reset),
    };
    if (refused) {
      headers['RateLimit-ResetTime'] = new Date(reset * 1000).toUTCString();
      headers['Retry-After'] = String(retryAfterSeconds);
    }
    return { refused, headers };
  }
}
