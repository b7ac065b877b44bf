/**
 * Deletes packages (or single package files) with a bounded number of requests in flight. A DELETE is sent once; the
 * only re-send is after a 429, which GitLab's rate limiter answers before the request reaches
 * the application (so nothing was deleted), and then only after the `Retry-After` pause, with
 * the whole queue paused. Cancelling stops sending: what is in flight finishes (a DELETE on its
 * way cannot be called back), the rest is reported as not sent (a CancelledError). A failure
 * that may have come after GitLab did the work (its answer lost) is settled by reading the
 * package again (deleteCheck.ts), never by sending the DELETE again.
 */
import { packagePath, type GitLabClient } from '../gitlab/client';
import { asGitLabError, CancelledError, RateLimitedError } from '../gitlab/errors';
import { abortableSleep, retryDelay } from '../gitlab/retryPolicy';
import { settleFailure } from './deleteCheck';
import type { DeleteOutcome, DeleteTarget } from './deleteOutcome';

export type { DeleteOutcome, DeleteTarget } from './deleteOutcome';

export interface BulkDeleteOptions {
  concurrency: number;
  /** How many times one target may be re-sent after a 429 (default 3). */
  maxRateLimitWaits?: number;
  /** A 429 without Retry-After waits this long (default 1 s). */
  defaultPauseMs?: number;
  /** Stops sending (requests in flight are not aborted). */
  signal?: AbortSignal;
  onSettled?: (done: number, total: number) => void;
  /** Rejects or resolves early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export async function deletePackages<T extends DeleteTarget>(
  client: GitLabClient,
  targets: readonly T[],
  opts: BulkDeleteOptions,
): Promise<DeleteOutcome<T>[]> {
  const sleep = opts.sleep ?? abortableSleep;
  const outcomes: DeleteOutcome<T>[] = new Array<DeleteOutcome<T>>(targets.length);
  let next = 0;
  let done = 0;
  // While rate-limited, every worker waits until this time before sending (a Cancel ends the wait).
  let pausedUntil = 0;

  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index];
      for (let waits = 0; ; waits++) {
        const pause = pausedUntil - Date.now();
        if (pause > 0) await sleep(pause, opts.signal).catch(() => undefined);
        if (opts.signal?.aborted) {
          outcomes[index] = { target, ok: false, error: new CancelledError(packagePath(target.project, target.packageId, target.fileId)) };
          break;
        }
        try {
          if (target.fileId === undefined) await client.deletePackage(target.project, target.packageId);
          else await client.deletePackageFile(target.project, target.packageId, target.fileId);
          outcomes[index] = { target, ok: true };
        } catch (e) {
          if (e instanceof RateLimitedError && waits < (opts.maxRateLimitWaits ?? 3)) {
            // A Retry-After that could not be read (a browser): the retry policy's jittered backoff.
            const unheard = e.retryAfterHidden ? retryDelay(e, waits, 30_000) : undefined;
            pausedUntil = Math.max(pausedUntil, Date.now() + (e.retryAfterMs ?? unheard ?? opts.defaultPauseMs ?? 1000));
            continue;
          }
          outcomes[index] = await settleFailure(client, target, asGitLabError(e));
        }
        break;
      }
      opts.onSettled?.(++done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, targets.length)) }, worker));
  return outcomes;
}
