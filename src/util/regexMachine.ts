/**
 * Runs the states of linearRegex.ts over values as a lazy DFA: the set of states the value
 * could be in is built once per (set, character, kind of the next character) and kept, so a
 * value is read once, one cached step per character. Building a step costs at most the
 * number of states; all the building one compiled pattern may do is bounded by WORK_BUDGET,
 * past which it throws TooCostly ("this pattern is too costly to match; simplify it") rather
 * than hold the extension host. The cache is dropped and rebuilt when it grows too large.
 */
import { Unsupported } from './regexParse';
import { text } from './text';

export type AssertKind = '^' | '$' | 'b' | 'B';

/** A state: test one character, fork, jump, check an assertion, or accept. */
export type State =
  | { op: 'char'; test: (c: string) => boolean }
  | { op: 'split'; to: number; or: number }
  | { op: 'jump'; to: number }
  | { op: 'assert'; kind: AssertKind }
  | { op: 'match' };

/** States visited and characters tested while building steps, over every value one pattern is tested on (~0.1 s). */
export const WORK_BUDGET = 5_000_000;
/** Cached sets (and the states they hold, all sets together) before the cache is dropped. */
const MAX_SETS = 4096;
const MAX_HELD = 1_000_000;

export class TooCostly extends Unsupported {
  constructor(problem = text('this pattern is too costly to match; simplify it')) {
    super(problem);
  }
}

/** What surrounds a position: nothing (the value's start or end), a line end, a word character, another. */
const EDGE = 0;
const LINE = 1;
const WORD = 2;
const OTHER = 3;
const LINE_END = /^[\n\r\u2028\u2029]$/;

/** A set of states the value can be in between two characters; steps keyed by the character read and the kind after it. */
interface DState {
  states: Int32Array;
  next: Map<string, DState[]>;
}
const ACCEPT: DState = { states: new Int32Array(0), next: new Map() };
const DEAD: DState = { states: new Int32Array(0), next: new Map() };

export class Machine {
  /** `^…` without m: nothing begins after the start. */
  private readonly anchored: boolean;
  /** Whether any assertion looks at the next character (`$ \b \B`). */
  private readonly looksAhead: boolean;
  private readonly seen: Int32Array;
  private stamp = 0;
  private work = 0;
  private sets = new Map<string, DState>();
  private held = 0;
  private starts: DState[] = [];

  constructor(
    private readonly states: readonly State[],
    private readonly multiline: boolean,
    private readonly isWord: (c: string) => boolean,
  ) {
    const first = states[0];
    this.anchored = first.op === 'assert' && first.kind === '^' && !multiline;
    this.looksAhead = states.some((s) => s.op === 'assert' && s.kind !== '^');
    this.seen = new Int32Array(states.length);
  }

  /** Whether the states accept somewhere in `chars` (unanchored, as RegExp.test). Throws TooCostly past the budget. */
  run(chars: readonly string[]): boolean {
    if (this.work > WORK_BUDGET) throw new TooCostly();
    const after = (at: number) => (this.looksAhead ? this.kindOf(chars[at]) : EDGE);
    let s = (this.starts[after(0)] ??= this.build([], '', EDGE, after(0)));
    for (let at = 0; s !== ACCEPT; at++) {
      if (at === chars.length || s === DEAD) return false;
      const c = chars[at];
      const kind = after(at + 1);
      let row = s.next.get(c);
      let to = row?.[kind];
      if (!to) {
        to = this.build(Array.from(s.states), c, this.kindOf(c), kind);
        if (!row) s.next.set(c, (row = []));
        row[kind] = to;
      }
      s = to;
    }
    return true;
  }

  /** The set after reading `c` (none at the start) from `from`, between kinds `before` and `after`. */
  private build(from: readonly number[], c: string, before: number, after: number): DState {
    if (++this.stamp === 2 ** 31 - 1) this.seen.fill((this.stamp = 0));
    const list: number[] = [];
    this.spend(from.length);
    for (const i of from) {
      const s = this.states[i];
      if (s.op === 'char' && s.test(c) && this.close(list, i + 1, before, after)) return ACCEPT;
    }
    if ((!this.anchored || before === EDGE) && this.close(list, 0, before, after)) return ACCEPT;
    if (!list.length && this.anchored) return DEAD;
    return this.intern(list.sort((a, b) => a - b));
  }

  /** Adds `from` and every state reachable from it without reading a character; true when one accepts. */
  private close(list: number[], from: number, before: number, after: number): boolean {
    const { states, seen, stamp } = this;
    const stack = [from];
    while (stack.length) {
      const i = stack.pop() as number;
      if (seen[i] === stamp) continue;
      seen[i] = stamp;
      this.spend(1);
      const s = states[i];
      if (s.op === 'match') return true;
      if (s.op === 'char') list.push(i);
      else if (s.op === 'jump') stack.push(s.to);
      else if (s.op === 'split') stack.push(s.or, s.to);
      else if (this.holds(s.kind, before, after)) stack.push(i + 1);
    }
    return false;
  }

  private holds(kind: AssertKind, before: number, after: number): boolean {
    if (kind === '^') return before === EDGE || (this.multiline && before === LINE);
    if (kind === '$') return after === EDGE || (this.multiline && after === LINE);
    return ((before === WORD) !== (after === WORD)) === (kind === 'b');
  }

  private kindOf(c: string | undefined): number {
    return c === undefined ? EDGE : LINE_END.test(c) ? LINE : this.isWord(c) ? WORD : OTHER;
  }

  private intern(list: number[]): DState {
    this.spend(4 * list.length); // sorting, the key, the copy
    const key = list.join(',');
    const known = this.sets.get(key);
    if (known) return known;
    if (this.sets.size >= MAX_SETS || this.held >= MAX_HELD) this.dropCache();
    const made: DState = { states: Int32Array.from(list), next: new Map() };
    this.sets.set(key, made);
    this.held += list.length;
    return made;
  }

  /** Forgets every cached set and step (the set being read from keeps working: its steps are rebuilt). */
  private dropCache(): void {
    for (const s of this.sets.values()) s.next.clear();
    this.sets = new Map();
    this.starts = [];
    this.held = 0;
  }

  private spend(units: number): void {
    this.work += units;
    if (this.work > WORK_BUDGET) throw new TooCostly();
  }
}
