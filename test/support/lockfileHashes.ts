/** Hashes for the lockfile tests, computed from bytes as the tools compute them. */
import { createHash } from 'node:crypto';

export const bytes = (s: string): Buffer => Buffer.from(s);

export function hex(alg: 'md5' | 'sha1' | 'sha256' | 'sha512', data: string): string {
  return createHash(alg).update(data).digest('hex');
}

/** Subresource Integrity as npm, yarn and pnpm write it (`sha512-<base64>`). */
export function sri(alg: 'sha1' | 'sha256' | 'sha512', data: string): string {
  return `${alg}-${createHash(alg).update(data).digest('base64')}`;
}
