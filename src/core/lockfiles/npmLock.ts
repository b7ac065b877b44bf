/**
 * `package-lock.json` / `npm-shrinkwrap.json`, lockfile versions 1–3: v1 nests `dependencies`
 * by name, v3 lists `packages` by install path, v2 holds both (`packages` is the one npm 7+
 * reads, so it wins). Entries npm does not fetch from a registry — workspace links, bundled
 * dependencies, `file:` and git sources — are counted as ignored.
 */
import { fromSri } from './digest';
import { jsonKeyLines, ROOT } from './jsonKeyLines';
import { addProblem, type LockEntry, type LockfileProblem, type ParsedLockfile } from './lockEntry';

type Json = Record<string, unknown>;

/** v1 nests a dependency inside the one that needs it; real trees stay far shallower than this. */
const MAX_V1_DEPTH = 128;

export function parseNpmLock(text: string, format: 'package-lock' | 'npm-shrinkwrap'): ParsedLockfile {
  const result: ParsedLockfile = { format, entries: [], ignored: 0, problems: [] };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    addProblem(result, syntaxProblem(text, e));
    return result;
  }
  if (!isObject(root)) {
    addProblem(result, { kind: 'syntax', line: 1, detail: 'not a JSON object' });
    return result;
  }
  const version = root.lockfileVersion;
  if (version !== undefined && version !== 1 && version !== 2 && version !== 3) {
    addProblem(result, { kind: 'unsupported', line: 1, detail: `lockfileVersion ${JSON.stringify(version)}` });
    return result;
  }
  if (isObject(root.packages) && version !== 1) readPackages(text, root.packages, result);
  else if (isObject(root.dependencies)) readDependencies(text, root.dependencies, result);
  return result;
}

/** v2/v3: `"node_modules/a/node_modules/@s/b": { version, resolved, integrity, … }`. */
function readPackages(text: string, packages: Json, result: ParsedLockfile): void {
  const lines = jsonKeyLines(text, (parent) => parent.length === 1 && parent[0] === 'packages');
  const inPackages = lines.child(ROOT, 'packages');
  for (const [path, value] of Object.entries(packages)) {
    if (path === '') continue; // the project itself
    const line = lines.line(inPackages, path) ?? 1;
    if (!isObject(value)) {
      addProblem(result, { kind: 'entry', line, detail: path });
      continue;
    }
    const at = path.lastIndexOf('node_modules/');
    // Not under node_modules/: a workspace's own folder.
    if (at < 0 || value.link === true || value.inBundle === true) {
      result.ignored++;
      continue;
    }
    const name = typeof value.name === 'string' ? value.name : path.slice(at + 'node_modules/'.length);
    addEntry(result, name, value, line);
  }
}

/** v1: `dependencies: { a: { version, resolved, integrity, dependencies: { … } } }`, walked without recursion. */
function readDependencies(text: string, top: Json, result: ParsedLockfile): void {
  // Parity and the last key are enough: a stray match only records a line nobody looks up.
  const lines = jsonKeyLines(text, (parent) => parent.length % 2 === 1 && parent[parent.length - 1] === 'dependencies');
  // `at`: the text's container of these dependencies (a key's line is looked up in it, whatever the depth).
  const stack: { depth: number; at: number | undefined; deps: Json }[] = [{ depth: 1, at: lines.child(ROOT, 'dependencies'), deps: top }];
  while (stack.length) {
    const { depth, at, deps } = stack.pop()!;
    if (depth > MAX_V1_DEPTH) {
      addProblem(result, { kind: 'entry', detail: `dependencies nested deeper than ${MAX_V1_DEPTH}` });
      continue;
    }
    for (const [name, value] of Object.entries(deps)) {
      const line = lines.line(at, name) ?? 1;
      if (!isObject(value)) {
        addProblem(result, { kind: 'entry', line, detail: name });
        continue;
      }
      if (value.bundled === true) result.ignored++;
      else addEntry(result, name, value, line);
      if (isObject(value.dependencies)) stack.push({ depth: depth + 1, at: lines.child(lines.child(at, name), 'dependencies'), deps: value.dependencies });
    }
  }
}

function addEntry(result: ParsedLockfile, keyName: string, value: Json, line: number): void {
  let name = keyName;
  let version = typeof value.version === 'string' ? value.version : undefined;
  // v1 writes an alias as `"version": "npm:real-name@1.2.3"`.
  if (version?.startsWith('npm:')) {
    const spec = version.slice(4);
    const at = spec.lastIndexOf('@');
    if (at > 0) {
      name = spec.slice(0, at);
      version = spec.slice(at + 1);
    }
  }
  const resolved = typeof value.resolved === 'string' ? value.resolved : undefined;
  if (!version || !isRegistryVersion(version) || (resolved !== undefined && !/^https?:\/\//i.test(resolved))) {
    result.ignored++;
    return;
  }
  const digests = typeof value.integrity === 'string' ? fromSri(value.integrity) : [];
  const entry: LockEntry = {
    ecosystem: 'npm',
    name,
    version,
    line,
    files: [{ url: resolved, digests }],
    anyFileDigests: [],
    indexes: [],
  };
  result.entries.push(entry);
}

/** A version a registry serves, not a `file:`/`git+…`/URL source written in the version field (v1). */
function isRegistryVersion(version: string): boolean {
  return !version.includes(':') && !version.includes('/');
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON.parse's message, with the line when the engine names a position. */
export function syntaxProblem(text: string, e: unknown): LockfileProblem {
  const detail = e instanceof Error ? e.message.slice(0, 300) : 'invalid JSON';
  const m = /position (\d{1,12})/.exec(detail);
  let line: number | undefined;
  if (m) {
    const end = Math.min(Number(m[1]), text.length);
    line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  }
  return { kind: 'syntax', line, detail };
}
