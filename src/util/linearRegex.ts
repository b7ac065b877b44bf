/**
 * Regular expressions run without backtracking, so no pattern can take seconds (the
 * `/^(a+)+x$/` kind that freezes a backtracking engine): the pattern becomes a list of states
 * (Thompson's construction) and the value is read once, left to right, carrying the set of
 * states it could be in. Time is at most the value's length times the pattern's size.
 *
 * The syntax and meaning are JavaScript's (flags i, m, s, u): each single character is tested
 * by the engine itself with a one-character expression (`^(?:[a-z])$`, which cannot
 * backtrack), so classes, escapes and case folding mean exactly what they mean there.
 * Back-references and lookaround are refused (see regexParse.ts), as are patterns whose
 * repetitions would make more than MAX_STATES states.
 */
import { parseRegex, Unsupported, type RegexNode } from './regexParse';
import { text, type Text } from './text';

export const MAX_STATES = 20_000;

/** A state: test one character, fork, jump, check an assertion, or accept. */
type State =
  | { op: 'char'; test: (c: string) => boolean }
  | { op: 'split'; to: number; or: number }
  | { op: 'jump'; to: number }
  | { op: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { op: 'match' };

export type LinearRegex = { ok: true; test: (value: string) => boolean } | { ok: false; problem: Text };

/** `flags` without g/y (a test has no position to carry). Throws JavaScript's SyntaxError for a malformed pattern. */
export function linearRegex(source: string, flags: string): LinearRegex {
  new RegExp(source, flags); // parses only, never runs: JavaScript's own syntax errors
  try {
    const unicode = flags.includes('u');
    const machine = new Machine(new Compiler(flags).program(parseRegex(source, unicode)), flags);
    return { ok: true, test: (value) => machine.run(unicode ? Array.from(value) : value.split('')) };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, problem: e.problem };
    throw e;
  }
}

class Compiler {
  readonly states: State[] = [];

  constructor(private readonly flags: string) {}

  program(node: RegexNode): State[] {
    this.emit(node);
    this.push({ op: 'match' });
    return this.states;
  }

  private emit(node: RegexNode): void {
    switch (node.t) {
      case 'char':
        return void this.push({ op: 'char', test: oneChar(node.source, this.flags) });
      case 'assert':
        return void this.push({ op: 'assert', kind: node.kind });
      case 'seq':
        return node.items.forEach((n) => this.emit(n));
      case 'alt': {
        const jumps: { op: 'jump'; to: number }[] = [];
        node.options.forEach((option, i) => {
          const split = i < node.options.length - 1 ? this.push({ op: 'split', to: 0, or: 0 }) : undefined;
          if (split) split.to = this.states.length;
          this.emit(option);
          if (split) {
            jumps.push(this.push({ op: 'jump', to: 0 }));
            split.or = this.states.length;
          }
        });
        return jumps.forEach((j) => (j.to = this.states.length));
      }
      case 'rep': {
        for (let i = 0; i < node.min; i++) this.emit(node.node);
        if (node.max === Infinity) {
          const loop = this.states.length;
          const split = this.push({ op: 'split', to: loop + 1, or: 0 });
          this.emit(node.node);
          this.push({ op: 'jump', to: loop });
          split.or = this.states.length;
          return;
        }
        const skips: { op: 'split'; to: number; or: number }[] = [];
        for (let i = node.min; i < node.max; i++) {
          skips.push(this.push({ op: 'split', to: this.states.length + 1, or: 0 }));
          this.emit(node.node);
        }
        return skips.forEach((s) => (s.or = this.states.length));
      }
    }
  }

  private push<S extends State>(state: S): S {
    if (this.states.length >= MAX_STATES) throw new Unsupported(text('the pattern is too large (its repetitions make more than {0} states)', MAX_STATES));
    this.states.push(state);
    return state;
  }
}

/** An ASCII character no flag changes the meaning of, written as itself or escaped (`/`, `\.`): not a letter, `.` only escaped, no `\0`–`\9`. */
const PLAIN = /^(?:[\x20-\x2d\x2f-\x40\x5b-\x60\x7b-\x7f]|\\[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f])$/;

/** A test of one character by the engine itself: `^(?:source)$` cannot backtrack on one character. */
function oneChar(source: string, flags: string): (c: string) => boolean {
  // A literal (`a`) or an escaped punctuation mark (`\/`, `\.`) is that character: compared directly.
  const literal = source.length === 1 && source !== '.' && !flags.includes('i') ? source : PLAIN.test(source) ? source.slice(-1) : undefined;
  if (literal !== undefined) return (c) => c === literal;
  const re = new RegExp(`^(?:${source})$`, flags.replace('m', ''));
  const known = new Map<string, boolean>();
  return (c) => {
    let hit = known.get(c);
    if (hit === undefined) {
      hit = re.test(c);
      if (known.size < 1024) known.set(c, hit);
    }
    return hit;
  };
}

const LINE_END = /^[\n\r\u2028\u2029]$/;

function holds(kind: '^' | '$' | 'b' | 'B', chars: readonly string[], at: number, flags: string, isWord: (c: string) => boolean): boolean {
  const multiline = flags.includes('m');
  if (kind === '^') return at === 0 || (multiline && LINE_END.test(chars[at - 1]));
  if (kind === '$') return at === chars.length || (multiline && LINE_END.test(chars[at]));
  const boundary = (at > 0 && isWord(chars[at - 1])) !== (at < chars.length && isWord(chars[at]));
  return kind === 'b' ? boundary : !boundary;
}

/** Runs the states over values, one at a time (synchronous: the scratch space is shared). */
class Machine {
  private readonly isWord: (c: string) => boolean;
  private readonly anchored: boolean;
  /** Per state, the position (plus `epoch`) it was last added at: a state is added once per position. */
  private readonly seen: Int32Array;
  private epoch = 0;

  constructor(
    private readonly states: readonly State[],
    private readonly flags: string,
  ) {
    this.isWord = oneChar('\\w', flags);
    const first = states[0];
    this.anchored = first.op === 'assert' && first.kind === '^' && !flags.includes('m');
    this.seen = new Int32Array(states.length).fill(-1);
  }

  /** Whether the states accept somewhere in `chars` (unanchored, as RegExp.test). */
  run(chars: readonly string[]): boolean {
    if (this.epoch > 2 ** 30) {
      this.seen.fill(-1);
      this.epoch = 0;
    }
    const base = this.epoch;
    this.epoch += chars.length + 1;
    const { states, seen } = this;
    /** Adds `from` and every state reachable from it without reading a character; true when one accepts. */
    const close = (list: number[], from: number, at: number): boolean => {
      const stamp = base + at;
      const stack = [from];
      while (stack.length) {
        const i = stack.pop() as number;
        if (seen[i] === stamp) continue;
        seen[i] = stamp;
        const s = states[i];
        if (s.op === 'match') return true;
        if (s.op === 'char') list.push(i);
        else if (s.op === 'jump') stack.push(s.to);
        else if (s.op === 'split') stack.push(s.or, s.to);
        else if (holds(s.kind, chars, at, this.flags, this.isWord)) stack.push(i + 1);
      }
      return false;
    };
    let current: number[] = [];
    for (let at = 0; ; at++) {
      // Anchored at the start (`^…` without m): nothing begins later, and nothing left means no match.
      if ((at === 0 || !this.anchored) && close(current, 0, at)) return true;
      if (at === chars.length || (this.anchored && !current.length)) return false;
      const next: number[] = [];
      for (const i of current) {
        const s = states[i];
        if (s.op === 'char' && s.test(chars[at]) && close(next, i + 1, at + 1)) return true;
      }
      current = next;
    }
  }
}
