/**
 * What a lockfile parser gives the verifier: one entry per resolved package, with the URL and
 * the hashes the lockfile pins and the line to put a diagnostic on. Parsers report what they
 * could not read as problems with a code (the adapters word them), never as thrown errors.
 */

export type Ecosystem = 'npm' | 'pypi';

export type LockfileFormat = 'package-lock' | 'npm-shrinkwrap' | 'yarn-v1' | 'pnpm' | 'requirements' | 'poetry' | 'uv';

export type DigestAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';

/** A hash as lowercase hex, whatever encoding the lockfile used (SRI base64, `sha256:` hex, a `#` fragment). */
export interface Digest {
  algorithm: DigestAlgorithm;
  hex: string;
}

/** One file the lockfile pins. */
export interface LockedFile {
  /** Where the tool downloads it, when the lockfile says (npm `resolved`, pnpm `tarball`, uv `url`). */
  url?: string;
  /** The file's name, when the lockfile or the URL gives it. */
  fileName?: string;
  digests: Digest[];
}

export interface LockEntry {
  ecosystem: Ecosystem;
  /** The name the registry knows the package by (an npm alias resolved to the real name). */
  name: string;
  version: string;
  /** 1-based line of the entry in the lockfile. */
  line: number;
  files: LockedFile[];
  /**
   * pip `--hash`: hashes any file of this version may have (pip installs whichever file it picks
   * if its hash is in the set). Empty for the other formats, which pin hashes per file.
   */
  anyFileDigests: Digest[];
  /**
   * Package indexes the entry resolves through when no file URL says where it comes from (poetry
   * `[package.source]`, uv `source.registry`, pip `--index-url`/`--extra-index-url`), in the order
   * the tool tries them.
   */
  indexes: string[];
  /** pip: other indexes may serve the package too (the default index, `--extra-index-url`, `--find-links`). */
  otherIndexes?: boolean;
}

export type ProblemKind =
  /** The file is not valid JSON/YAML/TOML (detail: the parser's message). */
  | 'syntax'
  /** A lockfile version or flavour this reader does not understand (detail: what it found). */
  | 'unsupported'
  /** An entry without the fields a registry entry has; skipped. */
  | 'entry'
  /** Larger than the reader takes. */
  | 'too-large';

export interface LockfileProblem {
  kind: ProblemKind;
  line?: number;
  /** Text from the file or a parser, shown verbatim. */
  detail?: string;
}

export interface ParsedLockfile {
  format: LockfileFormat;
  entries: LockEntry[];
  /** Entries that are not registry packages (workspace links, local paths, git, bundled); counted, not checked. */
  ignored: number;
  problems: LockfileProblem[];
  /** How many problems there were, when more than the ones kept. */
  problemCount?: number;
}

/** Problems kept per lockfile: a hostile file cannot fill memory with them (the count goes on). */
export const MAX_PROBLEMS = 100;

/** Longest detail kept (a key can be megabytes long). */
const MAX_DETAIL = 200;

/** Records a problem, keeping the first {@link MAX_PROBLEMS}; `problemCount` counts them all. */
export function addProblem(result: ParsedLockfile, problem: LockfileProblem): void {
  result.problemCount = (result.problemCount ?? result.problems.length) + 1;
  if (result.problems.length >= MAX_PROBLEMS) return;
  result.problems.push(problem.detail && problem.detail.length > MAX_DETAIL ? { ...problem, detail: problem.detail.slice(0, MAX_DETAIL) } : problem);
}

/** The largest lockfile read (a real one of 10+ MB fits; more is refused, not parsed). */
export const MAX_LOCKFILE_CHARS = 64 * 1024 * 1024;
