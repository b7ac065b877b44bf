/**
 * GitLab's offset pagination (doc §7): `page`/`per_page` (default 20, silently capped at 100),
 * the `x-*` headers and an absolute `Link` header; above 10,000 matching rows GitLab stops
 * counting, so `x-total`, `x-total-pages` and `rel="last"` are left out.
 */
import { invalidParam } from './respond';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Above this many rows the count is skipped (GitLab's `api_kaminari_count_with_limit`). */
export const COUNT_LIMIT = 10_000;

export interface Paging {
  page: number;
  perPage: number;
}

export function parsePaging(q: Record<string, string>): Paging {
  const int = (name: string, fallback: number): number => {
    const raw = q[name];
    if (raw === undefined || raw === '') return fallback;
    // Grape's Integer coercion: anything else is a 400.
    if (!/^-?\d+$/.test(raw.trim())) throw invalidParam(name, 'is invalid');
    return Number(raw);
  };
  const page = Math.max(int('page', 1), 1);
  const perPage = Math.min(Math.max(int('per_page', DEFAULT_PER_PAGE), 1), MAX_PER_PAGE);
  return { page, perPage };
}

/**
 * One page of `rows`, with the headers GitLab sends. `requestUrl` is the absolute URL of the
 * request without its query (built from the Host header, as GitLab does); `query` is the
 * request's query, kept in the links with page/per_page replaced.
 */
export function paginate<T>(rows: readonly T[], paging: Paging, requestUrl: string, query: Record<string, string>): { items: T[]; headers: Record<string, string> } {
  const { page, perPage } = paging;
  const total = rows.length;
  const counted = total <= COUNT_LIMIT;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const items = rows.slice((page - 1) * perPage, page * perPage);
  const hasNext = page * perPage < total;
  // Kaminari: no previous page once past the end.
  const hasPrev = page > 1 && page <= totalPages;

  const href = (p: number): string => {
    const params: Record<string, string> = { ...query, page: String(p), per_page: String(perPage) };
    // Rails' Hash#to_query sorts the keys.
    const search = Object.keys(params)
      .sort()
      .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k])}`)
      .join('&');
    return `${requestUrl}?${search}`;
  };
  const links: string[] = [];
  if (hasPrev) links.push(`<${href(page - 1)}>; rel="prev"`);
  if (hasNext) links.push(`<${href(page + 1)}>; rel="next"`);
  links.push(`<${href(1)}>; rel="first"`);
  if (counted) links.push(`<${href(totalPages)}>; rel="last"`);

  const headers: Record<string, string> = {
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': hasNext ? String(page + 1) : '',
    'x-prev-page': hasPrev ? String(page - 1) : '',
    link: links.join(', '),
  };
  if (counted) {
    headers['x-total'] = String(total);
    headers['x-total-pages'] = String(totalPages);
  }
  return { items, headers };
}
