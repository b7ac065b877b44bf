/**
 * What a deletion is about and whether it may be asked for: one identity per package or file
 * (the same package listed under its group and its project is one package and gets one DELETE),
 * and GitLab's own say on permission (`_links.delete_api_path`).
 */
import type { Package } from '../../gitlab/models';
import type { ProjectKey } from '../../gitlab/types';
import type { Text } from '../../util/text';
import { owningProject, type ListedUnder } from '../browse/packageOwner';
import { statusRefusal } from '../browse/packageStatus';
import type { RuleStanding } from '../protection/protectionRules';

/** One package, or one file of a package, on one instance. */
export interface Deletion {
  instanceUrl: string;
  /** Package ids are unique per instance: the identity needs no project. */
  origin: string;
  project: ProjectKey;
  packageId: number;
  /** Set to delete one file of the package instead of the package. */
  fileId?: number;
  /** GitLab offers the deletion (or, on old servers, does not say). */
  allowed: boolean;
  /** A protection rule will refuse it (the user's role is below the rule's): why, in a few words. Nothing is sent then. */
  refusedBy?: Text;
  /** A rule refuses the user's role, but they are an administrator (Admin Mode unknown): sent, GitLab decides; its 403 is worded so. */
  adminModeDecides?: boolean;
}

export function deletionKey(d: Pick<Deletion, 'origin' | 'packageId' | 'fileId'>): string {
  return d.fileId === undefined ? `${d.origin}|package:${d.packageId}` : `${d.origin}|file:${d.fileId}`;
}

/**
 * A package's deletion as listed under a project or group: GitLab's say (its delete link), and what
 * its status or — `standing`, decided once by the caller — a protection rule refuses.
 */
export function deletionOf(listed: ListedUnder, pkg: Package, standing: Pick<RuleStanding, 'refusal' | 'adminModeDecides'>): Deletion {
  return {
    instanceUrl: listed.ref.instanceUrl,
    origin: listed.ref.origin,
    project: owningProject(pkg, listed),
    packageId: pkg.id,
    allowed: isDeletable(pkg),
    refusedBy: refusedBy(pkg, standing),
    ...(standing.adminModeDecides ? { adminModeDecides: true } : {}),
  };
}

/** Why the package will not be deleted though GitLab offers it: its status, or a protection rule above the user's role. */
export function refusedBy(pkg: Package, standing: Pick<RuleStanding, 'refusal'>): Text | undefined {
  return statusRefusal(pkg.status) ?? standing.refusal;
}

/** Old servers send no `_links`: deletion may be possible, a 403 then explains. */
export function isDeletable(pkg: Package): boolean {
  return pkg.deleteApiPath !== undefined || !pkg.hasLinks;
}

/** The first of each identity, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}
