/**
 * Filters and sort order for package lists: what goes to the server as query parameters,
 * how it reads in the view's description, and the same filter applied here for old servers
 * that answer 400 to parameters they do not know or drop them without a word.
 */
import type { PackageOrderBy, PackageQuery, SortDirection } from '../../gitlab/client';
import { displayName, type Package } from '../../gitlab/models';
import { joinTexts, text, type Text } from '../../util/text';
import { compareTypesAsGitLab } from './packageTypes';

export interface PackageFilter {
  packageType?: string;
  /** Words that must all be in the name, case-insensitive (GitLab's `package_name`: see nameTerms). */
  packageName?: string;
  packageVersion?: string;
  status?: string;
  orderBy?: PackageOrderBy;
  sort?: SortDirection;
}

/** Newest first, as GitLab's own registry page shows (the API's default is oldest first). */
export const DEFAULT_SORT = { orderBy: 'created_at', sort: 'desc' } as const;

export function toQuery(f: PackageFilter): PackageQuery {
  return {
    orderBy: f.orderBy ?? DEFAULT_SORT.orderBy,
    sort: f.sort ?? DEFAULT_SORT.sort,
    packageType: f.packageType,
    packageName: f.packageName,
    packageVersion: f.packageVersion,
    status: f.status,
  };
}

export function hasFilter(f: PackageFilter): boolean {
  return !!(f.packageType || f.packageName || f.packageVersion || f.status);
}

export function isDefault(f: PackageFilter): boolean {
  return !hasFilter(f) && (f.orderBy ?? DEFAULT_SORT.orderBy) === DEFAULT_SORT.orderBy && (f.sort ?? DEFAULT_SORT.sort) === DEFAULT_SORT.sort;
}

const ORDER_LABEL: Record<PackageOrderBy, Text> = { created_at: text('created'), name: text('name'), version: text('version'), type: text('type') };

/** e.g. `type: maven · name: app · sorted by name ↑`; undefined for the default. */
export function describeFilter(f: PackageFilter): Text | undefined {
  const parts: Text[] = [];
  if (f.packageType) parts.push(text('type: {0}', f.packageType));
  if (f.packageName) parts.push(text('name: {0}', f.packageName));
  if (f.packageVersion) parts.push(text('version: {0}', f.packageVersion));
  if (f.status) parts.push(text('status: {0}', f.status));
  const orderBy = f.orderBy ?? DEFAULT_SORT.orderBy;
  const sort = f.sort ?? DEFAULT_SORT.sort;
  if (orderBy !== DEFAULT_SORT.orderBy || sort !== DEFAULT_SORT.sort) parts.push(text('sorted by {0} {1}', ORDER_LABEL[orderBy], sort === 'asc' ? '↑' : '↓'));
  return joinTexts(parts);
}

/** The query without the parameters an old server may not know (filters and sort). */
export function basicQuery(): PackageQuery {
  return {};
}

/** Whitespace as Rails' `squish` sees it (`[[:space:]]`). */
const SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * The terms GitLab searches a `package_name` for (lib/gitlab/sql/pattern.rb, `fuzzy_search`
 * with `use_minimum_char_limit: false` as Packages::Package.search_by_name calls it): the
 * query squished, `"quoted words"` (standing alone between spaces) kept together, the rest
 * split at spaces. A name matches when it contains every term, ignoring case (`ILIKE %term%`,
 * with `%` and `_` literal); terms of one or two characters count like any other.
 */
export function nameTerms(query: string): string[] {
  const q = query.replace(SPACES, ' ').replace(/^ | $/g, ''); // not trim(): U+FEFF is no space to squish
  const quoted: string[] = [];
  let rest = '';
  for (let i = 0; i < q.length; i++) {
    // `"…"` with a space or the start before it and a space or the end after it.
    const close = q[i] === '"' && (i === 0 || q[i - 1] === ' ') ? q.indexOf('"', i + 1) : -1;
    if (close > i + 1 && (close + 1 === q.length || q[close + 1] === ' ')) {
      quoted.push(q.slice(i + 1, close));
      i = close;
    } else rest += q[i];
  }
  return [...rest.split(' ').filter(Boolean), ...quoted];
}

function nameMatches(name: string, query: string): boolean {
  const lower = name.toLowerCase();
  return nameTerms(query).every((term) => lower.includes(term.toLowerCase()));
}

/** Whether a package passes the filter (for servers that cannot apply it). */
export function matches(p: Package, f: PackageFilter): boolean {
  return (
    (!f.packageType || p.packageType === f.packageType) &&
    (!f.packageName || nameMatches(displayName(p), f.packageName)) &&
    (!f.packageVersion || p.version === f.packageVersion) &&
    (!f.status || (p.status ?? 'default') === f.status)
  );
}

/** What of the filter is left to apply here after a server applied `sent` (the order always is). */
export function notSent(f: PackageFilter, sent: PackageFilter): PackageFilter {
  const left = (key: 'packageType' | 'packageName' | 'packageVersion' | 'status') => (sent[key] ? undefined : f[key]);
  return { ...f, packageType: left('packageType'), packageName: left('packageName'), packageVersion: left('packageVersion'), status: left('status') };
}

/** The filter and order applied here, for servers that rejected them. */
export function applyLocally(pkgs: Package[], f: PackageFilter): Package[] {
  const kept = pkgs.filter((p) => matches(p, f));
  const orderBy = f.orderBy ?? DEFAULT_SORT.orderBy;
  const key = (p: Package): string =>
    orderBy === 'name' ? p.name : orderBy === 'version' ? (p.version ?? '') : (p.createdAt ?? String(p.id).padStart(12, '0'));
  // As GitLab orders: versions as text (1.9 after 1.10), types by their enum number.
  const compare = (a: Package, b: Package): number =>
    orderBy === 'type' ? compareTypesAsGitLab(a.packageType, b.packageType) : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  const dir = (f.sort ?? DEFAULT_SORT.sort) === 'asc' ? 1 : -1;
  return kept.sort((a, b) => (compare(a, b) || a.id - b.id) * dir);
}
