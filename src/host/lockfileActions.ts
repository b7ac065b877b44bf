/**
 * What a person can do from a lockfile entry, offered by both its quick fixes and its hover:
 * reveal the package in the Packages view, and hash the registry's file when no API gives the
 * lockfile's hash.
 */
import { COMMANDS } from '../constants';
import type { VerifyByDownloadingArgs } from '../core/lockfiles/downloadRequest';
import { filesProject } from '../core/lockfiles/servedPackage';
import type { RevealPackageTarget } from '../core/browse/revealTarget';
import type { LockfileCheck } from './lockfileChecks';

export interface EntryAction {
  title: string;
  command: string;
  args: unknown[];
}

export function entryActions(check: LockfileCheck, i: number, say: { reveal: string; download: string }): EntryAction[] {
  const entry = check.result.parsed.entries[i];
  const route = check.result.routes[i];
  const verdict = check.result.verdicts[i];
  if (route?.kind !== 'gitlab') return [];
  const target = route.targets[0];
  const pkg = 'pkg' in verdict ? verdict.pkg : undefined;
  const project = pkg?.projectId ?? (target.owner.kind === 'project' ? target.owner.id : undefined);
  const reveal: RevealPackageTarget = {
    instanceUrl: target.instanceUrl,
    ...(project !== undefined ? { project } : { group: target.owner.id }),
    packageType: target.packageType,
    name: pkg?.name ?? target.name,
    version: pkg?.version ?? target.version,
    ...(pkg ? { packageId: pkg.id } : {}),
  };
  const actions: EntryAction[] = [{ title: say.reveal, command: COMMANDS.revealPackage, args: [reveal] }];
  const filesAt = pkg && filesProject(pkg, target);
  if (pkg && filesAt !== undefined && 'files' in verdict) {
    for (const f of verdict.files) {
      if (f.kind !== 'unverifiable' || f.reason !== 'needs-download' || !f.served) continue;
      const download: VerifyByDownloadingArgs = {
        instanceUrl: target.instanceUrl,
        projectId: filesAt,
        packageId: pkg.id,
        package: { name: pkg.name, version: pkg.version ?? entry.version, packageType: pkg.packageType },
        file: { id: f.served.id, fileName: f.served.fileName, size: f.served.size, fileSha256: f.served.fileSha256 },
        expected: f.expected,
        label: `${entry.name}@${entry.version}`,
      };
      actions.push({ title: say.download, command: COMMANDS.verifyByDownloading, args: [download] });
    }
  }
  return actions;
}
