/**
 * PyPI project names as PEP 503 compares them: lowercase, every run of `-`, `_` and `.` one `-`.
 * `My_Pkg`, `my.pkg` and `my-pkg` are one project; GitLab stores the name as uploaded.
 */
import type { LockEntry, LockedFile } from './lockEntry';
export function normalizePypiName(name: string): string {
  let out = '';
  let inRun = false;
  for (const ch of name.toLowerCase()) {
    if (ch === '-' || ch === '_' || ch === '.') {
      if (!inRun) out += '-';
      inRun = true;
    } else {
      out += ch;
      inRun = false;
    }
  }
  return out;
}

/**
 * What to put in the Packages API's `package_name` filter to find a PyPI project however it was
 * spelt: the filter is a case-insensitive substring match, so `my-pkg` would miss `my_pkg`; the
 * longest separator-free part of the name finds both (the caller compares normalised names).
 */
export function pypiSearchTerm(name: string): string {
  let best = '';
  let current = '';
  for (const ch of name) {
    if (ch === '-' || ch === '_' || ch === '.') current = '';
    else {
      current += ch;
      if (current.length > best.length) best = current;
    }
  }
  return best || name;
}

/** A PyPI lockfile entry (poetry, uv): its name normalized, the files it lists, where it resolves. */
export function pypiEntry(name: string, version: string, line: number, files: LockedFile[], indexes: string[], otherIndexes: boolean): LockEntry {
  return { ecosystem: 'pypi', name: normalizePypiName(name), version, line, files, anyFileDigests: [], indexes, ...(otherIndexes ? { otherIndexes } : {}) };
}
