/**
 * Which checksum of a package file to hand out, and a checksum file for a whole package in
 * the format `sha256sum -c` reads (`<hex>  <name>`).
 */
import type { PackageFile } from '../../gitlab/models';

export type ChecksumAlgorithm = 'sha256' | 'sha1' | 'md5';

export interface Checksum {
  algorithm: ChecksumAlgorithm;
  hex: string;
}

export const ALGORITHM_LABEL: Record<ChecksumAlgorithm, string> = { sha256: 'SHA-256', sha1: 'SHA-1', md5: 'MD5' };

const HEX_LENGTH: Record<ChecksumAlgorithm, number> = { sha256: 64, sha1: 40, md5: 32 };

/** The checksums the server gave for a file, strongest first; malformed values are skipped. */
export function checksumsOf(file: PackageFile): Checksum[] {
  const candidates: [ChecksumAlgorithm, string | null | undefined][] = [
    ['sha256', file.fileSha256],
    ['sha1', file.fileSha1],
    ['md5', file.fileMd5],
  ];
  const out: Checksum[] = [];
  for (const [algorithm, value] of candidates) {
    const hex = value?.trim().toLowerCase();
    if (hex && hex.length === HEX_LENGTH[algorithm] && /^[0-9a-f]+$/.test(hex)) out.push({ algorithm, hex });
  }
  return out;
}

export function strongestChecksum(file: PackageFile): Checksum | undefined {
  return checksumsOf(file)[0];
}

export interface ChecksumFile {
  text: string;
  /** Files listed with a weaker algorithm than SHA-256. */
  fallbacks: { fileName: string; algorithm: ChecksumAlgorithm }[];
  /** Files the server gave no checksum for (left out). */
  missing: string[];
}

/** One `<hex>  <name>` line per file; names with `\` or a newline are escaped as coreutils does. */
export function checksumFile(files: readonly PackageFile[]): ChecksumFile {
  const lines: string[] = [];
  const fallbacks: ChecksumFile['fallbacks'] = [];
  const missing: string[] = [];
  for (const file of files) {
    const sum = strongestChecksum(file);
    if (!sum) {
      missing.push(file.fileName);
      continue;
    }
    if (sum.algorithm !== 'sha256') fallbacks.push({ fileName: file.fileName, algorithm: sum.algorithm });
    const needsEscape = /[\\\n\r]/.test(file.fileName);
    const name = needsEscape ? file.fileName.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : file.fileName;
    lines.push(`${needsEscape ? '\\' : ''}${sum.hex}  ${name}`);
  }
  return { text: lines.length ? lines.join('\n') + '\n' : '', fallbacks, missing };
}
