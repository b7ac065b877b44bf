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

/** Why an entry whose only answers are cut-short lists is unchecked: what was not read may hold the version. */
export class ListCutShortError extends Error {
  constructor(readonly listed: number) {
    super(`the registry lists more than ${listed} packages of that name; the version was not among the first`);
    this.name = 'ListCutShortError';
  }
}

export async function fetchVersion(client: VersionClient, target: VersionTarget, signal?: AbortSignal): Promise<RegistryAnswer> {
  const query = listQuery(target);
  const listed = await listPackages(client, target, query, signal);
  const { pkg, notInstallable } = servedPackage(listed.items, target);
  const project = pkg && filesProject(pkg, target);
  if (!pkg || project === undefined) {
    // Not found in a list cut short is not "absent": the version may be on a page not read. An answer all the
    // same, kept like the others, so a re-check does not page through the list again.
    if (listed.cutShort) return { kind: 'cutShort', listed: listed.items.length };
    // GitLab's PyPI index forwards a name it holds no version of to PyPI (pypi_package_requests_forwarding):
    // whether it holds the name tells "deleted" from "never here". One more list, and only then.
    if (target.packageType !== 'pypi') return { kind: 'absent', notInstallable };
    const anyVersion = await listPackages(client, target, { ...query, packageVersion: undefined }, signal);
    const nameKnown = hasName(anyVersion.items, target) || (anyVersion.cutShort ? undefined : false);
    return { kind: 'absent', notInstallable, ...(nameKnown !== undefined ? { nameKnown } : {}) };
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
 * that name and version that is not installable; undefined when the registry has none;
 * `{ cutShort }` (how many were listed) when the list went past its bound without it (a plain
 * value: in the web build this crosses from the lockfile bundle, where an error class would not be
 * recognised).
 */
export async function findVersion(
  client: VersionClient,
  target: VersionTarget,
  packageId?: number,
  signal?: AbortSignal,
): Promise<Package | undefined | { cutShort: number }> {
  const { items, cutShort } = await listPackages(client, target, listQuery(target), signal);
  const { pkg, notInstallable } = servedPackage(items, target);
  const newest = notInstallable.reduce<Package | undefined>((best, p) => (!best || p.id > best.id ? p : best), undefined);
  const found = items.find((p) => p.id === packageId) ?? pkg ?? newest;
  return found ?? (cutShort ? { cutShort: items.length } : undefined);
}

/** `cutShort`: the bound was reached with more pages to go. */
async function listPackages(
  client: VersionClient,
  target: VersionTarget,
  query: PackageQuery,
  signal?: AbortSignal,
): Promise<{ items: Package[]; cutShort: boolean }> {
  const items: Package[] = [];
  for (let page = 1, read = 0; ; read++) {
    if (read === MAX_LIST_PAGES) return { items, cutShort: true };
    const result =
      target.owner.kind === 'project'
        ? await client.projectPackagesPage(target.owner.id, query, page, signal)
        : await client.groupPackagesPage(target.owner.id, query, page, signal);
    items.push(...result.items);
    // With the version filter (16.6+) one page holds them all; an older server's list goes on.
    if (!result.nextPage || result.items.length === 0) return { items, cutShort: false };
    page = result.nextPage;
  }
}
