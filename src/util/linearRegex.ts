/**
 * Regular expressions run without backtracking, so no pattern can take seconds (the
 * `/^(a+)+x$/` kind that freezes a backtracking engine): the pattern becomes a list of states
 * (Thompson's construction) and the value is read once, left to right, carrying the set of
 * states it could be in (regexMachine.ts). Each set and step is built once and cached, so a
 * value costs one cached step per character; building a step visits at most MAX_STATES
 * states, and all the building for one compiled pattern is bounded (WORK_BUDGET), past which
 * the pattern is refused as too costly to match rather than hold the extension host.
 *
 * The syntax and meaning are JavaScript's (flags i, m, s, u): each single character is tested
 * by the engine itself with a one-character expression (`^(?:[a-z])$`, which cannot
 * backtrack), so classes, escapes and case folding mean exactly what they mean there.
 * Back-references and lookaround are refused (see regexParse.ts), as are patterns whose
 * repetitions would make more than MAX_STATES states.
 */
import { parseRegex, Unsupported, type RegexNode } from './regexParse';
import { Machine, type State } from './regexMachine';
import { text, type Text } from './text';

/** Each step of a value may visit every state: few enough that building a step stays cheap. */
export const MAX_STATES = 2_000;

export type LinearRegex = { ok: true; test: (value: string) => boolean } | { ok: false; problem: Text };

/** `flags` without g/y (a test has no position to carry). Throws JavaScript's SyntaxError for a malformed pattern. */
export function linearRegex(source: string, flags: string): LinearRegex {
  new RegExp(source, flags); // parses only, never runs: JavaScript's own syntax errors
  try {
    const unicode = flags.includes('u');
    const machine = new Machine(new Compiler(flags).program(parseRegex(source, unicode)), flags.includes('m'), oneChar('\\w', flags));
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
        // A body that makes no state (`(?:)`, `a{0}`) repeats to nothing: it is not emitted again.
        const start = this.states.length;
        for (let i = 0; i < node.min; i++) {
          this.emit(node.node);
          if (this.states.length === start) return;
        }
        const skips: { op: 'split'; to: number; or: number }[] = [];
        for (let i = node.min; i < node.max; i++) {
          const at = this.states.length;
          skips.push(this.push({ op: 'split', to: at + 1, or: 0 }));
          this.emit(node.node);
          if (this.states.length === at + 1) {
            this.states.length = at;
            skips.pop();
            break;
          }
          if (node.max === Infinity) {
            this.push({ op: 'jump', to: at });
            break;
          }
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
