/**
 * Name and version patterns as a person writes them: a glob (`*` any run of characters, `?` one
 * character, everything else literal, the whole value must match) or, between slashes, a
 * regular expression (`/^1\.2\./`, flags after the closing slash: `/rc/i`). Neither can
 * backtrack: globs are matched piece by piece (wildcard.ts), regular expressions by a
 * linear-time engine (linearRegex.ts) whose work is bounded: a pattern that would need too
 * much is refused while it is read, or else as soon as matching it spends its budget (TooCostly).
 */
import { linearRegex } from './linearRegex';
import { TooCostly } from './regexMachine';
import { text, type Text } from './text';
import { globPieces, wildcardMatcher } from './wildcard';

/** Throws TooCostly (naming the pattern) when a regular expression has spent its work budget. */
export type Matcher = (value: string) => boolean;

export type CompiledPattern = { ok: true; test: Matcher } | { ok: false; problem: Text };

const REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;

export function compilePattern(pattern: string): CompiledPattern {
  const regex = REGEX_FORM.exec(pattern);
  if (regex) {
    if (!/^[imsu]*$/.test(regex[2])) return { ok: false, problem: text('"{0}": a regular expression may only have the flags i, m, s and u', pattern) };
    try {
      const compiled = linearRegex(regex[1], regex[2]);
      if (!compiled.ok) return { ok: false, problem: text('"{0}" cannot be used: {1}', pattern, compiled.problem) };
      return { ok: true, test: (value) => costlyNamed(pattern, () => compiled.test(value)) };
    } catch (e) {
      return { ok: false, problem: text('"{0}" is not a valid regular expression ({1})', pattern, e instanceof Error ? e.message : String(e)) };
    }
  }
  if (!pattern.length) return { ok: false, problem: text('The pattern is empty') };
  return { ok: true, test: wildcardMatcher(globPieces(pattern)) };
}

function costlyNamed(pattern: string, run: () => boolean): boolean {
  try {
    return run();
  } catch (e) {
    throw e instanceof TooCostly ? new TooCostly(text('"{0}" cannot be used: {1}', pattern, e.problem)) : e;
  }
}
