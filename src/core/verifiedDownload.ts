/**
 * Downloads a package file to disk, streamed, and verifies it against the registry's checksum
 * (SHA-256, else SHA-1, else MD5). Uses the download-by-id endpoint of GitLab 18.4+ and falls
 * back to the per-format routes older servers have. A mismatch or a cancellation removes the
 * partial file; nothing half-written is left under the final name.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import type { GitLabClient, ProjectKey } from '../gitlab/client';
import { NotFoundError } from '../gitlab/errors';
import type { Package, PackageFile } from '../gitlab/models';
import { ALGORITHM_LABEL, strongestChecksum, type Checksum } from './checksums';

export class ChecksumMismatchError extends Error {
  constructor(
    readonly fileName: string,
    readonly expected: Checksum,
    readonly actual: string,
  ) {
    super(
      `${fileName}: ${ALGORITHM_LABEL[expected.algorithm]} does not match the registry (expected ${expected.hex}, got ${actual}). The download was removed.`,
    );
  }
}

export class NoDownloadRouteError extends Error {
  constructor(packageType: string) {
    super(`GitLab before 18.4 offers no API download for ${packageType} package files; open the package in the browser to download it.`);
  }
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** The checksum that was verified, or undefined when the registry gave none. */
  verified?: Checksum;
}

const enc = encodeURIComponent;
const segments = (p: string): string => p.split('/').map(enc).join('/');

/** API paths that serve the file, newest first. */
export function downloadPaths(project: ProjectKey, pkg: Package, file: PackageFile): string[] {
  const base = `/projects/${enc(String(project))}/packages`;
  const v = pkg.version ?? '';
  const paths = [`${base}/${pkg.id}/package_files/${file.id}/download`];
  switch (pkg.packageType) {
    case 'generic':
      paths.push(`${base}/generic/${enc(pkg.name)}/${enc(v)}/${segments(file.fileName)}`);
      break;
    case 'maven':
      paths.push(`${base}/maven/${segments(pkg.name)}/${enc(v)}/${enc(file.fileName)}`);
      break;
    case 'npm':
      paths.push(`${base}/npm/${enc(pkg.name)}/-/${enc(file.fileName)}`);
      break;
    case 'pypi':
      if (file.fileSha256) paths.push(`${base}/pypi/files/${file.fileSha256}/${enc(file.fileName)}`);
      break;
    case 'nuget':
      paths.push(`${base}/nuget/download/${enc(pkg.name)}/${enc(v)}/${enc(file.fileName)}`);
      break;
    case 'helm':
      paths.push(`${base}/helm/stable/charts/${enc(file.fileName)}`);
      break;
    case 'golang':
      if (file.fileName.endsWith('.zip')) paths.push(`${base}/go/${segments(pkg.name)}/@v/${enc(v)}.zip`);
      break;
  }
  return paths;
}

export async function downloadVerified(
  client: GitLabClient,
  target: { project: ProjectKey; pkg: Package; file: PackageFile },
  destination: string,
  opts: { signal?: AbortSignal; onProgress?: (bytes: number, total?: number) => void } = {},
): Promise<DownloadResult> {
  const expected = strongestChecksum(target.file);
  const part = `${destination}.part`;
  const paths = downloadPaths(target.project, target.pkg, target.file);
  try {
    for (let i = 0; ; i++) {
      const hash = createHash(expected?.algorithm ?? 'sha256');
      const out = createWriteStream(part);
      let bytes = 0;
      try {
        await client.http.download(
          paths[i],
          (chunk) => {
            hash.update(chunk);
            bytes += chunk.length;
            opts.onProgress?.(bytes, target.file.size);
            // Respect back-pressure so a fast server cannot fill memory.
            return out.write(chunk) ? undefined : new Promise<void>((r) => out.once('drain', () => r()));
          },
          opts.signal,
        );
        await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      } catch (e) {
        out.destroy();
        // An old server has no download-by-id route: try the per-format one.
        if (e instanceof NotFoundError && i + 1 < paths.length) continue;
        if (e instanceof NotFoundError && paths.length === 1) throw new NoDownloadRouteError(target.pkg.packageType);
        throw e;
      }
      const actual = hash.digest('hex');
      if (expected && actual !== expected.hex) throw new ChecksumMismatchError(target.file.fileName, expected, actual);
      await fs.rename(part, destination);
      return { path: destination, bytes, verified: expected };
    }
  } finally {
    await fs.rm(part, { force: true });
  }
}
