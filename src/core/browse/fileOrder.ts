/**
 * The order of a package's files: newest first where the server sorts them (GitLab 18.x
 * `order_by`/`sort` on package files), by name otherwise — older servers ignore the
 * parameters without a word, so the list is sorted here for them.
 */
import type { FileQuery } from '../../gitlab/client';
import type { PackageFile } from '../../gitlab/models';
import { supports, type GitLabVersion } from '../instances/versionGates';

/** What every package-file request asks for (harmless where it is ignored). */
export const FILE_ORDER: FileQuery = { orderBy: 'created_at', sort: 'desc' };

/** False when the server is known to ignore FILE_ORDER: sort by name here. */
export function serverOrdersFiles(version: GitLabVersion | undefined): boolean {
  return supports(version, 'fileOrdering');
}

/** Sorted by file name (then id, for files of the same name). */
export function byFileName<T>(items: readonly T[], fileOf: (item: T) => Pick<PackageFile, 'fileName' | 'id'>): T[] {
  return [...items].sort((a, b) => fileOf(a).fileName.localeCompare(fileOf(b).fileName) || fileOf(a).id - fileOf(b).id);
}

/** Files as the user should see them, given what the server did with FILE_ORDER. */
export function arrangedFiles<T>(items: readonly T[], fileOf: (item: T) => Pick<PackageFile, 'fileName' | 'id'>, version: GitLabVersion | undefined): T[] {
  return serverOrdersFiles(version) ? [...items] : byFileName(items, fileOf);
}
