/**
 * The verdict on one lockfile entry, from what the registry holds for its package version.
 *
 * Which registry file an install gets decides it:
 *  - npm: the newest upload of the name — `by_name_and_file_name(…).last!`, then PackageFileFinder's
 *    `package_files.with_file_name(name).last` (the highest id).
 *  - PyPI file URLs: the SHA-256 in them only finds the *package* (`by_file_name_and_sha256` joins
 *    any of its files, one pending destruction too); the file served is again the newest of the
 *    name. After a delete and re-upload the old URL serves the new bytes until the old file is
 *    destroyed, then answers 404.
 *  - pip `--hash` sets: pip installs whichever file of the version it picks if its hash is in the
 *    set, so every registry file must be listed; one that is not is "changed" (an upload after
 *    the lockfile was written); a listed hash with no registry file is no problem (another
 *    platform's wheel, another index).
 * A lockfile hash that matches only an older upload of the name is "changed": the install now
 * gets the newer bytes (the older match is named, so the person sees it was replaced).
 * A mismatch under any algorithm is "changed" (SHA-1's weakness lets a forger make a match, not
 * a mismatch); a match only under SHA-1 or MD5 is "weak"; hashes no GitLab API gives (npm's
 * `sha512-`) leave it "unverifiable" until the file is downloaded and hashed.
 *
 * The checksums GitLab lists are those the publishing client declared (npm `dist.shasum`, twine
 * `sha256_digest`), stored as sent (app/services/packages/create_package_file_service.rb):
 * a match means "what the lockfile pins is what was published", downloading proves the bytes.
 */
import type { Package, PackageFile, Pipeline } from '../../gitlab/models';
import { checksumsOf, type ChecksumAlgorithm } from '../files/checksums';
import { fromHex } from './digest';
import type { Digest, LockedFile, LockEntry } from './lockEntry';
import type { EntryRoute, FileRoute, OtherReason } from './registryRoute';

/** A registry file, with the pipelines that uploaded it when the server sent them. */
export type RegistryFile = PackageFile & { pipelines?: Pipeline[] };

export type RegistryAnswer =
  | { kind: 'found'; pkg: Package; files: readonly RegistryFile[] }
  /**
   * No installable package of that name and version; `notInstallable` holds any in another status.
   * `nameKnown` (PyPI): whether the registry holds any version of the name.
   */
  | { kind: 'absent'; notInstallable: readonly Package[]; nameKnown?: boolean }
  /** The list went past its bound (`listed` packages) without the version: whether GitLab holds it is unknown. */
  | { kind: 'cutShort'; listed: number };

export type FileVerdict =
  | { kind: 'match'; algorithm: 'sha256'; locked?: LockedFile; served: RegistryFile }
  | { kind: 'weak'; algorithm: 'sha1' | 'md5'; locked?: LockedFile; served: RegistryFile }
  | {
      kind: 'changed';
      reason: 'hash-differs' | 'unlisted-file';
      algorithm?: ChecksumAlgorithm;
      locked?: LockedFile;
      served: RegistryFile;
      /** An older upload of the same name the lockfile's hash does match. */
      olderMatch?: RegistryFile;
    }
  | { kind: 'missing'; reason: 'file'; locked?: LockedFile; fileName?: string }
  | {
      kind: 'unverifiable';
      reason: 'needs-download' | 'no-lockfile-hash' | 'no-file-name';
      locked?: LockedFile;
      served?: RegistryFile;
      /** What hashing the download must give (the lockfile's digests). */
      expected: Digest[];
    };

export type VerdictKind = 'match' | 'weak' | 'unverifiable' | 'missing' | 'changed';

export type EntryVerdict =
  | { kind: VerdictKind; pkg: Package; files: FileVerdict[] }
  | { kind: 'missing'; reason: 'version' | 'not-installable'; notInstallable: readonly Package[] }
  /**
   * Not from a configured GitLab: counted, not checked. `elsewhere`: not in GitLab, and the lockfile
   * names other indexes too; `forwarded`: resolved through a GitLab index that holds no version of
   * the name, which GitLab forwards to PyPI (the lockfile records the GitLab index all the same).
   */
  | { kind: 'other'; reason: OtherReason | 'elsewhere' | 'forwarded' };

/** Worst first: the entry's verdict is its worst file's. */
export const VERDICT_RANK: Record<VerdictKind, number> = { changed: 5, missing: 4, unverifiable: 3, weak: 2, match: 1 };

/** `answers`: the registry's, one per route target (in order); a missing one counts as absent. */
export function entryVerdict(entry: LockEntry, route: EntryRoute, answers: readonly (RegistryAnswer | undefined)[] = []): EntryVerdict {
  if (route.kind === 'other') return route;
  const found = answers.filter((a): a is Extract<RegistryAnswer, { kind: 'found' }> => a?.kind === 'found');
  if (!found.length) {
    if (route.viaIndex && answers.length && answers.every((a) => a?.kind === 'absent' && a.nameKnown === false)) return { kind: 'other', reason: 'forwarded' };
    if (route.mayComeFromElsewhere) return { kind: 'other', reason: 'elsewhere' };
    const notInstallable = answers.flatMap((a) => (a?.kind === 'absent' ? a.notInstallable : []));
    return { kind: 'missing', reason: notInstallable.length ? 'not-installable' : 'version', notInstallable };
  }
  // pip takes a file from any index that has the version; the other formats name their one source.
  const files =
    entry.files.length === 0
      ? anyOfVerdicts(
          entry.anyFileDigests,
          found.flatMap((a) => a.files),
        )
      : entry.files.map((locked, i) => fileVerdict(locked, route.files[i] ?? {}, found[0].files));
  if (!files.length) files.push({ kind: 'missing', reason: 'file' });
  const kind = files.reduce<VerdictKind>((worst, f) => (VERDICT_RANK[f.kind] > VERDICT_RANK[worst] ? f.kind : worst), 'match');
  return { kind, pkg: found[0].pkg, files };
}

/** One locked file against the registry's files of its version. */
export function fileVerdict(locked: LockedFile, route: FileRoute, registry: readonly RegistryFile[]): FileVerdict {
  const fileName = route.fileName ?? locked.fileName;
  const named = fileName === undefined ? (registry.length === 1 ? [...registry] : []) : registry.filter((f) => sameFileName(f.fileName, fileName));
  if (!named.length) {
    return fileName === undefined
      ? { kind: 'unverifiable', reason: 'no-file-name', locked, expected: locked.digests }
      : { kind: 'missing', reason: 'file', locked, fileName };
  }
  const served = newest(named);
  // A PyPI file URL names the SHA-256 it was resolved with, should the lockfile give no hash.
  const fromUrl = route.sha256 ? fromHex('sha256', route.sha256) : undefined;
  const digests = locked.digests.length ? locked.digests : fromUrl ? [fromUrl] : [];
  if (!digests.length) return { kind: 'unverifiable', reason: 'no-lockfile-hash', locked, served, expected: [] };
  const c = compare(digests, served);
  switch (c.result) {
    case 'differs':
      return { kind: 'changed', reason: 'hash-differs', algorithm: c.algorithm, locked, served, olderMatch: olderMatch(digests, named, served) };
    case 'equal':
      return c.algorithm === 'sha256' ? { kind: 'match', algorithm: 'sha256', locked, served } : { kind: 'weak', algorithm: c.algorithm, locked, served };
    case 'incomparable':
      return { kind: 'unverifiable', reason: 'needs-download', locked, served, expected: digests };
  }
}

/** pip `--hash`: every file the registry holds for the version must be in the set. */
function anyOfVerdicts(digests: readonly Digest[], registry: readonly RegistryFile[]): FileVerdict[] {
  return registry.map((served): FileVerdict => {
    if (!digests.length) return { kind: 'unverifiable', reason: 'no-lockfile-hash', served, expected: [] };
    const sums = checksumsOf(served);
    const comparable = digests.filter((d) => sums.some((s) => s.algorithm === d.algorithm));
    if (!comparable.length) return { kind: 'unverifiable', reason: 'needs-download', served, expected: [...digests] };
    const hit = sums.find((s) => comparable.some((d) => d.algorithm === s.algorithm && d.hex === s.hex));
    if (!hit) return { kind: 'changed', reason: 'unlisted-file', algorithm: comparable[0].algorithm as ChecksumAlgorithm, served };
    return hit.algorithm === 'sha256' ? { kind: 'match', algorithm: 'sha256', served } : { kind: 'weak', algorithm: hit.algorithm, served };
  });
}

type Comparison = { result: 'equal'; algorithm: ChecksumAlgorithm } | { result: 'differs'; algorithm: ChecksumAlgorithm } | { result: 'incomparable' };

/** Every algorithm both sides have: one mismatch is a change; otherwise the strongest equal one counts. */
export function compare(digests: readonly Digest[], file: PackageFile): Comparison {
  let equal: ChecksumAlgorithm | undefined;
  for (const sum of checksumsOf(file)) {
    for (const d of digests) {
      if (d.algorithm !== sum.algorithm) continue;
      if (d.hex !== sum.hex) return { result: 'differs', algorithm: sum.algorithm };
      equal ??= sum.algorithm;
    }
  }
  return equal ? { result: 'equal', algorithm: equal } : { result: 'incomparable' };
}

function olderMatch(digests: readonly Digest[], named: readonly RegistryFile[], served: RegistryFile): RegistryFile | undefined {
  return named
    .filter((f) => f !== served && compare(digests, f).result === 'equal')
    .reduce<RegistryFile | undefined>((b, f) => (!b || f.id > b.id ? f : b), undefined);
}

/** The upload GitLab serves among files of one name: the highest id (`.last`). */
function newest(files: readonly RegistryFile[]): RegistryFile {
  return files.reduce((b, f) => (f.id > b.id ? f : b));
}

/**
 * File names as GitLab stores them and as a URL gives them: npm stores `<name>-<version>.tgz`
 * with the scope (`@s/a-1.0.0.tgz`), some servers with the slash encoded (`@s%2Fa-1.0.0.tgz`,
 * the PackageFile::ENCODED_SLASH GitLab strips when serving).
 */
export function sameFileName(stored: string, wanted: string): boolean {
  if (stored === wanted) return true;
  const norm = (s: string): string => s.split('%2F').join('/').split('%2f').join('/');
  return norm(stored) === norm(wanted);
}

/** When and by which pipeline the registry file was uploaded, for the report and the hover. */
export function uploadFacts(file: RegistryFile, pkg: Package): { uploadedAt?: string; pipeline?: Pipeline } {
  return { uploadedAt: file.createdAt, pipeline: file.pipelines?.[0] ?? pkg.pipeline };
}
