/**
 * Every package of a project or group, for a clean-up rule: the client's paged listing with its
 * bounded concurrency and no row cap (the tree stops at 10,000; a clean-up must see them all).
 * One request per page, none per package.
 */
import type { GitLabClient } from '../gitlab/client';
import type { Package } from '../gitlab/models';
import type { ProjectKey } from '../gitlab/types';

export interface CleanUpSource {
  kind: 'project' | 'group';
  key: ProjectKey;
  /** Groups only: include subgroups' projects. */
  includeSubgroups?: boolean;
}

export async function listEveryPackage(
  client: GitLabClient,
  source: CleanUpSource,
  signal?: AbortSignal,
  onProgress?: (listed: number, total: number | undefined) => void,
): Promise<Package[]> {
  const pages =
    source.kind === 'project'
      ? client.projectPackages(source.key, {}, { signal })
      : client.groupPackages(source.key, { excludeSubgroups: source.includeSubgroups === false ? true : undefined }, { signal });
  const items: Package[] = [];
  let total: number | undefined;
  for await (const page of pages) {
    total ??= page.total;
    items.push(...page.items);
    onProgress?.(items.length, total);
  }
  return items;
}
