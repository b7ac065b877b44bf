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

const QUANTIFIER = /^\{(\d+)(?:(,)(\d*))?\}/;
/** Escapes longer than a backslash and one character (`\u{…}` and `\p{…}` only with the u flag). */
const ESCAPE = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[a-zA-Z])/;
const UNICODE_ESCAPE = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[a-zA-Z]|u\{[0-9a-fA-F]+\}|[pP]\{[^}]*\})/;

export function parseRegex(source: string, unicode: boolean): RegexNode {
  return new Parser(unicode ? Array.from(source) : source.split(''), unicode).parse();
}

class Parser {
  private pos = 0;

  constructor(
    private readonly src: string[],
    private readonly unicode: boolean,
  ) {}

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
      const m = ch === '{' ? QUANTIFIER.exec(this.rest()) : null;
      if (!m) return node;
      this.pos += m[0].length;
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
    if (/[1-9k]/.test(next) || (next === '0' && /\d/.test(this.src[this.pos + 2] ?? ''))) throw new Unsupported(text('back-references are not supported'));
    const long = (this.unicode ? UNICODE_ESCAPE : ESCAPE).exec(this.rest());
    if (next === 'c' && !long) throw new Unsupported(text('"\\c" must be followed by a letter'));
    return this.char(long ? Array.from(long[0]).length : 2);
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

  private rest(): string {
    return this.src.slice(this.pos, this.pos + 40).join('');
  }
}
