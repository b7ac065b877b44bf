/**
 * What the registry holds for one package version: the list request (name and version filtered,
 * newest first) and the served package's files. On GitLab 16.6+ that is one request each; an
 * older server ignores `package_version`, so the list is paged on (bounded) until it is done.
 * A PyPI version GitLab lacks costs a second list instead of the files request (is the name there?).
 */
import type { GitLabClient, PackageQuery } from '../../gitlab/client';
import type { Package } from '../../gitlab/models';
import { listQuery } from './lookupPlan';
import type { VersionTarget } from './registryRoute';
import { filesProject, hasName, servedPackage } from './servedPackage';
import type { RegistryAnswer, RegistryFile } from './verdict';

export type VersionClient = Pick<GitLabClient, 'projectPackagesPage' | 'groupPackagesPage' | 'packageFilesPage'>;

/** Pages read at most for one version's list (an old server lists every version of the name). */
const MAX_LIST_PAGES = 20;
/** Pages of files read at most (100 per page: more than any real package version has). */
const MAX_FILE_PAGES = 10;

export async function fetchVersion(client: VersionClient, target: VersionTarget, signal?: AbortSignal): Promise<RegistryAnswer> {
  const query = listQuery(target);
  const { pkg, notInstallable } = servedPackage(await listPackages(client, target, query, signal), target);
  const project = pkg && filesProject(pkg, target);
  if (!pkg || project === undefined) {
    // GitLab's PyPI index forwards a name it holds no version of to PyPI (pypi_package_requests_forwarding):
    // whether it holds the name tells "deleted" from "never here". One more list, and only then.
    if (target.packageType !== 'pypi') return { kind: 'absent', notInstallable };
    const anyVersion = await listPackages(client, target, { ...query, packageVersion: undefined }, signal);
    return { kind: 'absent', notInstallable, nameKnown: hasName(anyVersion, target) };
  }
  const files: RegistryFile[] = [];
  for (let page = 1; page <= MAX_FILE_PAGES;) {
    const result = await client.packageFilesPage(project, pkg.id, page, {}, signal);
    files.push(...result.items);
    if (!result.nextPage || result.items.length === 0) break;
    page = result.nextPage;
  }
  return { kind: 'found', pkg, files };
}

/**
 * The registry's row for a package version, files aside (what Reveal in Packages View shows): the
 * one with `packageId` when the list holds it, else the one an install gets, else the newest of
 * that name and version that is not installable; undefined when the registry has none.
 */
export async function findVersion(client: VersionClient, target: VersionTarget, packageId?: number, signal?: AbortSignal): Promise<Package | undefined> {
  const listed = await listPackages(client, target, listQuery(target), signal);
  const { pkg, notInstallable } = servedPackage(listed, target);
  const newest = notInstallable.reduce<Package | undefined>((best, p) => (!best || p.id > best.id ? p : best), undefined);
  return listed.find((p) => p.id === packageId) ?? pkg ?? newest;
}

async function listPackages(client: VersionClient, target: VersionTarget, query: PackageQuery, signal?: AbortSignal): Promise<Package[]> {
  const out: Package[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES;) {
    const result =
      target.owner.kind === 'project'
        ? await client.projectPackagesPage(target.owner.id, query, page, signal)
        : await client.groupPackagesPage(target.owner.id, query, page, signal);
    out.push(...result.items);
    // With the version filter (16.6+) one page holds them all; an older server's list goes on.
    if (!result.nextPage || result.items.length === 0) break;
    page = result.nextPage;
  }
  return out;
}
