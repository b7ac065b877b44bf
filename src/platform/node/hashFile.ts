/** Digest of a local file, streamed. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ChecksumAlgorithm } from '../../core/checksums';

export async function hashFile(path: string, algorithm: ChecksumAlgorithm): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
