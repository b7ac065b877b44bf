/** Files and hashes on Node: the download sink (a `.part` file renamed on success) and streamed digests. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import type { ChecksumAlgorithm } from '../../core/files/checksums';
import type { DigestAlgorithm } from '../../core/lockfiles/lockEntry';
import type { DownloadPlatform, FileSink, Hasher } from '../../core/files/verifiedDownload';

export const nodeDownloads: DownloadPlatform = {
  createSink: (destination) => Promise.resolve(partFileSink(destination)),
  createHasher,
};

/** Any algorithm a checksum or a lockfile names: Node's crypto has them all. */
export function createHasher(algorithm: DigestAlgorithm): Hasher {
  const hash = createHash(algorithm);
  return { update: (chunk) => hash.update(chunk), hex: () => hash.digest('hex') };
}

function partFileSink(destination: string): FileSink {
  const part = `${destination}.part`;
  const out = createWriteStream(part);
  let failed: Error | undefined;
  // Destroying a stream with writes still buffered emits an error: it is the write's to report, or nobody's after a discard.
  out.on('error', (e) => (failed ??= e));
  let ended = false;
  const end = (): Promise<void> => {
    if (ended) return Promise.resolve();
    ended = true;
    return new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  };
  return {
    write: (chunk) => {
      if (failed) return Promise.reject(failed);
      return out.write(chunk)
        ? undefined
        : new Promise<void>((resolve, reject) => {
            out.once('drain', () => resolve());
            out.once('error', reject);
          });
    },
    commit: async () => {
      await end();
      await fs.rename(part, destination);
    },
    discard: async () => {
      if (!ended) out.destroy();
      ended = true;
      await fs.rm(part, { force: true });
    },
  };
}

/** Digest of a local file, streamed. */
export async function hashFile(path: string, algorithm: ChecksumAlgorithm): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
