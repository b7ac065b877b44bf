/** Streamed SHA-256, SHA-1 and MD5 without Node's crypto (@noble/hashes: audited, pure JS). */
import { md5, sha1 } from '@noble/hashes/legacy';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { ChecksumAlgorithm } from '../../core/files/checksums';
import type { Hasher } from '../../core/files/verifiedDownload';

const START: Record<ChecksumAlgorithm, () => { update(chunk: Uint8Array): unknown; digest(): Uint8Array }> = {
  sha256: () => sha256.create(),
  sha1: () => sha1.create(),
  md5: () => md5.create(),
};

export function streamingHasher(algorithm: ChecksumAlgorithm): Hasher {
  const hash = START[algorithm]();
  return { update: (chunk) => void hash.update(chunk), hex: () => bytesToHex(hash.digest()) };
}
