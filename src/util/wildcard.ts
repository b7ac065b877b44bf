/**
 * Wildcard patterns matched without backtracking: `*` (any run of characters, also none)
 * splits the pattern into pieces; the first piece must start the value, the last end it, and
 * each one between is looked for once, left to right, at its leftmost place after the one
 * before (leftmost is never worse for the pieces that follow). Time is at most the value's
 * length times the pattern's, whatever the pattern: no pattern can make matching take seconds.
 */

/** One character, whatever it is (a glob's `?`, SQL LIKE's `_`). */
export const ANY_ONE = null;

/** A piece between two stars: characters (UTF-16 code units), or ANY_ONE. */
export type Piece = readonly (string | typeof ANY_ONE)[];

export type WildcardMatcher = (value: string) => boolean;

/** The matcher for pieces that stand between stars (one piece: no star, the whole value). */
export function wildcardMatcher(pieces: readonly Piece[]): WildcardMatcher {
  const [first, ...rest] = pieces;
  const last = rest.pop();
  const middle = rest.map((p) => ({ piece: p, literal: p.includes(ANY_ONE) ? undefined : p.join('') }));
  return (value) => {
    if (last === undefined) return value.length === first.length && pieceAt(first, value, 0);
    const end = value.length - last.length;
    if (end < first.length || !pieceAt(first, value, 0) || !pieceAt(last, value, end)) return false;
    let from = first.length;
    for (const m of middle) {
      const at = m.literal !== undefined ? value.indexOf(m.literal, from) : search(m.piece, value, from, end);
      if (at < 0 || at + m.piece.length > end) return false;
      from = at + m.piece.length;
    }
    return true;
  };
}

/** A glob: `*` any run, `?` any one character, everything else literal. */
export function globPieces(pattern: string): Piece[] {
  return pattern.split('*').map((part) => part.split('').map((ch) => (ch === '?' ? ANY_ONE : ch)));
}

/**
 * An SQL LIKE pattern as PostgreSQL reads it: `%` any run, `_` any one character, `\` makes
 * the next character literal. Undefined for a pattern ending in a lone `\` (PostgreSQL refuses it).
 */
export function likePieces(pattern: string): Piece[] | undefined {
  const pieces: (string | typeof ANY_ONE)[][] = [[]];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (++i >= pattern.length) return undefined;
      pieces[pieces.length - 1].push(pattern[i]);
    } else if (ch === '%') pieces.push([]);
    else pieces[pieces.length - 1].push(ch === '_' ? ANY_ONE : ch);
  }
  return pieces;
}

function pieceAt(piece: Piece, value: string, at: number): boolean {
  if (at < 0 || at + piece.length > value.length) return false;
  for (let i = 0; i < piece.length; i++) if (piece[i] !== ANY_ONE && piece[i] !== value[at + i]) return false;
  return true;
}

/** The leftmost place at or after `from` where the piece fits before `end`, or -1. */
function search(piece: Piece, value: string, from: number, end: number): number {
  for (let at = from; at + piece.length <= end; at++) if (pieceAt(piece, value, at)) return at;
  return -1;
}
