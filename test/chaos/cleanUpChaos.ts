/**
 * Randomized clean-ups against the code the command runs (full listing → rule → the one delete
 * flow), while the registry moves: random rules, random unchecking in the "preview", other
 * users' deletes and new publishes between preview and confirmation, 5xx/429/resets injected on
 * the listing and the DELETEs, answers lost after GitLab applied a DELETE (lostAnswers.ts), and
 * some runs cancelled half-way. Safety figures: no DELETE outside the confirmed set, none twice,
 * no automatic retry of a DELETE (only 429s are waited out), nothing kept by an always-kept rule
 * ever a candidate, every confirmed package reported exactly once, nothing sent for what was
 * reported "not sent", nothing GitLab deleted reported "not deleted".
 */
import { evaluateRule } from '../../src/core/cleanUp/cleanUpEvaluate';
import { listEveryPackage } from '../../src/core/cleanUp/cleanUpListing';
import type { CleanUpRule } from '../../src/core/cleanUp/cleanUpRule';
import { DeleteFlow, type DeleteRequest } from '../../src/core/delete/deleteFlow';
import { GitLabClient } from '../../src/gitlab/client';
import type { Package } from '../../src/gitlab/models';
import { nodeFetch as fetch } from '../../src/platform/node';
import { text } from '../../src/util/text';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE, seedSample } from '../fake-gitlab/seed';
import { answerRows, deleteChaos, noAnswerFigures, tallyAnswers, type AnswerFigures } from './lostAnswers';

const COUNTS = [
  'operations',
  // Listings that failed even after the client's retries (an error, nothing sent).
  'listingFailed',
  'cancelled',
  'confirmed',
  'deletesSent',
  'deleted',
  'alreadyGone',
  'refused',
  'notSent',
  'mayHaveBeenDeleted',
  'rateLimitedWaits',
  'outsideConfirmed',
  'duplicates',
  'automaticRetries',
  'alwaysKeptSelected',
  'unreported',
  'sentThoughNotSent',
] as const;

export type CleanUpChaosResult = Record<(typeof COUNTS)[number], number> & {
  /** Refusals by error kind (protected packages answer 403, injected faults 5xx or a reset). */
  refusedBy: Record<string, number>;
  answers: AnswerFigures;
};

const DAY = 86_400_000;
const PROJECT = { id: 778, path: 'chaos/cleanup' };
const RULE_PROTECTED = 'lib-7';
/** Short, so that a DELETE without an answer costs little; listing pages answer in milliseconds. */
const TIMEOUT_MS = 1_000;

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export async function runCleanUpChaos(opts: { operations: number; seed?: number }): Promise<CleanUpChaosResult> {
  const fake = await FakeGitLab.start({ seed: 'none' });
  seedSample(fake);
  const rnd = random(opts.seed ?? 15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const client = new GitLabClient({
    instanceUrl: fake.url,
    fetch,
    getToken: () => Promise.resolve(SAMPLE.apiToken),
    userAgent: 'chaos',
    timeoutMs: TIMEOUT_MS,
    perPage: 20,
    concurrency: 4,
    maxRetryDelayMs: 2_000,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  });
  const flow = new DeleteFlow({ clientFor: () => client, tokenMayDelete: () => Promise.resolve(true), log: () => undefined });
  fake.addProject({ id: PROJECT.id, pathWithNamespace: PROJECT.path, members: { [SAMPLE.userId]: 50 } });
  const origin = new URL(fake.url).origin;
  const r = {
    ...(Object.fromEntries(COUNTS.map((k) => [k, 0])) as Record<(typeof COUNTS)[number], number>),
    refusedBy: {},
    answers: noAnswerFigures(),
  } as CleanUpChaosResult;
  let n = 0;
  const publish = (k: number): void => {
    for (let i = 0; i < k; i++, n++) {
      const npm = n % 5 === 0;
      fake.addPackage(PROJECT.id, {
        name: `lib-${n % 9}`,
        version: `1.${n}.0${n % 4 === 0 ? '-SNAPSHOT' : ''}`,
        packageType: npm ? 'npm' : 'generic',
        tags: npm && n % 3 === 0 ? ['latest'] : [],
        status: n % 11 === 0 ? 'error' : 'default',
        protected: n % 53 === 0,
        createdAt: new Date(Date.now() - Math.floor(rnd() * 400) * DAY).toISOString(),
        lastDownloadedAt: rnd() < 0.5 ? null : new Date(Date.now() - Math.floor(rnd() * 200) * DAY).toISOString(),
      });
    }
  };
  publish(80);
  const standing = (p: Package) => ({ refusal: p.name === RULE_PROTECTED ? text('protected by rule') : undefined });

  for (let op = 0; op < opts.operations; op++) {
    if (fake.packagesOf(PROJECT.id).filter((p) => p.status === 'default' || p.status === 'error').length < 40) publish(40);
    const rule = randomRule(rnd, pick);
    fake.clearRequests();
    fake.chaos({ serverError: 0.05, rateLimited: 0.03, reset: 0.03 }, op + 1);
    let packages: Package[];
    try {
      packages = (await listEveryPackage(client, { kind: 'project', key: PROJECT.id })).packages;
    } catch {
      r.listingFailed++;
      r.operations++;
      continue;
    } finally {
      fake.chaos(undefined);
    }
    const evaluation = evaluateRule(packages, rule, { now: Date.now(), standing });
    for (const v of evaluation.candidates) {
      const p = v.pkg;
      if (p.name === RULE_PROTECTED || (p.packageType === 'npm' && p.tags.length) || p.deleteApiPath === undefined) r.alwaysKeptSelected++;
    }
    // The user unchecks some; meanwhile others delete and publish.
    const confirmed = evaluation.candidates.filter(() => rnd() > 0.2).map((v) => v.pkg.id);
    const deletedByOthers = new Set<number>();
    for (let i = 0; i < 3; i++) {
      if (rnd() >= 0.3) continue;
      const other = pick(packages).id;
      fake.markDeleted(other);
      deletedByOthers.add(other);
    }
    if (rnd() < 0.4) publish(1 + Math.floor(rnd() * 3));
    const deletePath = /\/packages\/\d+$/;
    fake.fail({ method: 'DELETE', path: deletePath }, { status: 429, body: 'Retry later', headers: { 'Retry-After': '0.01' } }, Math.floor(rnd() * 3));
    fake.fail({ method: 'DELETE', path: deletePath }, { status: pick([500, 502, 503]), body: { message: 'boom' } }, Math.floor(rnd() * 2));
    fake.fail({ method: 'DELETE', path: deletePath }, { kind: 'reset' }, Math.floor(rnd() * 2));
    // …and after GitLab applied them: answers lost, a DELETE slower than the timeout.
    fake.chaos({ ...deleteChaos(TIMEOUT_MS), serverError: 0, reset: 0 }, op + 1);
    const cancelAt = rnd() < 0.15 && confirmed.length > 1 ? 1 + Math.floor(rnd() * (confirmed.length - 1)) : undefined;
    const requests: DeleteRequest[] = confirmed.map((packageId) => ({
      deletion: { instanceUrl: fake.url, origin, project: PROJECT.id, packageId, allowed: true },
    }));
    fake.clearRequests();
    const controller = new AbortController();
    const report = await flow.run(requests, {
      confirm: () => Promise.resolve(true),
      progress: (_t, run) => run((done) => done === cancelAt && controller.abort(), controller.signal),
    });
    fake.clearFaults();
    if (cancelAt !== undefined) r.cancelled++;
    tally(r, confirmed, report.outcomes, fake.requests);
    await tallyAnswers(r.answers, fake, report.outcomes, deletedByOthers);
    r.operations++;
  }
  await fake.stop();
  return r;
}

function randomRule(rnd: () => number, pick: <T>(xs: readonly T[]) => T): CleanUpRule {
  const rule: CleanUpRule = {};
  if (rnd() < 0.5) rule.keepNewest = pick([0, 1, 2, 5]);
  if (rnd() < 0.5) rule.olderThanDays = pick([30, 90, 180]);
  if (rnd() < 0.4) rule.notDownloadedForDays = pick([30, 60]);
  if (rnd() < 0.3) rule.namePattern = pick(['lib-1', 'lib-*', 'lib-[0-3]', '/^lib-[2-5]$/']);
  if (rnd() < 0.3) rule.versionPattern = pick(['*-SNAPSHOT', '1.*', '/^1\\.[0-9]+\\.0$/']);
  if (rnd() < 0.2) rule.packageTypes = [pick(['npm', 'generic'])];
  if (rnd() < 0.2) rule.statuses = [pick(['error', 'default'])];
  if (!Object.keys(rule).length) rule.keepNewest = 3;
  return rule;
}

function tally(
  r: CleanUpChaosResult,
  confirmed: number[],
  outcomes: { target: { packageId: number }; ok: boolean; error?: { kind: string }; mayHaveBeenDeleted?: true }[],
  requests: FakeGitLab['requests'],
): void {
  const sent = requests.filter((q) => q.method === 'DELETE');
  const idOf = (path: string): number => Number(/packages\/(\d+)$/.exec(path)?.[1]);
  const allowed = new Set(confirmed);
  r.confirmed += confirmed.length;
  r.deletesSent += sent.length;
  r.outsideConfirmed += sent.filter((q) => !allowed.has(idOf(q.path))).length;
  r.rateLimitedWaits += sent.filter((q) => q.status === 429).length;
  // Per package: after an answer other than 429 (the request reached GitLab, or may have), nothing more may be sent.
  const byId = new Map<number, number[]>();
  for (const q of sent) byId.set(idOf(q.path), [...(byId.get(idOf(q.path)) ?? []), q.status]);
  for (const statuses of byId.values()) {
    const reached = statuses.filter((s) => s !== 429).length;
    r.duplicates += Math.max(0, reached - 1);
    const firstReached = statuses.findIndex((s) => s !== 429);
    if (firstReached >= 0) r.automaticRetries += statuses.length - firstReached - 1;
  }
  const reported = new Map<number, number>();
  for (const o of outcomes) reported.set(o.target.packageId, (reported.get(o.target.packageId) ?? 0) + 1);
  r.unreported += confirmed.filter((id) => reported.get(id) !== 1).length;
  for (const o of outcomes) {
    const kind = o.ok ? 'ok' : o.mayHaveBeenDeleted ? 'maybe' : o.error?.kind;
    if (kind === 'ok') r.deleted++;
    else if (kind === 'maybe') r.mayHaveBeenDeleted++;
    else if (kind === 'notFound') r.alreadyGone++;
    else if (kind === 'cancelled') {
      r.notSent++;
      // A 429 and then Cancel during the pause: it never reached GitLab, so "not sent" is true.
      if ((byId.get(o.target.packageId) ?? []).some((s) => s !== 429)) r.sentThoughNotSent++;
    } else {
      r.refused++;
      r.refusedBy[kind ?? '?'] = (r.refusedBy[kind ?? '?'] ?? 0) + 1;
    }
  }
}

/** The table the README quotes; true when a safety figure failed. */
export function printCleanUpChaos(c: CleanUpChaosResult, seconds: number): boolean {
  console.log(
    `\nClean-up: ${c.operations} randomized clean-ups (${c.cancelled} cancelled half-way, ${c.listingFailed} listings failed), ${c.confirmed} packages confirmed, ${c.deletesSent} DELETEs, ${seconds.toFixed(1)} s`,
  );
  console.log('| figure | result | goal |\n|---|---|---|');
  console.log(`| DELETE outside the confirmed set | ${c.outsideConfirmed} | 0 |`);
  console.log(`| same DELETE reaching GitLab twice | ${c.duplicates} | 0 |`);
  console.log(`| automatic DELETE retries (other than after a 429) | ${c.automaticRetries} | 0 |`);
  console.log(`| always-kept package among the candidates | ${c.alwaysKeptSelected} | 0 |`);
  console.log(`| confirmed package not reported exactly once | ${c.unreported} | 0 |`);
  console.log(`| DELETE sent for one reported "not sent" | ${c.sentThoughNotSent} | 0 |`);
  console.log(
    `| outcomes: deleted / already gone / may have been deleted / refused / not sent | ${c.deleted} / ${c.alreadyGone} / ${c.mayHaveBeenDeleted} / ${c.refused} / ${c.notSent} | sum = ${c.confirmed} |`,
  );
  for (const row of answerRows(c.answers)) console.log(row);
  console.log(`| 429s waited out | ${c.rateLimitedWaits} | |`);
  console.log(`refused by kind: ${JSON.stringify(c.refusedBy)}`);
  const lost = c.answers.deletedReportedNotDeleted + c.answers.reportedDeletedStillThere;
  return lost + c.outsideConfirmed + c.duplicates + c.automaticRetries + c.alwaysKeptSelected + c.unreported + c.sentThoughNotSent > 0;
}
