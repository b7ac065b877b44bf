/**
 * The matching figures of `npm run bench` (issue 21): a protection rule pattern and a clean-up
 * glob GitLab accepts but a backtracking regex needs seconds per name for
 * (`@acme/*a*a*a*a*a*a*a*a*a*x` against names made of `a`s), a clean-up `/regex/` of the same
 * shape, the worst /regex/ the engine accepts (2,000 states, every one live on each
 * character) over names of 255 characters, and claiming 10,000 ids at once (InFlight.claim,
 * once quadratic).
 *
 * No requests: the time is all in matching. Each figure is the median of `runs` over 10,000 names.
 */
import { patternMatches } from '../../src/core/protection/protectionRules';
import { InFlight } from '../../src/util/inFlight';
import { compilePattern } from '../../src/util/pattern';
import type { Figure } from './figure';

/** GitLab accepts it as a protection rule; the old `^@acme/.*a.*a…x$` took 42 s on one long name. */
export const PATHOLOGICAL = '@acme/*a*a*a*a*a*a*a*a*a*x';
const NAMES = 10_000;
/** 10 µs a name: the old code needed from milliseconds to hours per name on these. */
const GOAL_MS = 100;
/** The worst accepted /regex/ over 10,000 names of 255 characters: well under a second (it was ~111 s at 20,000 states). */
const WORST_GOAL_MS = 500;
export const WORST = '/(?:[a-z]?){999}!/i';

/** 10,000 different names of 255 characters, letters and digits, none with a `!`. */
export function longNames(count = NAMES): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-'.repeat(8);
  return Array.from({ length: count }, (_, i) => `@acme/${alphabet.slice(i % 37, (i % 37) + 244)}${String(i).padStart(5, '0')}`);
}

/** 10,000 names that nearly match: all `a`s (20 to 59 of them), no `x` at the end. */
export function nearMisses(count = NAMES): string[] {
  return Array.from({ length: count }, (_, i) => `@acme/${'a'.repeat(20 + (i % 40))}-${i}`);
}

export function matchFigures(runs: number, timedSync: (run: () => unknown, runs: number) => number): Figure[] {
  const names = nearMisses();
  const glob = compilePattern(PATHOLOGICAL);
  const regex = compilePattern('/^@acme\\/(a+)+x$/');
  if (!glob.ok || !regex.ok) throw new Error('the bench patterns must compile');
  const count = (test: (n: string) => boolean): number => names.filter(test).length;
  const rule = timedSync(() => count((n) => patternMatches(PATHOLOGICAL, n)), runs);
  const globMs = timedSync(() => count(glob.test), runs);
  const regexMs = timedSync(() => count(regex.test), runs);
  const long = longNames();
  // Compiled afresh each run, as a clean-up does: its cache and work budget start empty.
  const worstRun = (): number => {
    const worst = compilePattern(WORST);
    if (!worst.ok) throw new Error('the worst bench pattern must compile');
    return long.filter(worst.test).length;
  };
  const worstMs = timedSync(worstRun, runs);
  const ids = names.map((_, i) => `package:${i}`);
  const claimMs = timedSync(() => new InFlight().claim([...ids, ...ids]), runs);
  const figure = (name: string, ms: number, matched: number | undefined, note: string, goal = GOAL_MS): Figure => ({
    name,
    unit: 'ms',
    ours: ms,
    goal: `≤ ${goal} ms`,
    met: ms <= goal && (matched === undefined || matched === 0),
    note,
  });
  return [
    figure(
      '11a. protection rule over 10,000 names',
      rule,
      count((n) => patternMatches(PATHOLOGICAL, n)),
      `${PATHOLOGICAL}, names of 20–59 a's`,
    ),
    figure('11b. clean-up glob over 10,000 names', globMs, count(glob.test), 'the same pattern as a clean-up name glob'),
    figure('11c. clean-up /regex/ over 10,000 names', regexMs, count(regex.test), '/^@acme\\/(a+)+x$/ (exponential on a backtracking engine)'),
    figure('11d. InFlight.claim of 10,000 ids (each twice)', claimMs, undefined, `${new InFlight().claim([...ids, ...ids]).length} claimed`),
    figure('11e. worst accepted clean-up /regex/ over 10,000 names of 255 characters', worstMs, worstRun(), `${WORST}: 2,000 states, all live`, WORST_GOAL_MS),
  ];
}
