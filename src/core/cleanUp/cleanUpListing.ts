/**
 * Every package of a project or group, for a clean-up rule: the client's paged listing with its
 * bounded concurrency and a cap far above the tree's (the tree stops at 10,000; a clean-up must
 * see them all): 100,000 packages per listing. One request per page, none per package. Ends on
 * every server: the client's paging bounds a guessed listing (headers hidden) at a repeated page
 * or 10,000 rows, and the cap a server that always names a next page; the notes say which.
 * A clean-up over part of a list stays within its rule: what it keeps is judged among what it
 * saw, and what it did not see is neither judged nor deleted.
 *
 * GitLab lists terraform modules only when `package_type` asks for them
 * (app/finders/packages/packages_finder.rb `base`, group_packages_finder.rb): a rule naming that
 * type, or a name row of it, lists them with it. A GitLab before 13.11 has no such type and
 * answers 400: the rest is listed, and the notes say so.
 */
import type { GitLabClient, PackageQuery } from '../../gitlab/client';
import { isGitLabError } from '../../gitlab/errors';
import type { Package } from '../../gitlab/models';
import type { ProjectKey } from '../../gitlab/types';
import { withThousands } from '../../util/format';
import { text, type Text } from '../../util/text';
import { LISTED_WHEN_ASKED } from '../browse/packageTypes';

export interface CleanUpSource {
  kind: 'project' | 'group';
  key: ProjectKey;
  /** Groups only: include subgroups' projects. */
  includeSubgroups?: boolean;
  /** The types the clean-up covers (what is only listed when asked for is then asked for); unset: all. */
  packageTypes?: readonly string[];
}

export interface Listing {
  packages: Package[];
  /** What could not be listed, and why. */
  notes: Text[];
}

/** How far a listing has come: packages listed, the total GitLab gave for this part, and which part of how many. */
export interface ListingProgress {
  listed: number;
  total: number | undefined;
  part: number;
  parts: number;
}

/** The types a clean-up lists: a name row's own type (its versions are of that type), else the rule's. */
export function listingTypes(ruleTypes: readonly string[] | undefined, onlyType: string | undefined): readonly string[] | undefined {
  return onlyType !== undefined ? [onlyType] : ruleTypes;
}

/** The listings a clean-up needs: the default one unless it names only asked-for types, and one per asked-for type it names. */
export function listingQueries(packageTypes: readonly string[] | undefined): PackageQuery[] {
  const asked = (packageTypes ?? []).filter((t) => LISTED_WHEN_ASKED.includes(t));
  const needsDefault = !packageTypes || packageTypes.some((t) => !LISTED_WHEN_ASKED.includes(t));
  return [...(needsDefault ? [{}] : []), ...asked.map((packageType) => ({ packageType }))];
}

/** Pages of 100 one listing may take: 100,000 packages. */
export const MAX_LISTING_PAGES = 1_000;

export async function listEveryPackage(
  client: GitLabClient,
  source: CleanUpSource,
  signal?: AbortSignal,
  onProgress?: (progress: ListingProgress) => void,
  maxPages = MAX_LISTING_PAGES,
): Promise<Listing> {
  const packages: Package[] = [];
  const notes: Text[] = [];
  const queries = listingQueries(source.packageTypes);
  let unsure = false;
  for (const [i, query] of queries.entries()) {
    const pages =
      source.kind === 'project'
        ? client.projectPackages(source.key, query, { signal, maxPages })
        : client.groupPackages(source.key, { ...query, excludeSubgroups: source.includeSubgroups === false ? true : undefined }, { signal, maxPages });
    let total: number | undefined;
    let listed = 0;
    let last: { page: number; nextPage?: number } | undefined;
    try {
      for await (const page of pages) {
        total ??= page.total;
        listed += page.items.length;
        if (page.unsure && page.nextPage === undefined) unsure = true;
        packages.push(...page.items);
        last = page;
        onProgress?.({ listed, total, part: i + 1, parts: queries.length });
      }
      if (last && last.page >= maxPages && last.nextPage !== undefined)
        notes.push(text('Stopped listing at {0} packages; the rest were not looked at', withThousands(listed)));
    } catch (e) {
      // A server that predates the type refuses it: the other listings stand.
      if (!(query.packageType && listed === 0 && isGitLabError(e) && e.kind === 'badRequest' && e.status === 400)) throw e;
      notes.push(text('GitLab refused package_type={0} (HTTP 400: a GitLab before 13.11): none were listed', query.packageType));
    }
  }
  // The paging headers were hidden and a listing ended on a guess (a repeated page, 10,000 rows).
  if (unsure) notes.push(text('Paging headers hidden, the list may be incomplete'));
  return { packages, notes };
}
