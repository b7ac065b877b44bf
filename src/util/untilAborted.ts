/**
 * `p`, or a rejection with `reason()` the moment `signal` aborts, whichever comes first. The
 * caller stops waiting; the work behind `p` goes on (a shared load, a request's token read).
 * The default reason is the signal's own, when it is an Error.
 */
export function untilAborted<T>(
  p: Promise<T>,
  signal: AbortSignal,
  reason: () => Error = () => (signal.reason instanceof Error ? signal.reason : new Error('aborted')),
): Promise<T> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    void p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
