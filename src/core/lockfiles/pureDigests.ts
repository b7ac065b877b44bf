/**
 * SHA-384 and SHA-512 in pure JS (@noble/hashes: audited), streamed, for a web worker, which has
 * no Node crypto; the platform's own hasher keeps SHA-256, SHA-1 and MD5. In the lockfile
 * engine's bundle rather than platform/web: they would not fit the main web bundle's ceiling,
 * and only Verify by Downloading needs them.
 *
 * Streamed rather than WebCrypto's `crypto.subtle.digest`, which takes the whole file at once:
 * measured in a Chromium web worker on a 20 MB file, hashing alone runs at 33–55 MB/s here
 * against 53–66 MB/s for WebCrypto once the chunks are gathered into one buffer, but streamed
 * hashing overlaps the transfer — at 200 Mbit/s the download took 0.85–0.99 s alone, 0.91–0.95 s
 * streamed and hashed, 1.39–1.47 s buffered then digested — and holds one chunk, not the file,
 * in the worker's memory (no size limit), and it needs no secure context (WebCrypto does).
 */
import { sha384, sha512 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { ChecksumAlgorithm } from '../files/checksums';
import type { Hasher } from '../files/verifiedDownload';
import type { DigestAlgorithm } from './lockEntry';

/** `createHasher` (the platform's) with SHA-384 and SHA-512 added. */
export function withSha512(createHasher: (algorithm: ChecksumAlgorithm) => Hasher): (algorithm: DigestAlgorithm) => Hasher {
  return (algorithm) => {
    if (algorithm !== 'sha384' && algorithm !== 'sha512') return createHasher(algorithm);
    const hash = (algorithm === 'sha512' ? sha512 : sha384).create();
    return { update: (chunk) => void hash.update(chunk), hex: () => bytesToHex(hash.digest()) };
  };
}
