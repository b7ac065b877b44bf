/**
 * The argument of `gitlabPackages.verifyByDownloading`: the lockfile diagnostics build it from an
 * "unverifiable" verdict (`served`, `expected`, the entry's package) and a command link carries
 * it as JSON, so it is read back as unknown. Its instance must be a configured one: a lockfile
 * never chooses a host to contact.
 */
import type { ProjectKey } from '../../gitlab/types';
import { plainLine } from '../../util/format';
import { text, type Text } from '../../util/text';
import { fromHex } from './digest';
import type { DownloadTarget } from './downloadCheck';
import type { Digest } from './lockEntry';

export interface VerifyByDownloadingArgs {
  /** A configured instance, exactly as the settings give it (the verdict's route names it so). */
  instanceUrl: string;
  /** The project whose routes serve the file (servedPackage.ts `filesProject`). */
  projectId: ProjectKey;
  packageId: number;
  /** GitLab before 18.4 serves a file only through its format's route, which names these. */
  package: { name: string; version: string; packageType: string };
  /** The file GitLab serves (the verdict's `served`); `fileSha256` names the PyPI route of servers before 18.4. */
  file: { id: number; fileName: string; size?: number; fileSha256?: string | null };
  /** The lockfile's hashes (the verdict's `expected`); malformed ones are left out. */
  expected: Digest[];
  /** `name@version`, shown. */
  label: string;
}

export type DownloadRequest = { ok: true; args: VerifyByDownloadingArgs; target: DownloadTarget } | { ok: false; reason: Text };

export function downloadRequest(arg: unknown, instanceUrls: readonly string[]): DownloadRequest {
  const a = (arg ?? {}) as Partial<VerifyByDownloadingArgs>;
  const { package: p, file: f } = a;
  const wellFormed =
    [a.instanceUrl, a.label, p?.name, p?.version, p?.packageType, f?.fileName].every((s) => typeof s === 'string') &&
    (typeof a.projectId === 'number' || typeof a.projectId === 'string') &&
    Number.isSafeInteger(a.packageId) &&
    Number.isSafeInteger(f?.id) &&
    Array.isArray(a.expected);
  if (!wellFormed) return { ok: false, reason: text('Verify by Downloading is run from a lockfile entry that GitLab cannot verify without downloading.') };
  const args = a as VerifyByDownloadingArgs;
  if (!instanceUrls.includes(args.instanceUrl))
    return { ok: false, reason: text('{0} is not a configured GitLab instance.', plainLine(args.instanceUrl, 300)) };
  // It goes into a route's path unencoded (downloadRoutes.ts): hex or nothing.
  const fileSha256 = typeof f?.fileSha256 === 'string' ? fromHex('sha256', f.fileSha256)?.hex : undefined;
  const file = { id: args.file.id, fileName: args.file.fileName, size: args.file.size, fileSha256 };
  return { ok: true, args, target: { project: args.projectId, pkg: { ...args.package, id: args.packageId }, file } };
}
