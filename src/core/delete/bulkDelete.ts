/**
 * Deletes packages (or single package files) with a bounded number of requests in flight. A DELETE is sent once; the
 * only re-send is after a 429, which GitLab's rate limiter answers before the request reaches
 * the application (so nothing was deleted), and then only after the `Retry-After` pause, with
 * the whole queue paused. Cancelling stops sending: what is in flight finishes (a DELETE on its
 * way cannot be called back), the rest is reported as not sent (a CancelledError), and a re-read
 * under way is aborted. A failure that may have come after GitLab did the work (its answer lost)
 * is settled by reading the package again (deleteCheck.ts), never by sending the DELETE again; a
 * 429 on that read pauses the queue too, then only the read is repeated. When STOP_AFTER DELETEs
 * in a row failed and so did the reads after them (GitLab down or restarting), nothing more is sent.
 */
import { packagePath, type GitLabClient } from '../../gitlab/client';
import { asGitLabError, CancelledError, RateLimitedError, type GitLabError } from '../../gitlab/errors';
import { abortableSleep, retryDelay } from '../../gitlab/retryPolicy';
import { settleFailure } from './deleteCheck';
import type { DeleteOutcome, DeleteTarget } from './deleteOutcome';

export type { DeleteOutcome, DeleteTarget } from './deleteOutcome';

/** DELETEs in a row that failed with the reads after them before the rest is not sent. */
export const STOP_AFTER = 5;

export interface BulkDeleteOptions {
  concurrency: number;
  /** How many times one target may be re-sent (or re-read) after a 429 (default 3). */
  maxRateLimitWaits?: number;
  /** A 429 without Retry-After waits this long (default 1 s). */
  defaultPauseMs?: number;
  /** Stops sending and aborts re-reads (DELETEs in flight are not aborted). */
  signal?: AbortSignal;
  onSettled?: (done: number, total: number) => void;
  /** Rejects or resolves early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The server lists a package's files by ascending id (GitLab 14.9+); without it a file not listed is "may have been deleted". */
  filesInIdOrder?: boolean;
}

export async function deletePackages<T extends DeleteTarget>(
  client: GitLabClient,
  targets: readonly T[],
  opts: BulkDeleteOptions,
): Promise<DeleteOutcome<T>[]> {
  const sleep = opts.sleep ?? abortableSleep;
  const maxWaits = opts.maxRateLimitWaits ?? 3;
  const reread = { signal: opts.signal, filesInIdOrder: opts.filesInIdOrder ?? false };
  const outcomes: DeleteOutcome<T>[] = new Array<DeleteOutcome<T>>(targets.length);
  let next = 0;
  let done = 0;
  // While rate-limited, every worker waits until this time before sending (a Cancel ends the wait).
  let pausedUntil = 0;
  const pause = (e: RateLimitedError, waits: number): void => {
    // A Retry-After that could not be read (a browser): the retry policy's jittered backoff.
    const unheard = e.retryAfterHidden ? retryDelay(e, waits, 30_000) : undefined;
    pausedUntil = Math.max(pausedUntil, Date.now() + (e.retryAfterMs ?? unheard ?? opts.defaultPauseMs ?? 1000));
  };
  const waitOut = async (): Promise<void> => {
    const left = pausedUntil - Date.now();
    if (left > 0) await sleep(left, opts.signal).catch(() => undefined);
  };
  // DELETEs in a row whose re-read failed too; at STOP_AFTER the last one's error stops the rest.
  let unanswered = 0;
  let stoppedBy: GitLabError | undefined;

  const settle = async (target: T, error: GitLabError, waits: number): Promise<DeleteOutcome<T>> => {
    for (let w = waits; ; w++) {
      const outcome = await settleFailure(client, target, error, reread);
      const readError = !outcome.ok && outcome.recheck?.found === 'unknown' ? outcome.recheck.error : undefined;
      if (readError instanceof RateLimitedError && w < maxWaits && !opts.signal?.aborted) {
        pause(readError, w);
        await waitOut();
        continue;
      }
      unanswered = readError && readError.kind !== 'cancelled' ? unanswered + 1 : 0;
      if (unanswered >= STOP_AFTER) stoppedBy ??= error;
      return outcome;
    }
  };

  const send = async (target: T): Promise<DeleteOutcome<T>> => {
    for (let waits = 0; ; waits++) {
      await waitOut();
      if (stoppedBy) return { target, ok: false, error: stoppedBy, stopped: true };
      if (opts.signal?.aborted) return { target, ok: false, error: new CancelledError(packagePath(target.project, target.packageId, target.fileId)) };
      try {
        if (target.fileId === undefined) await client.deletePackage(target.project, target.packageId);
        else await client.deletePackageFile(target.project, target.packageId, target.fileId);
        unanswered = 0;
        return { target, ok: true };
      } catch (e) {
        if (e instanceof RateLimitedError && waits < maxWaits) {
          pause(e, waits);
          continue;
        }
        return settle(target, asGitLabError(e), waits);
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      outcomes[index] = await send(targets[index]);
      opts.onSettled?.(++done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, targets.length)) }, worker));
  return outcomes;
}
