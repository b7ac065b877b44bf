/** When a failed read is tried again: 429 (after Retry-After), 502/503/504 and dropped connections, with backoff. */
import { NetworkError, RateLimitedError, ServerError } from './errors';

const RETRYABLE = new Set([429, 502, 503, 504]);

/** Milliseconds to wait before the next try, or undefined when `e` is not worth another one. */
export function retryDelay(e: unknown, attempt: number, maxRetryDelayMs: number): number | undefined {
  const backoff = 200 * 2 ** attempt;
  if (e instanceof RateLimitedError) {
    const wait = e.retryAfterMs ?? backoff;
    return wait <= maxRetryDelayMs ? wait : undefined;
  }
  if (e instanceof ServerError && RETRYABLE.has(e.status ?? 0)) return backoff;
  if (e instanceof NetworkError) return backoff;
  return undefined;
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
