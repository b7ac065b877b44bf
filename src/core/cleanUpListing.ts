/**
 * Every package of a project or group, for a clean-up rule: the client's paged listing with its
 * bounded concurrency and no row cap (the tree stops at 10,000; a clean-up must see them all).
 * One request per page, none per package. Ends on every server: the client's paging bounds a
 * guessed listing (headers hidden) at a repeated page or 10,000 rows and says it did.
 *
 * GitLab lists terraform modules only when `package_type` asks for them
 * (app/finders/concerns/packages/finder_helper.rb): a rule naming that type lists them with it.
 */
import type { GitLabClient, PackageQuery } from '../gitlab/client';
import type { Package } from '../gitlab/models';
import type { ProjectKey } from '../gitlab/types';

export interface CleanUpSource {
  kind: 'project' | 'group';
  key: ProjectKey;
  /** Groups only: include subgroups' projects. */
  includeSubgroups?: boolean;
  /** The rule's package types (what is only listed when asked for is then asked for). */
  packageTypes?: readonly string[];
}

/** Types GitLab's package lists leave out unless `package_type` names them. */
export const LISTED_WHEN_ASKED = ['terraform_module'];

/** The listings a rule needs: the default one unless it names only asked-for types, and one per asked-for type it names. */
export function listingQueries(packageTypes: readonly string[] | undefined): PackageQuery[] {
  const asked = (packageTypes ?? []).filter((t) => LISTED_WHEN_ASKED.includes(t));
  const needsDefault = !packageTypes || packageTypes.some((t) => !LISTED_WHEN_ASKED.includes(t));
  return [...(needsDefault ? [{}] : []), ...asked.map((packageType) => ({ packageType }))];
}

export async function listEveryPackage(
  client: GitLabClient,
  source: CleanUpSource,
  signal?: AbortSignal,
  onProgress?: (listed: number, total: number | undefined) => void,
  /** The paging headers were hidden and the listing ended on a guess (a repeated page, 10,000 rows): it may be incomplete. */
  onUnsure?: () => void,
): Promise<Package[]> {
  const items: Package[] = [];
  let before = 0;
  for (const query of listingQueries(source.packageTypes)) {
    const pages =
      source.kind === 'project'
        ? client.projectPackages(source.key, query, { signal })
        : client.groupPackages(source.key, { ...query, excludeSubgroups: source.includeSubgroups === false ? true : undefined }, { signal });
    let total: number | undefined;
    for await (const page of pages) {
      total ??= page.total;
      if (page.unsure && page.nextPage === undefined) onUnsure?.();
      items.push(...page.items);
      onProgress?.(items.length, total === undefined ? undefined : before + total);
    }
    before = items.length;
  }
  return items;
}
