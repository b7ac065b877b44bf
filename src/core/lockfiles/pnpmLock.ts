/**
 * `pnpm-lock.yaml`, read with js-yaml (failsafe schema: every scalar stays a string, no tags, no
 * merge keys) and one line scan for where each `packages` key sits. Keys by lockfile version:
 *   5.x  `/@s/a/1.0.0_peer@2.0.0`      6.0  `/@s/a@1.0.0(peer@2.0.0)`      9.0  `@s/a@1.0.0`
 * (9.0 moved the peer variants to `snapshots`; `packages` keeps one entry per version with its
 * `resolution: {integrity, tarball}`). Git and directory resolutions are counted as ignored.
 */
import { FAILSAFE_SCHEMA, load, type LoadOptions } from 'js-yaml';
import { fromSri } from './digest';
import { addProblem, type Digest, type ParsedLockfile } from './lockEntry';
import { sectionKeyLines } from './yamlKeyLines';

type Yaml = Record<string, unknown>;

/** Collections nested deeper than this are refused by the parser (a pnpm lockfile needs 4). */
const MAX_DEPTH = 32;

export function parsePnpmLock(text: string): ParsedLockfile {
  const result: ParsedLockfile = { format: 'pnpm', entries: [], ignored: 0, problems: [] };
  let doc: unknown;
  // `maxDepth` is js-yaml 4.3's (its typings predate it); `json`: a repeated key overrides, as the line scan does.
  const options: LoadOptions & { maxDepth: number } = { schema: FAILSAFE_SCHEMA, json: true, maxDepth: MAX_DEPTH };
  try {
    doc = load(text, options);
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    addProblem(result, { kind: 'syntax', line: typeof mark?.line === 'number' ? mark.line + 1 : undefined, detail: reasonOf(e) });
    return result;
  }
  if (!isMap(doc)) {
    addProblem(result, { kind: 'syntax', line: 1, detail: 'not a YAML mapping' });
    return result;
  }
  const lockfileVersion = typeof doc.lockfileVersion === 'string' ? doc.lockfileVersion : '';
  const major = Number.parseInt(lockfileVersion, 10);
  if (!(major >= 5 && major <= 9)) {
    addProblem(result, { kind: 'unsupported', line: 1, detail: `lockfileVersion ${lockfileVersion || '(none)'}` });
    return result;
  }
  if (!isMap(doc.packages)) return result;
  const lines = sectionKeyLines(text, 'packages');
  // YAML aliases (`*a`) can give thousands of entries one `resolution`: its integrity is decoded once.
  const decoded = new Map<string, Digest[]>();
  const digestsOf = (integrity: string): Digest[] => {
    let digests = decoded.get(integrity);
    if (!digests) decoded.set(integrity, (digests = fromSri(integrity)));
    return digests;
  };
  for (const [key, value] of Object.entries(doc.packages)) {
    const line = lines.get(key) ?? lines.get('') ?? 1;
    if (!isMap(value) || !isMap(value.resolution)) {
      addProblem(result, { kind: 'entry', line, detail: key });
      continue;
    }
    const resolution = value.resolution;
    const integrity = typeof resolution.integrity === 'string' ? resolution.integrity : undefined;
    const tarball = typeof resolution.tarball === 'string' ? resolution.tarball : undefined;
    const fromKey = splitKey(key, major);
    const name = typeof value.name === 'string' ? value.name : fromKey?.name;
    const version = typeof value.version === 'string' ? value.version : fromKey?.version;
    // A git or directory resolution, a `file:` tarball: not from a registry.
    if ((!integrity && !tarball) || (tarball !== undefined && !/^https?:\/\//i.test(tarball))) {
      result.ignored++;
      continue;
    }
    if (!name || !version) {
      addProblem(result, { kind: 'entry', line, detail: key });
      continue;
    }
    result.entries.push({
      ecosystem: 'npm',
      name,
      version,
      line,
      files: [{ url: tarball, digests: integrity ? digestsOf(integrity) : [] }],
      anyFileDigests: [],
      indexes: [],
    });
  }
  return result;
}

/**
 * Name and version from a `packages` key, peer suffixes dropped; `version` is undefined when the
 * key holds a source instead (`a@https://…`, `a@file:…`: the entry's own `version` field says).
 */
export function splitKey(key: string, major: number): { name: string; version?: string } | undefined {
  let k = key.startsWith('/') ? key.slice(1) : key;
  const paren = k.indexOf('(');
  if (paren > 0) k = k.slice(0, paren);
  // 5.x: `name/version`; later: `name@version` (the first `@` past a scope's).
  const cut = major === 5 ? k.lastIndexOf('/') : k.indexOf('@', 1);
  if (cut <= 0) return undefined;
  const name = k.slice(0, cut);
  let version = k.slice(cut + 1);
  const underscore = major === 5 ? version.indexOf('_') : -1;
  if (underscore > 0) version = version.slice(0, underscore);
  return { name, version: version && !version.includes(':') && !version.includes('/') ? version : undefined };
}

function isMap(v: unknown): v is Yaml {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function reasonOf(e: unknown): string {
  const reason = (e as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : e instanceof Error ? e.message.split('\n')[0].slice(0, 300) : 'invalid YAML';
}
