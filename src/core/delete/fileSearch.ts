/**
 * Whether a file is still in its package's file list, read in few pages. Files leave the list while it is
 * read (other deletes of the same bulk delete), so later rows move onto pages already read: "not seen on any
 * page" proves nothing. A file is concluded gone only from ONE answer whose ids, in ascending order, span its
 * id without it — and the order must be one GitLab guarantees: lib/api/package_files.rb has sorted by id
 * since 14.9 (`order_by`/`sort` from 18.0); before 14.9 it had no ORDER BY at all. The pages are searched by
 * the id range each one shows (doubling, then halving), at most MAX_READS of them.
 */
import type { Page } from '../../gitlab/pagination';
import type { PackageFile } from '../../gitlab/models';
import type { Recheck } from './deleteOutcome';

/** Enough for 2^(MAX_READS/2) pages of 100 files, with room for a list that shifts while it is read. */
export const MAX_READS = 14;

export type ReadFiles = (page: number) => Promise<Page<PackageFile>>;

/** `ordered`: the server lists the package's files by ascending id (asked with order_by=id&sort=asc). */
export async function findFile(read: ReadFiles, fileId: number, ordered: boolean): Promise<Recheck> {
  // Pages where it may still be: `low` to `high` (Infinity until a page lies after it).
  let low = 1;
  let high = Infinity;
  let page = 1;
  // What each page held when last read, and when: the boundary check below reads one of them again.
  const seen = new Map<number, { ids: string; at: number }>();
  for (let reads = 0; reads < MAX_READS; reads++) {
    const { items, nextPage, totalPages, perPage } = await read(page);
    const ids = items.map((f) => f.id);
    if (ids.includes(fileId)) return LISTED;
    if (!ordered || ids.some((id, i) => i > 0 && id <= ids[i - 1])) {
      // No order to search by (or the server did not keep it): page by page, and "not seen" proves nothing.
      if (ordered || nextPage === undefined) return UNORDERED;
      page = nextPage;
      continue;
    }
    seen.set(page, { ids: ids.join(','), at: reads });
    if (!ids.length && page === 1) return GONE;
    if (ids.length && fileId > ids[0] && fileId < ids[ids.length - 1]) return GONE;
    if (ids.length && fileId > ids[ids.length - 1]) {
      // The last page only when the server says so: a full page without paging headers may have more after it.
      const last = nextPage === undefined && (ids.length < perPage || (totalPages !== undefined && page >= totalPages));
      if (last) return GONE;
      low = page + 1;
    } else if (page === 1) return GONE;
    else high = page - 1;
    if (totalPages !== undefined) high = Math.min(high, totalPages);
    if (high < low && low === high + 1 && seen.has(high) && seen.has(low)) {
      // Two neighbouring pages put it between them, in two answers. Files only leave the list (new ones get
      // higher ids, at its end): if the page read first is unchanged when read again, nothing before the
      // boundary left meanwhile, so the two answers are one list, and it is not in it.
      const first = seen.get(high)!.at < seen.get(low)!.at ? high : low;
      if (++reads >= MAX_READS) break;
      const again = (await read(first)).items.map((f) => f.id);
      if (again.includes(fileId)) return LISTED;
      if (again.join(',') === seen.get(first)!.ids) return GONE;
    }
    if (high < low) {
      // The pages disagree (the list moved between two reads): search again from the page it was said to follow.
      low = Math.max(1, high);
      high = Infinity;
      page = low;
    } else page = high === Infinity ? Math.max(low, 2 * page) : Math.floor((low + high) / 2);
  }
  return { found: 'unproven', why: ordered ? 'moving' : 'unordered' };
}

const GONE: Recheck = { found: 'gone' };
const LISTED: Recheck = { found: 'listed' };
const UNORDERED: Recheck = { found: 'unproven', why: 'unordered' };
