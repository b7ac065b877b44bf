/**
 * Name and version patterns as a person writes them: a glob (`*` any run of characters, `?` one
 * character, everything else literal, the whole value must match) or, between slashes, a
 * regular expression (`/^1\.2\./`, flags after the closing slash: `/rc/i`).
 */
import { text, type Text } from './text';

export type Matcher = (value: string) => boolean;

export type CompiledPattern = { ok: true; test: Matcher } | { ok: false; problem: Text };

const REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;

export function compilePattern(pattern: string): CompiledPattern {
  const regex = REGEX_FORM.exec(pattern);
  if (regex) {
    if (!/^[imsu]*$/.test(regex[2])) return { ok: false, problem: text('"{0}": a regular expression may only have the flags i, m, s and u', pattern) };
    try {
      const re = new RegExp(regex[1], regex[2]);
      return { ok: true, test: (v) => re.test(v) };
    } catch (e) {
      return { ok: false, problem: text('"{0}" is not a valid regular expression ({1})', pattern, e instanceof Error ? e.message : String(e)) };
    }
  }
  if (!pattern.length) return { ok: false, problem: text('The pattern is empty') };
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`, 's');
  return { ok: true, test: (v) => re.test(v) };
}
