/**
 * Downloads a package file, streamed, and verifies it against the registry's checksum
 * (SHA-256, else SHA-1, else MD5). A mismatch or a cancellation discards the partial file:
 * nothing half-written is left under the final name. Where bytes go and how they are hashed
 * is the platform's (a file on disk under Node).
 */
import type { GitLabClient } from '../../gitlab/client';
import type { Package, PackageFile } from '../../gitlab/models';
import type { ProjectKey } from '../../gitlab/types';
import { strongestChecksum, type Checksum, type ChecksumAlgorithm } from './checksums';

/** A file being written: bytes go to a temporary place until `commit` puts them under the final name. */
export interface FileSink {
  /** Resolves when the sink can take more (back-pressure: a fast server cannot fill memory). */
  write(chunk: Uint8Array): void | Promise<void>;
  commit(): Promise<void>;
  /** Removes whatever was written; safe to call after commit (then it does nothing). */
  discard(): Promise<void>;
}

export interface Hasher {
  update(chunk: Uint8Array): void;
  hex(): string;
}

export interface DownloadPlatform {
  createSink(destination: string): Promise<FileSink>;
  createHasher(algorithm: ChecksumAlgorithm): Hasher;
}

export class ChecksumMismatchError extends Error {
  constructor(
    readonly fileName: string,
    readonly expected: Checksum,
    readonly actual: string,
  ) {
    super(`${fileName}: ${expected.algorithm} mismatch (expected ${expected.hex}, got ${actual})`);
    this.name = 'ChecksumMismatchError';
  }
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** The checksum that was verified, or undefined when the registry gave none. */
  verified?: Checksum;
}

export async function downloadVerified(
  client: GitLabClient,
  platform: DownloadPlatform,
  target: { project: ProjectKey; pkg: Package; file: PackageFile },
  destination: string,
  opts: { signal?: AbortSignal; onProgress?: (bytes: number, total?: number) => void } = {},
): Promise<DownloadResult> {
  const expected = strongestChecksum(target.file);
  const hash = platform.createHasher(expected?.algorithm ?? 'sha256');
  const sink = await platform.createSink(destination);
  let bytes = 0;
  try {
    await client.downloadPackageFile(
      target.project,
      target.pkg,
      target.file,
      (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
        opts.onProgress?.(bytes, target.file.size);
        return sink.write(chunk);
      },
      opts.signal,
    );
    const actual = hash.hex();
    if (expected && actual !== expected.hex) throw new ChecksumMismatchError(target.file.fileName, expected, actual);
    await sink.commit();
    return { path: destination, bytes, verified: expected };
  } finally {
    await sink.discard();
  }
}
