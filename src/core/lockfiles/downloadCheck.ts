/**
 * Verify by Downloading: a lockfile hash no GitLab API lists (npm's `sha512-`) is checked by
 * downloading the registry's file and hashing it under exactly the algorithms the lockfile
 * names. The bytes go chunk by chunk into the hashers and nowhere else: nothing is written. The
 * download takes the client's routes, so the token rides only to GitLab's own origin, never to
 * object storage a download redirects to.
 *
 * A download whose length is not the size GitLab lists is a failure, not "changed": a cut
 * connection, or a proxy that unpacked a `.tgz` sent as `Content-Encoding: gzip`, would
 * otherwise read as other bytes in the registry. In the lockfile engine (its own bundle on the
 * web), with its words, so the main web bundle keeps only the command.
 */
import type { GitLabClient } from '../../gitlab/client';
import type { Package, PackageFile } from '../../gitlab/models';
import type { ProjectKey } from '../../gitlab/types';
import { plainLine } from '../../util/format';
import { text, type Text } from '../../util/text';
import type { Hasher } from '../files/verifiedDownload';
import { DIGEST_LABEL, dedupe, fromHex, isDigestAlgorithm } from './digest';
import type { Digest, DigestAlgorithm } from './lockEntry';

export type DownloadCheck =
  /** Every algorithm the lockfile names gave one of its hashes for that algorithm (strongest first). */
  | { kind: 'match'; algorithms: DigestAlgorithm[]; bytes: number }
  /** The strongest algorithm whose hash is none the lockfile gives: `expected` the lockfile's, `actual` the download's. */
  | { kind: 'changed'; algorithm: DigestAlgorithm; expected: string; actual: string; bytes: number }
  | { kind: 'failed'; reason: Text };

export interface DownloadTarget {
  project: ProjectKey;
  /** Name, version and type name the per-format routes of servers before 18.4. */
  pkg: Pick<Package, 'id' | 'name' | 'version' | 'packageType'>;
  file: Pick<PackageFile, 'id' | 'fileName' | 'size' | 'fileSha256'>;
}

export interface DownloadCheckOptions {
  /** Streamed digests for every algorithm a lockfile may name (Node's crypto, or the platform's with `withSha512`). */
  createHasher: (algorithm: DigestAlgorithm) => Hasher;
  signal?: AbortSignal;
  onProgress?: (bytes: number, total?: number) => void;
}

/** Strongest first: a mismatch is reported under the strongest algorithm that shows one. */
const STRENGTH: DigestAlgorithm[] = ['sha512', 'sha384', 'sha256', 'sha1', 'md5'];

/**
 * Downloads the file and compares. Several hashes of one algorithm (SRI allows it) are
 * alternatives, as for npm: one of them must match. Rejects only as the client does (cancelled,
 * network, HTTP); what is wrong with the download itself is a `failed` outcome.
 */
export async function checkByDownload(
  client: GitLabClient,
  target: DownloadTarget,
  expected: readonly Digest[],
  opts: DownloadCheckOptions,
): Promise<DownloadCheck> {
  const wanted = wellFormed(expected);
  const algorithms = STRENGTH.filter((a) => wanted.some((d) => d.algorithm === a));
  if (!algorithms.length) return { kind: 'failed', reason: text('The lockfile gives no hash to compare the download with.') };
  const hashers = algorithms.map((a) => opts.createHasher(a));
  const { file } = target;
  const size = typeof file.size === 'number' && Number.isSafeInteger(file.size) && file.size >= 0 ? file.size : undefined;
  // Our own stop (more bytes than listed), told apart from the caller's Cancel.
  const stop = new AbortController();
  let oversize = false;
  const cancel = (): void => stop.abort();
  opts.signal?.addEventListener('abort', cancel);
  if (opts.signal?.aborted) stop.abort();
  let bytes = 0;
  try {
    const pkg: Package = { ...target.pkg, hasLinks: false, tags: [] };
    await client.downloadPackageFile(
      target.project,
      pkg,
      { id: file.id, fileName: file.fileName, size, fileSha256: file.fileSha256 },
      (chunk) => {
        if (oversize) return;
        bytes += chunk.length;
        if (size !== undefined && bytes > size) {
          oversize = true;
          stop.abort();
          return;
        }
        for (const h of hashers) h.update(chunk);
        opts.onProgress?.(bytes, size);
      },
      stop.signal,
    );
  } catch (e) {
    if (oversize && !opts.signal?.aborted) return { kind: 'failed', reason: tooLong(file.fileName, size ?? 0) };
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
  }
  if (oversize) return { kind: 'failed', reason: tooLong(file.fileName, size ?? 0) };
  if (size !== undefined && bytes !== size) {
    return {
      kind: 'failed',
      reason: text('The download of {0} ended after {1} of the {2} bytes GitLab lists for it.', plainLine(file.fileName, 300), bytes, size),
    };
  }
  for (const [i, algorithm] of algorithms.entries()) {
    const actual = hashers[i].hex();
    const listed = wanted.filter((d) => d.algorithm === algorithm);
    if (!listed.some((d) => d.hex === actual)) return { kind: 'changed', algorithm, expected: listed[0].hex, actual, bytes };
  }
  return { kind: 'match', algorithms, bytes };
}

/** The argument may come from a command link: only well-formed digests count. */
function wellFormed(expected: readonly unknown[]): Digest[] {
  return dedupe(
    expected.flatMap((d) => {
      const { algorithm, hex } = (d ?? {}) as { algorithm?: unknown; hex?: unknown };
      return typeof algorithm === 'string' && isDigestAlgorithm(algorithm) && typeof hex === 'string' ? (fromHex(algorithm, hex) ?? []) : [];
    }),
  );
}

function tooLong(fileName: string, size: number): Text {
  return text('GitLab sent more than the {0} bytes it lists for {1}; the download was stopped.', size, plainLine(fileName, 300));
}

/** What the person is told; `label` is the entry's `name@version`. */
export function downloadCheckText(label: string, check: DownloadCheck): Text {
  const who = plainLine(label, 300);
  switch (check.kind) {
    case 'match':
      return text("{0}: the download matches the lockfile's {1}.", who, check.algorithms.map((a) => DIGEST_LABEL[a]).join(', '));
    case 'changed':
      return text(
        "{0}: the registry's file has another {1} than the lockfile (lockfile {2}, download {3}).",
        who,
        DIGEST_LABEL[check.algorithm],
        check.expected,
        check.actual,
      );
    case 'failed':
      return text('{0}: {1}', who, check.reason);
  }
}
