/**
 * A JavaScript regular expression read into the parts a linear-time matcher can run: single
 * characters (literals, `.`, classes, `\d` …), sequences, alternatives, repetitions and the
 * assertions `^ $ \b \B`. What needs backtracking to mean anything — back-references and
 * lookaround — is refused with the reason. The source has already passed `new RegExp` (which
 * only parses), so only well-formed patterns arrive here.
 */
import { text, type Text } from './text';

/** `source` is the one-character expression as written (`a`, `[^0-9]`, `\d`, `.`). */
export type RegexNode =
  | { t: 'char'; source: string }
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; options: RegexNode[] }
  | { t: 'rep'; node: RegexNode; min: number; max: number }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' };

/** Repetition counts above this are refused (each repetition is a copy in the matcher). */
export const MAX_COUNT = 1000;

export class Unsupported extends Error {
  constructor(readonly problem: Text) {
    super(problem.message);
  }
}

/** Read at the position (sticky), over the whole rest of the source: counts and escapes may be of any length. */
const QUANTIFIER = /\{(\d+)(?:(,)(\d*))?\}/y;
/** Escapes longer than a backslash and one character (`\u{…}` and `\p{…}` only with the u flag). */
const ESCAPE = /\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[a-zA-Z])/y;
/** Under u, a surrogate pair written as two `\u` escapes is one character. */
const UNICODE_ESCAPE =
  /\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[a-zA-Z]|u\{[0-9a-fA-F]+\}|[pP]\{[^}]*\})/y;
/** Without u, where no group has that number: a legacy octal escape (`\1`, `\01`, `\377`) or the digit itself (`\8`). */
const OCTAL_OR_DIGIT = /\\(?:[0-3][0-7]{0,2}|[4-7][0-7]?|[89])/y;
/** What opens a capturing group (plain or named), skipping escapes and classes: to count them. */
const GROUPS = /\\.|\[(?:\\.|[^\]\\])*\]|\((?!\?)|\(\?<(?![=!])/gs;

export function parseRegex(source: string, unicode: boolean): RegexNode {
  return new Parser(unicode ? Array.from(source) : source.split(''), unicode).parse();
}

class Parser {
  private pos = 0;
  /** The source as one string, and where each of `src`'s characters begins in it. */
  private readonly whole: string;
  private readonly offsets: number[] = [];
  private readonly groups: number;
  private readonly named: boolean;

  constructor(
    private readonly src: string[],
    private readonly unicode: boolean,
  ) {
    this.whole = src.join('');
    let at = 0;
    for (const ch of src) {
      this.offsets.push(at);
      at += ch.length;
    }
    const opens = this.whole.match(GROUPS)?.filter((m) => m[0] === '(') ?? [];
    this.groups = opens.length;
    this.named = opens.some((m) => m === '(?<');
  }

  parse(): RegexNode {
    const node = this.alternatives();
    if (this.pos < this.src.length) throw new Unsupported(text('unmatched ")"'));
    return node;
  }

  private alternatives(): RegexNode {
    const options = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { t: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') items.push(this.quantified(this.atom()));
    return { t: 'seq', items };
  }

  private quantified(node: RegexNode): RegexNode {
    const ch = this.src[this.pos];
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
    } else {
      const m = ch === '{' ? this.read(QUANTIFIER) : null;
      if (!m) return node;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw new Unsupported(text('repetition counts above {0} are not supported', MAX_COUNT));
    }
    if (this.src[this.pos] === '?') this.pos++; // lazy: the same strings match
    return { t: 'rep', node, min, max };
  }

  private atom(): RegexNode {
    const ch = this.src[this.pos];
    if (ch === '(') return this.group();
    if (ch === '^' || ch === '$') {
      this.pos++;
      return { t: 'assert', kind: ch };
    }
    if (ch === '[') return this.char(this.classEnd() - this.pos);
    if (ch === '\\') return this.escape();
    if (ch === '.') return this.char(1);
    this.pos++;
    return { t: 'char', source: ch.replace(/[\\^$.*+?()[\]{}|/]/, '\\$&') };
  }

  private group(): RegexNode {
    this.pos++;
    if (this.src[this.pos] === '?') {
      const kind = this.src.slice(this.pos + 1, this.pos + 3).join('');
      if (kind[0] === '=' || kind[0] === '!' || kind === '<=' || kind === '<!') throw new Unsupported(text('lookahead and lookbehind are not supported'));
      if (kind[0] !== ':' && kind[0] !== '<') throw new Unsupported(text('the group "(?{0}" is not supported', kind[0]));
      // (?:…) or a named group (?<name>…): both only group here.
      this.pos = kind[0] === ':' ? this.pos + 2 : this.src.indexOf('>', this.pos) + 1;
    }
    const inner = this.alternatives();
    this.pos++; // ')'
    return inner;
  }

  private escape(): RegexNode {
    const next = this.src[this.pos + 1] ?? '';
    if (next === 'b' || next === 'B') {
      this.pos += 2;
      return { t: 'assert', kind: next };
    }
    if (this.isBackReference(next)) throw new Unsupported(text('back-references are not supported'));
    const start = this.pos;
    const long = this.read(this.unicode ? UNICODE_ESCAPE : /\d/.test(next) ? OCTAL_OR_DIGIT : ESCAPE);
    if (long) return { t: 'char', source: this.src.slice(start, this.pos).join('') };
    if (next !== 'c') return this.char(2);
    // Without u, `\c` before anything but a letter is a backslash; the `c` is read next.
    this.pos++;
    return { t: 'char', source: '\\\\' };
  }

  /** `\1`…, `\k<name>`: with u always (JavaScript refused the rest); without, only where such a group exists. */
  private isBackReference(next: string): boolean {
    if (next === 'k') return this.unicode || this.named;
    if (!/[1-9]/.test(next)) return false;
    const digits = /\d+/y;
    digits.lastIndex = this.offsets[this.pos + 1];
    return this.unicode || Number(digits.exec(this.whole)?.[0]) <= this.groups;
  }

  /** The position after the `]` that closes the class starting here. */
  private classEnd(): number {
    let i = this.pos + 1;
    while (i < this.src.length && this.src[i] !== ']') i += this.src[i] === '\\' ? 2 : 1;
    return i + 1;
  }

  private char(length: number): RegexNode {
    const source = this.src.slice(this.pos, this.pos + length).join('');
    this.pos += length;
    return { t: 'char', source };
  }

  /** `pattern` (sticky) matched at the position, which then moves past it. */
  private read(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.offsets[this.pos] ?? this.whole.length;
    const m = pattern.exec(this.whole);
    if (m) this.pos += Array.from(m[0]).length;
    return m;
  }
}
