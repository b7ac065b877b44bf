/**
 * The Verify Lockfiles report, as lines to word: per lockfile the count of each verdict, then
 * every entry that is not a plain match with its line, name@version and why. Plain text, so
 * names and paths from lockfiles and the server read exactly as written (nothing they hold can
 * format or link anything), one line each. Pure, so it ships in the lockfile bundle, not the
 * main web bundle.
 */
import type { Package } from '../../gitlab/models';
import { dateTime, plainLine } from '../../util/format';
import { text, verbatim, type Text } from '../../util/text';
import { ALGORITHM_LABEL } from '../files/checksums';
import type { LockEntry, LockfileProblem, ParsedLockfile } from './lockEntry';
import { uploadFacts, type FileVerdict, type RegistryFile } from './verdict';
import type { EntryRoute } from './registryRoute';
import type { CheckedVerdict } from './verifyEntries';

export interface LockfileResult {
  label: string;
  /** The key its text was given with (LockfileText.key). */
  key?: string;
  parsed: ParsedLockfile;
  /** Aligned with `parsed.entries`. */
  verdicts: CheckedVerdict[];
  /** Where each entry was looked up, aligned with `parsed.entries`. */
  routes: EntryRoute[];
}

type Tally = CheckedVerdict['kind'];
/** The order counts are listed in: the ones needing attention first. */
const ORDER: Tally[] = ['changed', 'missing', 'unverifiable', 'unchecked', 'weak', 'match', 'other'];

/** `describeError`: what to say about a lookup that failed (errorText, given by the caller). */
export function lockfileReport(results: readonly LockfileResult[], instanceUrls: readonly string[], describeError: (e: unknown) => Text): Text[] {
  const lines: Text[] = [
    text('Lockfiles verified against GitLab'),
    verbatim(''),
    text('Checked against: {0}', instanceUrls.map((u) => plainLine(u, 300)).join(', ')),
    verbatim(''),
  ];
  for (const r of results) {
    const label = plainLine(r.label, 300);
    lines.push(verbatim(label), verbatim('-'.repeat(Math.min(80, label.length))));
    lines.push(indented(counts(r)));
    for (const p of r.parsed.problems) lines.push(indented(problemLine(p)));
    const more = (r.parsed.problemCount ?? 0) - r.parsed.problems.length;
    if (more > 0) lines.push(indented(text('… and {0} more problems', more)));
    r.parsed.entries.forEach((entry, i) => {
      for (const why of entryReasons(r.verdicts[i], describeError)) lines.push(indented(text('{0}  {1}', entryLabel(entry), why)));
    });
    lines.push(verbatim(''));
  }
  return lines;
}

const indented = (t: Text): Text => text('  {0}', t);

function counts(r: LockfileResult): Text {
  const tally = new Map<Tally, number>();
  for (const v of r.verdicts) tally.set(v.kind, (tally.get(v.kind) ?? 0) + 1);
  const parts = ORDER.filter((k) => tally.has(k)).map((k) => countLabel(k, tally.get(k) ?? 0));
  if (r.parsed.ignored) parts.push(text('{0} not from a registry', r.parsed.ignored));
  if (!parts.length) return text('no entries');
  return parts.slice(1).reduce((all, p) => text('{0} · {1}', all, p), parts[0]);
}

function countLabel(kind: Tally, n: number): Text {
  switch (kind) {
    case 'match':
      return text('{0} match', n);
    case 'weak':
      return text('{0} weak', n);
    case 'unverifiable':
      return text('{0} unverifiable without download', n);
    case 'missing':
      return text('{0} missing', n);
    case 'changed':
      return text('{0} changed', n);
    case 'unchecked':
      return text('{0} not checked (error)', n);
    case 'other':
      return text('{0} not from a configured GitLab', n);
  }
}

function entryLabel(e: LockEntry): Text {
  return text('line {0}: {1}', e.line, verbatim(plainLine(`${e.name}@${e.version}`, 300)));
}

function problemLine(p: LockfileProblem): Text {
  const detail = verbatim(p.detail ? plainLine(p.detail, 200) : '');
  const what =
    p.kind === 'syntax'
      ? text('Could not be read: {0}', detail)
      : p.kind === 'unsupported'
        ? text('Not a lockfile version this reads: {0}', detail)
        : p.kind === 'too-large'
          ? text('Not read: larger than a lockfile is read.')
          : text('Entry skipped: {0}', detail);
  return p.line ? text('line {0}: {1}', p.line, what) : what;
}

/** Why an entry is not a plain match, one per file that is not; nothing for a match or another registry's entry (also the diagnostics' words). */
export function entryReasons(v: CheckedVerdict, describeError: (e: unknown) => Text): Text[] {
  switch (v.kind) {
    case 'other':
    case 'match':
      return [];
    case 'unchecked':
      return [text('not checked: {0}', describeError(v.error))];
  }
  if (!('files' in v)) {
    return v.reason === 'not-installable'
      ? [
          text(
            'missing: the registry holds this version only as not installable ({0})',
            verbatim(v.notInstallable.map((p) => plainLine(p.status ?? '?', 40)).join(', ')),
          ),
        ]
      : [text('missing: the registry holds no such version')];
  }
  return v.files.flatMap((f) => fileReason(f, v.pkg));
}

function fileReason(f: FileVerdict, pkg: Package): Text[] {
  switch (f.kind) {
    case 'match':
      return [];
    case 'weak':
      return [text('weak: only {0} could be compared (it matches {1})', ALGORITHM_LABEL[f.algorithm], verbatim(plainLine(f.served.fileName, 300)))];
    case 'missing':
      return [text('missing: the registry has no file {0} for this version', verbatim(plainLine(f.fileName ?? '?', 300)))];
    case 'unverifiable':
      return [
        f.reason === 'needs-download'
          ? text('unverifiable without download: no GitLab API gives the hash the lockfile has')
          : f.reason === 'no-lockfile-hash'
            ? text('unverifiable: the lockfile gives no hash')
            : text('unverifiable: the lockfile names no file'),
      ];
    case 'changed': {
      const served = uploadLine(f.served, pkg);
      const algorithm = ALGORITHM_LABEL[f.algorithm ?? 'sha256'];
      const why =
        f.reason === 'unlisted-file'
          ? text('changed: {0} in the registry is not among the lockfile’s hashes ({1})', served, algorithm)
          : text('changed: {0} in the registry has another {1}', served, algorithm);
      return [f.olderMatch ? text('{0}; the lockfile’s hash is that of an older upload, {1}', why, uploadLine(f.olderMatch, pkg)) : why];
    }
  }
}

/** `name (uploaded 2025-08-01 10:00 UTC, pipeline #12 on main)`, with what is known. */
function uploadLine(file: RegistryFile, pkg: Package): Text {
  const { uploadedAt, pipeline } = uploadFacts(file, pkg);
  const name = verbatim(plainLine(file.fileName, 300));
  const by =
    pipeline?.id === undefined
      ? text('no pipeline')
      : pipeline.ref
        ? text('pipeline #{0} on {1}', pipeline.id, verbatim(plainLine(pipeline.ref, 100)))
        : text('pipeline #{0}', pipeline.id);
  return uploadedAt ? text('{0} (uploaded {1}, {2})', name, dateTime(uploadedAt), by) : text('{0} ({1})', name, by);
}
