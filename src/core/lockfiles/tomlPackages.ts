/**
 * The `[[package]]` tables of a TOML lockfile (poetry.lock, uv.lock), parsed with smol-toml, each
 * with the line of its header.
 */
import { parse, TomlError } from 'smol-toml';
import { addProblem, type ParsedLockfile } from './lockEntry';
import { arrayTableLines } from './tomlTableLines';

export type Toml = Record<string, unknown>;

/** Inline arrays and tables nested deeper than this are refused (a lockfile needs 3). */
const MAX_DEPTH = 32;

export interface TomlPackages {
  doc: Toml;
  packages: { table: Toml; line: number }[];
}

/** The packages, or undefined when the text is no TOML (the problem is added to `result`). */
export function readTomlPackages(text: string, result: ParsedLockfile): TomlPackages | undefined {
  let doc: Toml;
  try {
    doc = parse(text, { maxDepth: MAX_DEPTH, unsafeKeyBehaviour: 'drop' });
  } catch (e) {
    const line = e instanceof TomlError ? e.line : undefined;
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 300) : 'invalid TOML';
    addProblem(result, { kind: 'syntax', line, detail });
    return undefined;
  }
  const raw = Array.isArray(doc.package) ? (doc.package as unknown[]) : [];
  const lines = arrayTableLines(text, 'package');
  // The scan and the parser agree on every real file; if not, lines are not guessed.
  const trusted = lines.length === raw.length;
  const packages: TomlPackages['packages'] = [];
  raw.forEach((table, i) => {
    if (isTable(table)) packages.push({ table, line: trusted ? lines[i] : 1 });
  });
  return { doc, packages };
}

export function isTable(v: unknown): v is Toml {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

export function str(t: Toml | undefined, key: string): string | undefined {
  const v = t?.[key];
  return typeof v === 'string' ? v : undefined;
}
