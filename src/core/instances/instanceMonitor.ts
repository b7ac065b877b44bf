/**
 * When instances are looked at (token scopes, expiry, version): at start, after a token
 * change (that origin only), after settings change, and twice a day — a window stays open for
 * days, and an expiry must still get its warning.
 */
import { background } from '../../util/timers';
import type { InstanceHealth } from './instanceHealth';

export const RECHECK_MS = 12 * 60 * 60 * 1000;

export interface InstanceMonitorDeps {
  health: InstanceHealth;
  /** The instances in use now. */
  instanceUrls(): string[];
  log(line: string): void;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export class InstanceMonitor {
  private timer: unknown;

  constructor(private readonly deps: InstanceMonitorDeps) {}

  start(): void {
    this.checkAll();
    const every = this.deps.setInterval ?? ((run, ms) => background(setInterval(run, ms)));
    this.timer = every(() => this.recheck(), RECHECK_MS);
  }

  /** Looks at every instance in use (or only those of `origin`). */
  checkAll(origin?: string): void {
    for (const url of this.deps.instanceUrls()) {
      if (origin && new URL(url).origin !== origin) continue;
      this.deps.health.check(url).catch((e: unknown) => this.deps.log(`Could not check ${new URL(url).host}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /** What was known is stale (a token or the connection settings changed): forget it and look again. */
  recheck(origin?: string): void {
    this.deps.health.forget(origin);
    this.checkAll(origin);
  }

  dispose(): void {
    (this.deps.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>)))(this.timer);
  }
}
