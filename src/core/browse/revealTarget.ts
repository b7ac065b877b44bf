/**
 * What Reveal in Packages View is given: a package version where a lockfile's URL says it is
 * served (core/lockfiles/registryRoute.ts). The owner is the project (a numeric id or a full path,
 * as the route names it), or only a group when a PyPI group index is all the lockfile names.
 * Names and versions compare as the lockfile check compares them (npm exactly, PyPI normalised).
 */
import type { ProjectKey } from '../../gitlab/types';
import type { Ecosystem } from '../lockfiles/lockEntry';

interface RevealFields {
  /** A configured instance (compared normalised: `https://Host/gitlab/` is `https://host/gitlab`). */
  instanceUrl: string;
  packageType: Ecosystem;
  name: string;
  version: string;
  /** The registry's id for it, when a lookup already found it: that package, not just one of that name and version. */
  packageId?: number;
}

export type RevealPackageTarget = RevealFields & ({ project: ProjectKey; group?: undefined } | { group: ProjectKey; project?: undefined });

/** The command's argument checked (it may come from anywhere a command URI can); undefined when it is not one. */
export function parseRevealTarget(arg: unknown): RevealPackageTarget | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  const { instanceUrl, packageType, name, version, packageId, project, group } = a;
  if (!filled(instanceUrl) || !filled(name) || !filled(version) || !isEcosystem(packageType)) return undefined;
  if (packageId !== undefined && !isId(packageId)) return undefined;
  const fields: RevealFields = { instanceUrl, packageType, name, version, ...(packageId !== undefined ? { packageId } : {}) };
  if (isKey(project) && group === undefined) return { ...fields, project };
  if (isKey(group) && project === undefined) return { ...fields, group };
  return undefined;
}

function isEcosystem(v: unknown): v is Ecosystem {
  return v === 'npm' || v === 'pypi';
}

function filled(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

function isKey(v: unknown): v is ProjectKey {
  return isId(v) || filled(v);
}
