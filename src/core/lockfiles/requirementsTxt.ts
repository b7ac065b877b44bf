/**
 * pip `requirements*.txt` with `--hash` (as `pip-compile --generate-hashes` and `uv pip compile`
 * write them), read as pip reads them (pip/_internal/req/req_file.py): a line ending in `\`
 * continues on the next, `#` after whitespace starts a comment, `-i/--index-url` and
 * `--extra-index-url` apply to the whole file wherever they stand. Only pinned requirements
 * (`name==1.2.3`) are entries; ranges, editables, paths and `-r` includes are counted as ignored.
 */
import { dedupe, fromPrefixedHex } from './digest';
import { addProblem, type Digest, type LockEntry, type ParsedLockfile } from './lockEntry';
import { normalizePypiName } from './pypiName';
import { parseHttpUrl, withoutCredentials } from './urlParts';
import { textLines } from './textLines';

interface LogicalLine {
  line: number;
  text: string;
}

export function parseRequirements(text: string): ParsedLockfile {
  const result: ParsedLockfile = { format: 'requirements', entries: [], ignored: 0, problems: [] };
  let indexUrl: string | undefined;
  const extraIndexes: string[] = [];
  let findLinks = false;
  let noIndex = false;
  const pending: LockEntry[] = [];
  for (const { line, text: logical } of logicalLines(text)) {
    const tokens = logical.split(/[ \t]+/).filter(Boolean);
    const firstOption = tokens.findIndex((t) => t.startsWith('-'));
    const requirement = (firstOption < 0 ? tokens : tokens.slice(0, firstOption)).join(' ');
    const options = firstOption < 0 ? [] : tokens.slice(firstOption);
    const hashes: Digest[] = [];
    for (let i = 0; i < options.length; i++) {
      const [flag, inline] = splitOption(options[i]);
      const value = inline ?? options[i + 1];
      const takesValue = VALUE_OPTIONS.has(flag);
      if (takesValue && inline === undefined) i++;
      if (flag === '--hash') {
        const d = value === undefined ? undefined : fromPrefixedHex(value);
        if (d) hashes.push(d);
        else addProblem(result, { kind: 'entry', line, detail: `--hash ${value ?? ''}`.slice(0, 200) });
      } else if ((flag === '-i' || flag === '--index-url') && value) indexUrl = withoutCredentials(value);
      else if (flag === '--extra-index-url' && value) extraIndexes.push(withoutCredentials(value));
      else if (flag === '-f' || flag === '--find-links') findLinks = true;
      else if (flag === '--no-index') noIndex = true;
      else if (flag === '-e' || flag === '--editable' || flag === '-r' || flag === '--requirement' || flag === '-c' || flag === '--constraint')
        result.ignored++;
    }
    if (!requirement) continue;
    const pinned = pinnedRequirement(requirement);
    if (!pinned) {
      result.ignored++;
      continue;
    }
    pending.push({
      ecosystem: 'pypi',
      name: pinned.name,
      version: pinned.version,
      line,
      files: pinned.url ? [{ url: withoutCredentials(pinned.url), digests: dedupe(hashes) }] : [],
      anyFileDigests: pinned.url ? [] : dedupe(hashes),
      indexes: [],
    });
  }
  const indexes = noIndex ? [] : [...(indexUrl ? [indexUrl] : []), ...extraIndexes].filter(Boolean);
  // The default index (PyPI) is used unless `-i` replaced it; `--find-links` adds folders and pages.
  const otherIndexes = noIndex || !indexUrl || findLinks;
  for (const entry of pending) result.entries.push({ ...entry, indexes, ...(otherIndexes ? { otherIndexes } : {}) });
  return result;
}

/** Options whose value may be the next token (`-i URL` as well as `--index-url=URL`). */
const VALUE_OPTIONS = new Set([
  '--hash',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '--trusted-host',
  '--config-settings',
  '--global-option',
  '--use-feature',
  '--only-binary',
  '--no-binary',
]);

function splitOption(token: string): [string, string | undefined] {
  const eq = token.indexOf('=');
  if (token.startsWith('--') && eq > 0) return [token.slice(0, eq), token.slice(eq + 1)];
  // `-ihttps://…`: a short option with its value attached.
  if (!token.startsWith('--') && token.length > 2) return [token.slice(0, 2), token.slice(2)];
  return [token, undefined];
}

/**
 * `name[extras]==1.2.3 ; marker` → name and version; `name @ https://…` → name and URL
 * (the version comes from the file name when it is a wheel or sdist); undefined otherwise.
 */
export function pinnedRequirement(req: string): { name: string; version: string; url?: string } | undefined {
  const semi = req.indexOf(';');
  const spec = (semi < 0 ? req : req.slice(0, semi)).trim();
  let i = 0;
  while (i < spec.length && isNameChar(spec.charCodeAt(i))) i++;
  const name = spec.slice(0, i);
  if (!name) return undefined;
  let rest = spec.slice(i).trim();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    rest = rest.slice(close + 1).trim();
  }
  if (rest.startsWith('@')) {
    const url = rest.slice(1).trim();
    if (!parseHttpUrl(url)) return undefined;
    const version = versionFromFileName(name, url);
    return version ? { name: normalizePypiName(name), version, url } : undefined;
  }
  const clauses = rest.split(',').map((c) => c.trim());
  if (clauses.length !== 1) return undefined;
  const clause = clauses[0];
  const op = clause.startsWith('===') ? '===' : clause.startsWith('==') ? '==' : undefined;
  const version = op && clause.slice(op.length).trim();
  if (!version || version.includes('*') || version.includes(' ')) return undefined;
  return { name: normalizePypiName(name), version };
}

/** `pkg-1.2.3-py3-none-any.whl` / `pkg-1.2.3.tar.gz` → `1.2.3`, when the name prefix fits. */
function versionFromFileName(name: string, url: string): string | undefined {
  const file = url.slice(url.lastIndexOf('/') + 1).split('#')[0];
  const stem = file.endsWith('.whl') ? file.split('-')[1] : file.endsWith('.tar.gz') ? file.slice(0, -'.tar.gz'.length).split('-').pop() : undefined;
  const prefix = file.slice(0, file.indexOf('-'));
  return stem && normalizePypiName(prefix) === normalizePypiName(name) ? stem : undefined;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;
}

/** Physical lines joined at a trailing `\`, comments removed; each with the line it starts on. */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let joined: string[] = [];
  let firstLine = 0;
  for (const [line, lineNo] of textLines(text)) {
    const commentOnly = isCommentOnly(line);
    if (line.endsWith('\\') && !commentOnly) {
      if (!joined.length) firstLine = lineNo;
      joined.push(line.slice(0, -1));
      continue;
    }
    const whole = joined.length ? joined.join('') + (commentOnly ? '' : line) : line;
    const at = joined.length ? firstLine : lineNo;
    joined = [];
    const content = stripComment(whole).trim();
    if (content) out.push({ line: at, text: content });
  }
  if (joined.length) {
    const content = stripComment(joined.join('')).trim();
    if (content) out.push({ line: firstLine, text: content });
  }
  return out;
}

function isCommentOnly(line: string): boolean {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return line[i] === '#';
}

/** pip's `(^|\s+)#.*$`: a `#` at the start or after whitespace starts a comment (a URL's `#sha256=` does not). */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return line.slice(0, i);
  }
  return line;
}
