/**
 * The figures of DELETEs whose answer may have been lost (GitLab did the work, then the
 * connection dropped, the client timed out or a proxy answered 502/504 — or a slow DELETE GitLab
 * applied after the client gave up), checked against what the fake holds once it is idle: no
 * package reported "not deleted" that our DELETE deleted, none reported "deleted" that is there.
 */
import type { DeleteOutcome, DeleteTarget } from '../../src/core/delete/bulkDelete';
import type { ChaosRates } from '../fake-gitlab/faults';
import type { FakeGitLab } from '../fake-gitlab/server';

export const ANSWER_FIGURES = [
  // Safety: reported "not deleted" (an error, not "may have been"), yet deleted — and not by someone else.
  'deletedReportedNotDeleted',
  // Safety: reported deleted, yet still there.
  'reportedDeletedStillThere',
  // DELETEs whose answer was lost after GitLab applied them (dropped, no answer, a proxy's 502/504, slower than the timeout).
  'answersLost',
  // Read again after a failure: found gone (deleted) / still listed and said "not deleted" / still listed but said
  // "may have been deleted" (GitLab may still be at work) / not listed but not proven gone (a file list that moved).
  'readAgainGone',
  'readAgainListedNotDeleted',
  'readAgainListedMaybe',
  'readAgainUnproven',
  // File deletes among them.
  'fileDeletes',
  'mayHaveBeenDeleted',
  // …of which the fake, once idle, shows deleted.
  'mayHaveBeenDeletedAndWas',
] as const;

export type AnswerFigures = Record<(typeof ANSWER_FIGURES)[number], number>;

export const noAnswerFigures = (): AnswerFigures => Object.fromEntries(ANSWER_FIGURES.map((k) => [k, 0])) as AnswerFigures;

/**
 * DELETE faults on both sides of the route: 5xx and resets before it, lost answers after it, a DELETE slower than the
 * client's timeout, and one whose connection drops at once while GitLab applies it a moment later.
 */
export function deleteChaos(timeoutMs: number): ChaosRates {
  return {
    serverError: 0.02,
    reset: 0.02,
    slow: 0.003,
    slowMs: timeoutMs * 2,
    lostAnswer: 0.03,
    droppedThenApplied: 0.01,
    lateMs: timeoutMs,
    methods: ['DELETE'],
  };
}

/** Tallies one run's outcomes; waits until the fake has finished every request first (a slow DELETE lands after its timeout). */
export async function tallyAnswers(
  f: AnswerFigures,
  fake: FakeGitLab,
  outcomes: readonly DeleteOutcome<DeleteTarget>[],
  deletedByOthers: ReadonlySet<number>,
): Promise<void> {
  await fake.idle();
  const gone = (t: DeleteTarget): boolean => {
    const pkg = fake.getPackage(t.packageId);
    const file = t.fileId === undefined ? undefined : pkg?.files.find((x) => x.id === t.fileId);
    return pkg?.status === 'pending_destruction' || file?.status === 'pending_destruction';
  };
  const late = new Set(['delay', 'droppedThenAppliedLater']);
  f.answersLost += fake.requests.filter((r) => r.method === 'DELETE' && (r.fault?.startsWith('applied') || late.has(r.fault ?? ''))).length;
  for (const o of outcomes) {
    if (o.target.fileId !== undefined) f.fileDeletes++;
    if (o.ok) {
      if (!gone(o.target)) f.reportedDeletedStillThere++;
      if (o.answerLost) f.readAgainGone++;
      continue;
    }
    if (o.recheck?.found === 'listed') o.mayHaveBeenDeleted ? f.readAgainListedMaybe++ : f.readAgainListedNotDeleted++;
    if (o.recheck?.found === 'unproven') f.readAgainUnproven++;
    if (o.mayHaveBeenDeleted) {
      f.mayHaveBeenDeleted++;
      if (gone(o.target)) f.mayHaveBeenDeletedAndWas++;
    } else if (o.error.kind !== 'notFound' && gone(o.target) && !deletedByOthers.has(o.target.packageId)) f.deletedReportedNotDeleted++;
  }
}

/** Table rows for the README. */
export function answerRows(f: AnswerFigures): string[] {
  return [
    `| reported "not deleted" though our DELETE deleted it | ${f.deletedReportedNotDeleted} | 0 |`,
    `| reported "deleted" though still there | ${f.reportedDeletedStillThere} | 0 |`,
    `| answers lost after GitLab applied the DELETE (dropped, none, proxy 502/504, slower than the timeout, dropped then applied) | ${f.answersLost} | |`,
    `| file deletes among them | ${f.fileDeletes} | |`,
    `| failures read again: gone → "deleted" / still listed → "not deleted" / still listed after a failure GitLab may still be working through → "may have been deleted" / a file not listed, not proven gone → "may have been deleted" | ${f.readAgainGone} / ${f.readAgainListedNotDeleted} / ${f.readAgainListedMaybe} / ${f.readAgainUnproven} | |`,
    `| "may have been deleted" (of which deleted) | ${f.mayHaveBeenDeleted} (${f.mayHaveBeenDeletedAndWas}) | |`,
  ];
}
