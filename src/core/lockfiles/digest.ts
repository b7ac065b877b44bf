/**
 * Lockfile hashes to hex: npm/yarn/pnpm write Subresource Integrity (`sha512-<base64>`, several
 * separated by spaces), pip/poetry/uv write `sha256:<hex>`, yarn v1 puts a SHA-1 in the
 * `resolved` URL's `#` fragment. Anything malformed is dropped, never guessed at.
 */
import type { Digest, DigestAlgorithm } from './lockEntry';

const BYTES: Record<DigestAlgorithm, number> = { md5: 16, sha1: 20, sha256: 32, sha384: 48, sha512: 64 };
/** Longer than any digest's encoding: a hostile value is not decoded at all. */
const MAX_ENCODED = 200;
const MAX_SRI_ITEMS = 8;

/** How each algorithm is named to people. */
export const DIGEST_LABEL: Record<DigestAlgorithm, string> = { sha512: 'SHA-512', sha384: 'SHA-384', sha256: 'SHA-256', sha1: 'SHA-1', md5: 'MD5' };

export function isDigestAlgorithm(s: string): s is DigestAlgorithm {
  return Object.prototype.hasOwnProperty.call(BYTES, s);
}

/** `sha512-…` (SRI), possibly several; options after `?` are ignored as the SRI spec says. */
export function fromSri(sri: string): Digest[] {
  const out: Digest[] = [];
  for (const item of sri.trim().split(/\s+/).slice(0, MAX_SRI_ITEMS)) {
    const dash = item.indexOf('-');
    if (dash < 0) continue;
    const algorithm = item.slice(0, dash).toLowerCase();
    const q = item.indexOf('?', dash);
    const encoded = item.slice(dash + 1, q < 0 ? undefined : q);
    if (!isDigestAlgorithm(algorithm)) continue;
    const hex = base64ToHex(encoded);
    if (hex !== undefined && hex.length === BYTES[algorithm] * 2) out.push({ algorithm, hex });
  }
  return dedupe(out);
}

/** `sha256:<hex>` (pip `--hash`, poetry, uv); undefined when malformed. */
export function fromPrefixedHex(value: string): Digest | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  const algorithm = value.slice(0, colon).trim().toLowerCase();
  return isDigestAlgorithm(algorithm) ? fromHex(algorithm, value.slice(colon + 1)) : undefined;
}

export function fromHex(algorithm: DigestAlgorithm, value: string): Digest | undefined {
  const hex = value.trim().toLowerCase();
  return hex.length === BYTES[algorithm] * 2 && isHex(hex) ? { algorithm, hex } : undefined;
}

export function dedupe(digests: readonly Digest[]): Digest[] {
  const seen = new Set<string>();
  return digests.filter((d) => {
    const key = `${d.algorithm}:${d.hex}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each byte's two hex digits: joined once, a digest is one flat string, not a chain of small ones (~3.5 KB each). */
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Standard or URL-safe base64, padding optional; undefined on any other character. */
export function base64ToHex(encoded: string): string | undefined {
  if (encoded.length > MAX_ENCODED) return undefined;
  let s = encoded;
  while (s.endsWith('=')) s = s.slice(0, -1);
  if (s.length % 4 === 1) return undefined;
  let bits = 0;
  let acc = 0;
  const bytes: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] === '-' ? '+' : s[i] === '_' ? '/' : s[i];
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push(HEX_BYTE[(acc >> bits) & 0xff]);
    }
  }
  return bytes.join('');
}
