/**
 * Waiting on events, not on a clock: a condition that comes true, a promise nothing has settled.
 * A deadline only ends a wait for what never comes, to name it; a slow machine must not reach it.
 */

/**
 * True if nothing has settled `p` yet: whatever is already queued runs first (a settled promise's
 * callbacks run before the next macrotask), so no clock decides the answer.
 */
export async function stillPending(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  const mark = (): void => void (done = true);
  p.then(mark, mark);
  await new Promise((resolve) => setImmediate(resolve));
  return !done;
}

/** Polls `condition` until it holds (no fixed sleeps); fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  condition: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  what = 'condition',
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await condition();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
