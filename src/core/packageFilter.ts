/**
 * Filters and sort order for package lists: what goes to the server as query parameters,
 * how it reads in the view's description, and the same filter applied here for old servers
 * that answer 400 to parameters they do not know.
 */
import type { PackageOrderBy, PackageQuery, SortDirection } from '../gitlab/client';
import type { Package } from '../gitlab/models';
import { joinTexts, text, type Text } from '../util/text';

export interface PackageFilter {
  packageType?: string;
  /** Substring of the name, case-insensitive (GitLab's `package_name` is fuzzy the same way). */
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

/** Whether a package passes the filter (old servers silently ignore parameters they do not know). */
export function matches(p: Package, f: PackageFilter): boolean {
  const name = f.packageName?.toLowerCase();
  return (
    (!f.packageType || p.packageType === f.packageType) &&
    (!name || p.name.toLowerCase().includes(name)) &&
    (!f.packageVersion || p.version === f.packageVersion) &&
    (!f.status || (p.status ?? 'default') === f.status)
  );
}

/** The filter and order applied here, for servers that rejected them. */
export function applyLocally(pkgs: Package[], f: PackageFilter): Package[] {
  const kept = pkgs.filter((p) => matches(p, f));
  const orderBy = f.orderBy ?? DEFAULT_SORT.orderBy;
  const key = (p: Package): string =>
    orderBy === 'name'
      ? p.name
      : orderBy === 'version'
        ? (p.version ?? '')
        : orderBy === 'type'
          ? p.packageType
          : (p.createdAt ?? String(p.id).padStart(12, '0'));
  const dir = (f.sort ?? DEFAULT_SORT.sort) === 'asc' ? 1 : -1;
  return kept.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id) * dir);
}
