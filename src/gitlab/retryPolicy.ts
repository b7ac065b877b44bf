/**
 * When a failed read is tried again: 429 and 503 (after their Retry-After), 502/503/504 and dropped
 * connections, with backoff. Where `Retry-After` may have been sent but could not be read (a
 * browser reading a cross-origin answer), a 429 or 503 waits a bounded exponential backoff with
 * jitter instead: clients that cannot hear "when" must not come back in step.
 */
import { NetworkError, RateLimitedError, ServerError } from './errors';

const RETRYABLE = new Set([429, 502, 503, 504]);
/** First wait when `Retry-After` is unreadable; doubles per attempt, capped by maxRetryDelayMs. */
const UNHEARD_BASE_MS = 1000;

/** Milliseconds to wait before the next try, or undefined when `e` is not worth another one. */
export function retryDelay(e: unknown, attempt: number, maxRetryDelayMs: number, random: () => number = Math.random): number | undefined {
  const backoff = 200 * 2 ** attempt;
  if (e instanceof RateLimitedError) {
    if (e.retryAfterMs === undefined && e.retryAfterHidden) return jittered(attempt, maxRetryDelayMs, random);
    const wait = e.retryAfterMs ?? backoff;
    return wait <= maxRetryDelayMs ? wait : undefined;
  }
  // A 503 that says when (maintenance mode, a proxy) is asked again then, or not at all when that is too far off.
  if (e instanceof ServerError && e.status === 503 && e.retryAfterMs !== undefined) return e.retryAfterMs <= maxRetryDelayMs ? e.retryAfterMs : undefined;
  if (e instanceof ServerError && e.status === 503 && e.retryAfterHidden) return jittered(attempt, maxRetryDelayMs, random);
  if (e instanceof ServerError && RETRYABLE.has(e.status ?? 0)) return backoff;
  if (e instanceof NetworkError) return backoff;
  return undefined;
}

/** Between half and all of min(cap, base·2^attempt) ("equal jitter"). */
function jittered(attempt: number, maxRetryDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxRetryDelayMs, UNHEARD_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
