/**
 * Which of the packages a list request returned is the one an install gets, as GitLab's download
 * routes pick it: the Packages API's `package_name` filter is a substring match, so the name is
 * compared again here (PyPI names normalised); among packages of that name and version in an
 * installable status (app/models/packages/package.rb INSTALLABLE_STATUSES: default, hidden,
 * deprecated) the newest wins — `by_name_and_file_name(…).last!` is the highest id.
 */
import type { Package } from '../../gitlab/models';
import type { ProjectKey } from '../../gitlab/types';
import { normalizePypiName } from './pypiName';
import type { VersionTarget } from './registryRoute';

/** No status: a server from before statuses, where every package was installable. */
const INSTALLABLE = new Set([undefined, 'default', 'hidden', 'deprecated']);

export interface ServedChoice {
  pkg?: Package;
  /** Packages of that name and version that an install does not get (error, processing, pending destruction). */
  notInstallable: Package[];
}

export function servedPackage(candidates: readonly Package[], target: VersionTarget): ServedChoice {
  const same = candidates.filter((p) => samePackageName(p, target) && sameVersion(p.version, target));
  const installable = same.filter((p) => INSTALLABLE.has(p.status));
  const pkg = installable.reduce<Package | undefined>((best, p) => (!best || p.id > best.id ? p : best), undefined);
  return { pkg, notInstallable: same.filter((p) => !INSTALLABLE.has(p.status)) };
}

/** Whether any package of the target's name and type is among these (any version, any status). */
export function hasName(candidates: readonly Package[], target: VersionTarget): boolean {
  return candidates.some((p) => samePackageName(p, target));
}

/** Whether a package is of the target's type and name (PyPI names normalised). */
export function samePackageName(p: Package, target: VersionTarget): boolean {
  return p.packageType === target.packageType && sameName(p.name, target);
}

function sameName(name: string, target: VersionTarget): boolean {
  return registryName(target.packageType, name) === registryName(target.packageType, target.name);
}

function sameVersion(version: string | null, target: VersionTarget): boolean {
  return version !== null && registryVersion(target.packageType, version) === registryVersion(target.packageType, target.version);
}

/** A name as the registry tells names apart: PyPI names normalised (`My_Pkg` is `my-pkg`), npm names exactly. */
export function registryName(packageType: string, name: string): string {
  return packageType === 'pypi' ? normalizePypiName(name) : name;
}

/** A version as the registry tells versions apart: PyPI versions without case (`1.0RC1` and `1.0rc1`), npm versions exactly. */
export function registryVersion(packageType: string, version: string): string {
  return packageType === 'pypi' ? version.toLowerCase() : version;
}

/** The project whose `package_files` route lists the package's files (a group listing names it per package). */
export function filesProject(pkg: Package, target: VersionTarget): ProjectKey | undefined {
  return target.owner.kind === 'project' ? target.owner.id : pkg.projectId;
}
