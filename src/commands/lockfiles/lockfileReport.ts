/**
 * The text of the Verify Lockfiles report: per lockfile the count of each verdict, then every
 * entry that is not a plain match with its line, name@version and why. Plain text, so names
 * and paths from lockfiles and the server read exactly as written (nothing they hold can format
 * or link anything), one line each.
 */
import * as vscode from 'vscode';
import { ALGORITHM_LABEL } from '../../core/files/checksums';
import type { LockfileEngine } from '../../core/lockfiles/engine';
import type { LockEntry, LockfileProblem, ParsedLockfile } from '../../core/lockfiles/lockEntry';
import type { FileVerdict, RegistryFile } from '../../core/lockfiles/verdict';
import type { CheckedVerdict } from '../../core/lockfiles/verifyEntries';
import type { Package } from '../../gitlab/models';
import { sayError } from '../../host/l10n';
import { dateTime, plainLine } from '../../util/format';

export interface LockfileResult {
  label: string;
  /** Undefined: larger than the reader takes, not read. */
  parsed?: ParsedLockfile;
  verdicts: CheckedVerdict[];
}

type Tally = CheckedVerdict['kind'];
/** The order counts are listed in: the ones needing attention first. */
const ORDER: Tally[] = ['changed', 'missing', 'unverifiable', 'unchecked', 'weak', 'match', 'other'];

export function lockfileReport(results: readonly LockfileResult[], instanceUrls: readonly string[], engine: Pick<LockfileEngine, 'uploadFacts'>): string {
  const title = vscode.l10n.t('Lockfiles verified against GitLab');
  const lines = [title, '='.repeat(title.length), ''];
  lines.push(vscode.l10n.t('Checked against: {0}', instanceUrls.map((u) => plainLine(u, 300)).join(', ') || vscode.l10n.t('no configured instance')), '');
  for (const r of results) {
    lines.push(plainLine(r.label, 300), '-'.repeat(Math.min(80, plainLine(r.label, 300).length)));
    if (!r.parsed) {
      lines.push(`  ${vscode.l10n.t('Not read: larger than a lockfile is read.')}`, '');
      continue;
    }
    lines.push(`  ${counts(r)}`);
    for (const p of r.parsed.problems) lines.push(`  ${problemLine(p)}`);
    if ((r.parsed.problemCount ?? 0) > r.parsed.problems.length)
      lines.push(`  ${vscode.l10n.t('… and {0} more problems', (r.parsed.problemCount ?? 0) - r.parsed.problems.length)}`);
    r.parsed.entries.forEach((entry, i) => {
      for (const why of reasons(r.verdicts[i], engine)) lines.push(`  ${entryLabel(entry)}  ${why}`);
    });
    lines.push('');
  }
  return lines.join('\n');
}

function counts(r: LockfileResult): string {
  const tally = new Map<Tally, number>();
  for (const v of r.verdicts) tally.set(v.kind, (tally.get(v.kind) ?? 0) + 1);
  const parts = ORDER.filter((k) => tally.has(k)).map((k) => countLabel(k, tally.get(k) ?? 0));
  if (r.parsed?.ignored) parts.push(vscode.l10n.t('{0} not from a registry', r.parsed.ignored));
  return parts.join(' · ') || vscode.l10n.t('no entries');
}

function countLabel(kind: Tally, n: number): string {
  switch (kind) {
    case 'match':
      return vscode.l10n.t('{0} match', n);
    case 'weak':
      return vscode.l10n.t('{0} weak', n);
    case 'unverifiable':
      return vscode.l10n.t('{0} unverifiable without download', n);
    case 'missing':
      return vscode.l10n.t('{0} missing', n);
    case 'changed':
      return vscode.l10n.t('{0} changed', n);
    case 'unchecked':
      return vscode.l10n.t('{0} not checked (error)', n);
    case 'other':
      return vscode.l10n.t('{0} not from a configured GitLab', n);
  }
}

function entryLabel(e: LockEntry): string {
  return vscode.l10n.t('line {0}: {1}', e.line, plainLine(`${e.name}@${e.version}`, 300));
}

function problemLine(p: LockfileProblem): string {
  const detail = p.detail ? plainLine(p.detail, 200) : '';
  const what =
    p.kind === 'syntax'
      ? vscode.l10n.t('Could not be read: {0}', detail)
      : p.kind === 'unsupported'
        ? vscode.l10n.t('Not a lockfile version this reads: {0}', detail)
        : p.kind === 'too-large'
          ? vscode.l10n.t('Not read: larger than a lockfile is read.')
          : vscode.l10n.t('Entry skipped: {0}', detail);
  return p.line ? vscode.l10n.t('line {0}: {1}', p.line, what) : what;
}

/** Why an entry is not a plain match, one line per file that is not; nothing for a match or another registry's entry. */
function reasons(v: CheckedVerdict, engine: Pick<LockfileEngine, 'uploadFacts'>): string[] {
  switch (v.kind) {
    case 'other':
    case 'match':
      return [];
    case 'unchecked':
      return [vscode.l10n.t('not checked: {0}', sayError(v.error))];
  }
  if (!('files' in v)) {
    return v.reason === 'not-installable'
      ? [
          vscode.l10n.t(
            'missing: the registry holds this version only as not installable ({0})',
            v.notInstallable.map((p) => plainLine(p.status ?? '?', 40)).join(', '),
          ),
        ]
      : [vscode.l10n.t('missing: the registry holds no such version')];
  }
  return v.files.filter((f) => f.kind !== 'match').map((f) => fileReason(f, v.pkg, engine));
}

function fileReason(f: FileVerdict, pkg: Package, engine: Pick<LockfileEngine, 'uploadFacts'>): string {
  switch (f.kind) {
    case 'match':
      return '';
    case 'weak':
      return vscode.l10n.t('weak: only {0} could be compared (it matches {1})', ALGORITHM_LABEL[f.algorithm], plainLine(f.served.fileName, 300));
    case 'missing':
      return vscode.l10n.t('missing: the registry has no file {0} for this version', plainLine(f.fileName ?? '?', 300));
    case 'unverifiable':
      return f.reason === 'needs-download'
        ? vscode.l10n.t('unverifiable without download: no GitLab API gives the hash the lockfile has')
        : f.reason === 'no-lockfile-hash'
          ? vscode.l10n.t('unverifiable: the lockfile gives no hash')
          : vscode.l10n.t('unverifiable: the lockfile names no file');
    case 'changed': {
      const served = uploadLine(f.served, pkg, engine);
      const why =
        f.reason === 'unlisted-file'
          ? vscode.l10n.t('changed: {0} in the registry is not among the lockfile’s hashes ({1})', served, ALGORITHM_LABEL[f.algorithm ?? 'sha256'])
          : vscode.l10n.t('changed: {0} in the registry has another {1}', served, f.algorithm ? ALGORITHM_LABEL[f.algorithm] : vscode.l10n.t('hash'));
      return f.olderMatch ? `${why}; ${vscode.l10n.t('the lockfile’s hash is that of an older upload, {0}', uploadLine(f.olderMatch, pkg, engine))}` : why;
    }
  }
}

/** `name (uploaded 2025-08-01 10:00 UTC, pipeline #12 on main)`, with what is known. */
function uploadLine(file: RegistryFile, pkg: Package, engine: Pick<LockfileEngine, 'uploadFacts'>): string {
  const { uploadedAt, pipeline } = engine.uploadFacts(file, pkg);
  const facts = [
    uploadedAt ? vscode.l10n.t('uploaded {0}', dateTime(uploadedAt)) : undefined,
    pipeline?.id !== undefined
      ? pipeline.ref
        ? vscode.l10n.t('pipeline #{0} on {1}', pipeline.id, plainLine(pipeline.ref, 100))
        : vscode.l10n.t('pipeline #{0}', pipeline.id)
      : vscode.l10n.t('no pipeline'),
  ].filter((s): s is string => !!s);
  return `${plainLine(file.fileName, 300)} (${facts.join(', ')})`;
}
