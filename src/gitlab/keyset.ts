/**
 * Keyset pagination as GitLab does it for the package pipelines endpoint: no page numbers and
 * no totals, only an opaque `cursor` in the `Link: <…>; rel="next"` header; the end is a page
 * without that link (or an empty one). Only the cursor is taken from the link: the request
 * goes to the path we built, never to an address the server wrote.
 */
import { nextLinkParam } from './linkHeader';
import type { HeaderBag } from './types';

export interface KeysetPage<T> {
  items: T[];
  /** The cursor of the next page; absent on the last one. */
  next?: string;
  /** `Link` was hidden from us (a browser behind a proxy that does not expose it) and the page was full: more may exist. */
  unsure?: boolean;
}

export type KeysetFetcher<T> = (cursor: string | undefined, signal?: AbortSignal) => Promise<KeysetPage<T>>;

/** The `cursor` parameter of the `rel="next"` URL in a Link header. */
export function nextCursorFromLink(link: string | null): string | undefined {
  return nextLinkParam(link, 'cursor') || undefined;
}

export function keysetPage<T>(items: T[], headers: HeaderBag, perPage: number): KeysetPage<T> {
  const next = items.length ? nextCursorFromLink(headers.get('link')) : undefined;
  const unsure = next === undefined && headers.hidden?.('link') === true && items.length >= perPage;
  return { items, next, ...(unsure ? { unsure } : {}) };
}

/**
 * Every item, page after page, up to `maxPages`. `complete` is true only when the server said
 * the list ended (a page without a next link): a cursor handed out again (the server would
 * loop) or the bound reached stops the paging with `complete` false — the items are then
 * only the start of the list, never "every" item.
 */
export async function collectKeyset<T>(
  fetchPage: KeysetFetcher<T>,
  opts: { maxPages: number; signal?: AbortSignal },
): Promise<{ items: T[]; complete: boolean; unsure?: boolean }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let n = 0; n < opts.maxPages; n++) {
    const page = await fetchPage(cursor, opts.signal);
    items.push(...page.items);
    if (!page.next) return page.unsure ? { items, complete: false, unsure: true } : { items, complete: true };
    if (seen.has(page.next)) return { items, complete: false };
    seen.add(page.next);
    cursor = page.next;
  }
  return { items, complete: false };
}
