/**
 * The suite's one way to wait: poll a condition until it holds, instead of fixed sleeps and
 * hand-written retry loops. A timeout says what was awaited and what was seen last, so a
 * failed run explains itself.
 */

/** What a truthy check lets through (`x && value` gives `value`, never `false`). */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

export interface UntilOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 100 ms). */
  intervalMs?: number;
  /** What is awaited, for the timeout message ("tree row acme/app"). */
  what?: string;
}

/**
 * Calls `condition` until it returns a truthy value and returns that value. A condition that
 * throws counts as "not yet" (the element is not there yet); its error is kept for the
 * timeout message. An attempt still running at the deadline gets up to a second more, then
 * is cut off (a Playwright call without its own timeout can hang).
 */
export async function until<T>(condition: () => T | Promise<T>, opts: UntilOptions = {}): Promise<Truthy<T>> {
  const { timeoutMs = 10_000, intervalMs = 100, what = 'a condition' } = opts;
  const deadline = Date.now() + timeoutMs;
  let last: { value: unknown } | { error: unknown } | undefined;
  let hung = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await beforeDeadline(condition, deadline);
      hung = outcome === HUNG;
      if (outcome && !hung) return outcome as Truthy<T>;
      if (!hung) last = { value: outcome };
    } catch (error) {
      hung = false;
      last = { error };
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const tail = hung ? ` (the last attempt did not finish within ${GRACE_MS} ms after the deadline)` : '';
      throw new Error(`Timed out after ${timeoutMs} ms (${attempt} attempts) waiting for ${what}; last ${describe(last)}${tail}`);
    }
    await sleep(Math.min(intervalMs, left));
  }
}

const HUNG = Symbol('hung');
const GRACE_MS = 1_000;

async function beforeDeadline<T>(condition: () => T | Promise<T>, deadline: number): Promise<T | typeof HUNG> {
  let timer: NodeJS.Timeout | undefined;
  const cutOff = new Promise<typeof HUNG>((resolve) => (timer = setTimeout(() => resolve(HUNG), Math.max(0, deadline - Date.now()) + GRACE_MS)));
  try {
    return await Promise.race([Promise.resolve().then(condition), cutOff]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(last: { value: unknown } | { error: unknown } | undefined): string {
  if (!last) return 'attempt: none finished';
  if ('error' in last) return `error: ${last.error instanceof Error ? last.error.message.split('\n')[0] : String(last.error)}`;
  let text: string;
  try {
    text = JSON.stringify(last.value) ?? String(last.value);
  } catch {
    text = String(last.value);
  }
  return `value: ${text.length > 500 ? `${text.slice(0, 500)}…` : text}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
