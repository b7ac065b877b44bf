/**
 * `yarn.lock` v1 (yarn classic). Read line by line here rather than with `@yarnpkg/lockfile`:
 * that package is yarn's whole bundled source (111 KB minified) and needs Node's fs, crypto and
 * stream, so it cannot go into the browser bundle; the format it parses is small and regular:
 *
 *     "@scope/a@^1.0.0", "@scope/a@^1.1.0":
 *       version "1.2.0"
 *       resolved "https://host/…/a-1.2.0.tgz#<sha1 hex>"
 *       integrity sha512-…
 *       dependencies:
 *         b "^2.0.0"
 *
 * A yarn 2+ ("berry") lockfile is YAML with a `__metadata` block and a checksum of yarn's own
 * zip, not of the tarball: it is reported as unsupported.
 */
import { dedupe, fromHex, fromSri } from './digest';
import { addProblem, type Digest, type ParsedLockfile } from './lockEntry';
import { textLines } from './textLines';

interface Block {
  line: number;
  specs: string[];
  fields: Map<string, string>;
}

export function parseYarnLock(text: string): ParsedLockfile {
  const result: ParsedLockfile = { format: 'yarn-v1', entries: [], ignored: 0, problems: [] };
  let block: Block | undefined;
  for (const [line, lineNo] of textLines(text)) {
    const indent = leadingSpaces(line);
    if (indent === line.length || line[indent] === '#') continue;
    if (indent === 0) {
      if (block) finish(block, result);
      block = undefined;
      if (line.startsWith('__metadata:')) {
        return { ...result, entries: [], problems: [{ kind: 'unsupported', line: lineNo, detail: 'yarn 2+ lockfile (__metadata)' }] };
      }
      if (line.startsWith('<<<<<<<') || line.startsWith('=======') || line.startsWith('>>>>>>>')) {
        addProblem(result, { kind: 'syntax', line: lineNo, detail: 'merge conflict marker' });
        continue;
      }
      const specs = line.endsWith(':') ? splitSpecs(line.slice(0, -1)) : undefined;
      if (!specs?.length) addProblem(result, { kind: 'syntax', line: lineNo, detail: line.slice(0, 200) });
      else block = { line: lineNo, specs, fields: new Map() };
    } else if (indent === 2 && block) {
      const field = readField(line, indent);
      if (field === 'berry') {
        return { ...result, entries: [], problems: [{ kind: 'unsupported', line: lineNo, detail: 'yarn 2+ lockfile (key: value)' }] };
      }
      if (field) block.fields.set(field[0], field[1]);
    }
    // Deeper lines are `dependencies` lists: not needed to verify a package.
  }
  if (block) finish(block, result);
  return result;
}

function finish(block: Block, result: ParsedLockfile): void {
  const version = block.fields.get('version');
  const resolved = block.fields.get('resolved');
  const name = specName(block.specs[0]);
  if (!version || !name) {
    addProblem(result, { kind: 'entry', line: block.line, detail: block.specs[0] });
    return;
  }
  if (!resolved || !/^https?:\/\//i.test(resolved)) {
    result.ignored++;
    return;
  }
  const digests: Digest[] = fromSri(block.fields.get('integrity') ?? '');
  const hash = resolved.indexOf('#');
  const fragmentSha1 = hash < 0 ? undefined : fromHex('sha1', resolved.slice(hash + 1));
  if (fragmentSha1) digests.push(fragmentSha1);
  result.entries.push({
    ecosystem: 'npm',
    name,
    version,
    line: block.line,
    files: [{ url: hash < 0 ? resolved : resolved.slice(0, hash), digests: dedupe(digests) }],
    anyFileDigests: [],
    indexes: [],
  });
}

/** The package a specifier resolves to: `a@^1`, `@s/a@^1`, an alias `b@npm:@s/a@^1` gives `@s/a`. */
export function specName(spec: string | undefined): string | undefined {
  if (!spec) return undefined;
  const at = spec.indexOf('@', 1);
  if (at < 0) return spec;
  const range = spec.slice(at + 1);
  if (range.startsWith('npm:')) {
    const real = range.slice(4);
    const realAt = real.indexOf('@', 1);
    return realAt < 0 ? real : real.slice(0, realAt);
  }
  return spec.slice(0, at);
}

/** `"a@^1", a@^2` → `['a@^1', 'a@^2']`; undefined when a quote is not closed. */
function splitSpecs(header: string): string[] | undefined {
  const specs: string[] = [];
  let i = 0;
  while (i < header.length) {
    while (header[i] === ' ' || header[i] === ',') i++;
    if (i >= header.length) break;
    const token = readToken(header, i, ',');
    if (!token) return undefined;
    specs.push(token.value.trim());
    i = token.end;
  }
  return specs;
}

/** `  key value` → [key, value]; `  key:` (a nested block) → undefined; `  key: value` is yarn 2+. */
function readField(line: string, indent: number): [string, string] | 'berry' | undefined {
  const key = readToken(line, indent, ' :');
  if (!key) return undefined;
  if (line[key.end] === ':') return line.slice(key.end + 1).trim() ? 'berry' : undefined;
  let i = key.end;
  while (line[i] === ' ') i++;
  const value = readToken(line, i, '');
  return value ? [key.value, value.value] : undefined;
}

/** A quoted string (JSON escapes) or bare text up to one of `stops`; undefined when a quote is not closed. */
function readToken(s: string, start: number, stops: string): { value: string; end: number } | undefined {
  if (s[start] === '"') {
    let i = start + 1;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    if (i >= s.length) return undefined;
    const raw = s.slice(start, i + 1);
    try {
      return { value: JSON.parse(raw) as string, end: i + 1 };
    } catch {
      return { value: raw.slice(1, -1), end: i + 1 };
    }
  }
  let i = start;
  while (i < s.length && !stops.includes(s[i])) i++;
  const value = stops ? s.slice(start, i) : s.slice(start).trimEnd();
  return value ? { value, end: i } : undefined;
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}
