/**
 * The clean-up figures of `npm run bench` (issue 15), through the code the command runs: the
 * full listing and the rule (core/cleanUpListing + core/cleanUpEvaluate), and the one delete
 * flow (core/deleteFlow → bulkDelete) for what was confirmed.
 *
 * - a rule over a 10,000-package project costs one listing: ≤ 1.25× the listing limit, one
 *   request per page and none per package;
 * - 1,000 deletions at C = 8: ≤ 1.25× the latency limit, each DELETE once;
 * - the same 1,000 while the fake throttles to 50 requests/s: every 429 waited out, each DELETE
 *   reaching GitLab exactly once.
 */
import { evaluateRule } from '../../src/core/cleanUp/cleanUpEvaluate';
import { listEveryPackage } from '../../src/core/cleanUp/cleanUpListing';
import { DeleteFlow, type DeleteRequest } from '../../src/core/delete/deleteFlow';
import type { GitLabClient } from '../../src/gitlab/client';
import type { FakeGitLab } from '../fake-gitlab/server';
import { requestsLimit, roundTrips, type Figure } from './figure';

export interface CleanUpBenchContext {
  fake: FakeGitLab;
  client: GitLabClient;
  /** Measured round trip with the injected latency. */
  rtt: number;
  latencyMs: number;
  concurrency: number;
  runs: number;
  /** A project holding 10,000 packages. */
  big: { path: string; packages: number };
  /** A project the deletions may use (emptied and refilled per run). */
  deletes: { id: number; path: string };
  timed(run: () => Promise<unknown>, runs: number, before?: () => void | Promise<void>): Promise<number>;
}

const DELETIONS = 1_000;

export async function cleanUpFigures(ctx: CleanUpBenchContext): Promise<Figure[]> {
  const { fake, client, rtt, concurrency: C } = ctx;
  const figures: Figure[] = [];

  // 8. A rule over 10,000 packages: the listing and the evaluation.
  {
    let candidates = 0;
    const rule = { olderThanDays: 1, keepNewest: 0 };
    // Each run starts from a collected heap (the figures before leave garbage behind).
    const gc = (globalThis as { gc?: () => void }).gc;
    const ours = await ctx.timed(
      async () => {
        const { packages } = await listEveryPackage(client, { kind: 'project', key: ctx.big.path });
        candidates = evaluateRule(packages, rule, { now: Date.now() }).candidates.length;
      },
      ctx.runs,
      () => gc?.(),
    );
    fake.clearRequests();
    const listStart = performance.now();
    const { packages: listed } = await listEveryPackage(client, { kind: 'project', key: ctx.big.path });
    const evalStart = performance.now();
    evaluateRule(listed, rule, { now: Date.now() });
    const split = `listing ${Math.round(evalStart - listStart)} ms + rule ${Math.round(performance.now() - evalStart)} ms in a last run`;
    const gets = fake.requests.filter((r) => r.method === 'GET');
    const perPackage = gets.filter((r) => /\/packages\/\d+/.test(r.path)).length;
    const limit = roundTrips(ctx.big.packages / 100, C) * rtt;
    figures.push({
      name: `8. clean-up rule over 10,000 packages (C=${C})`,
      unit: 'ms',
      ours,
      limit,
      goal: '≤ 1.25× the listing limit, one request per page',
      met: ours <= 1.25 * limit && gets.length === ctx.big.packages / 100 && perPackage === 0,
      note: `${gets.length} requests (${perPackage} per package), ${candidates} candidates; ${split}`,
    });
  }

  const flow = new DeleteFlow({ clientFor: () => client, tokenMayDelete: () => Promise.resolve(true), log: () => undefined });
  const origin = new URL(fake.url).origin;
  const seed = (): DeleteRequest[] => {
    const latency = fake.latencyMs;
    fake.latencyMs = 0;
    const pkgs = fake.addPackagesBulk(ctx.deletes.id, DELETIONS, { namePrefix: 'old' });
    fake.latencyMs = latency;
    return pkgs.map((p) => ({ deletion: { instanceUrl: fake.url, origin, project: ctx.deletes.path, packageId: p.id, allowed: true } }));
  };
  const confirmAll = { confirm: () => Promise.resolve(true), progress: <R>(_t: unknown, run: (onSettled: () => void) => Promise<R>) => run(() => undefined) };
  const deleted = (): string[] => fake.requests.filter((r) => r.method === 'DELETE' && r.status === 204).map((r) => r.path);

  // 9. 1,000 deletions through the delete flow.
  {
    let requests: DeleteRequest[] = [];
    let allOk = true;
    let onceEach = true;
    const ours = await ctx.timed(
      async () => {
        const report = await flow.run(requests, confirmAll);
        allOk &&= report.outcomes.length === DELETIONS && report.outcomes.every((o) => o.ok);
        const sent = fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
        onceEach &&= sent.length === DELETIONS && new Set(sent).size === DELETIONS;
      },
      Math.min(ctx.runs, 3),
      () => {
        requests = seed();
        fake.clearRequests();
      },
    );
    const limit = requestsLimit(DELETIONS, C, rtt);
    figures.push({
      name: `9. clean-up: 1,000 deletions (C=${C})`,
      unit: 'ms',
      ours,
      limit,
      goal: '≤ 1.25× the latency limit, each DELETE once',
      met: ours <= 1.25 * limit && allOk && onceEach,
      note: `all deleted: ${allOk}; each DELETE sent once: ${onceEach}`,
    });
  }

  // 10. The same while GitLab throttles to 50 requests/s.
  {
    const requests = seed();
    fake.clearRequests();
    fake.throttle({ limit: 50, windowMs: 1000, retryAfterSeconds: 1 });
    const started = performance.now();
    const report = await flow.run(requests, confirmAll);
    const ms = performance.now() - started;
    fake.throttle({ limit: 0, windowMs: 1000, retryAfterSeconds: 1 });
    const ok = deleted();
    const throttled = fake.requests.filter((r) => r.method === 'DELETE' && r.status === 429).length;
    const otherwise = fake.requests.filter((r) => r.method === 'DELETE' && r.status !== 204 && r.status !== 429).length;
    const allOk = report.outcomes.every((o) => o.ok);
    // 50 per second is the floor: the first 50 go at once.
    const limit = ((DELETIONS - 50) / 50) * 1000;
    figures.push({
      name: '10. clean-up: 1,000 deletions, GitLab throttling to 50/s',
      unit: 'ms',
      ours: ms,
      limit,
      goal: 'every 429 waited out, each DELETE reaching GitLab once',
      met: allOk && ok.length === DELETIONS && new Set(ok).size === DELETIONS && otherwise === 0,
      note: `${throttled} × 429 waited out, ${ok.length} deleted (${new Set(ok).size} distinct), ${otherwise} other answers, all ok: ${allOk}`,
    });
  }
  return figures;
}
