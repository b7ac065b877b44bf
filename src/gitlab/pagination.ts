/**
 * Offset pagination as GitLab does it: `x-next-page` (or `Link rel="next"`), `x-total-pages`
 * when the server counted (it stops counting past 10,000 rows); where a browser cannot read
 * either (a proxy's CORS hides them), full pages are followed until a short or empty one, a page
 * whose rows were all seen already (a server that ignores `page`) or 10,000 rows — the list is
 * then marked `unsure`: it may be incomplete. The pages after the first are
 * fetched concurrently with a bound and handed out in order — up to the total when there is
 * one, speculatively when there is none (the first empty page or page without a next one ends
 * it; at most concurrency − 1 requests go past the end). A misbehaving server cannot make this
 * loop forever.
 */
import { nextLinkParam } from './linkHeader';
import type { HeaderBag } from './types';

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  nextPage?: number;
  totalPages?: number;
  total?: number;
  /** The paging headers were hidden and the page was full: whether more rows exist is a guess (the list may be incomplete). */
  unsure?: boolean;
}

/** GitLab stops counting past 10,000 rows; guessed paging (headers hidden) stops there too. */
export const GUESSED_ROWS_MAX = 10_000;

export type PageFetcher<T> = (page: number, signal: AbortSignal) => Promise<Page<T>>;

export interface PagingOptions {
  /** Most requests in flight at once. */
  concurrency: number;
  /** Stop after this many pages (the caller shows "Load more…" past it). */
  maxPages?: number;
  /** First page to fetch (for "Load more…"). */
  startPage?: number;
  signal?: AbortSignal;
}

function positiveInt(v: string | null | undefined): number | undefined {
  if (!v) return undefined;
  const n = Number(v.trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The `page` parameter of the `rel="next"` URL in a Link header. */
export function nextPageFromLink(link: string | null): number | undefined {
  return positiveInt(nextLinkParam(link, 'page'));
}

export function pageFromHeaders<T>(items: T[], headers: HeaderBag, requestedPage: number, requestedPerPage: number): Page<T> {
  const xNext = headers.get('x-next-page');
  const unsure = xNext === null && headersHidden(headers) && items.length >= requestedPerPage;
  // An empty x-next-page means "last page"; only consult Link when the header is absent.
  const nextPage = xNext === null ? (nextPageFromLink(headers.get('link')) ?? guessedNext(unsure, requestedPage, requestedPerPage)) : positiveInt(xNext);
  return {
    ...(unsure ? { unsure } : {}),
    items,
    page: positiveInt(headers.get('x-page')) ?? requestedPage,
    perPage: positiveInt(headers.get('x-per-page')) ?? requestedPerPage,
    nextPage: nextPage !== undefined && nextPage > requestedPage ? nextPage : undefined,
    totalPages: positiveInt(headers.get('x-total-pages')),
    total: positiveInt(headers.get('x-total')) ?? (headers.get('x-total') === '0' ? 0 : undefined),
  };
}

/** Both paging headers hidden from us (a browser, behind a proxy whose CORS does not expose them). */
function headersHidden(headers: HeaderBag): boolean {
  return headers.hidden?.('x-next-page') === true && headers.hidden('link');
}

/**
 * Headers hidden and the page full (`unsure`): a next page may exist, so it is asked for, up to
 * 10,000 rows; a short or empty page ends the list. Never guessed where the headers could be
 * read: their absence then means the end.
 */
function guessedNext(unsure: boolean, page: number, perPage: number): number | undefined {
  return unsure && page * perPage < GUESSED_ROWS_MAX ? page + 1 : undefined;
}

/**
 * Yields pages in order, starting with the first as soon as it arrives. Breaking out of the
 * loop aborts the requests still in flight.
 */
export async function* iteratePages<T>(fetchPage: PageFetcher<T>, opts: PagingOptions): AsyncGenerator<Page<T>> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  opts.signal?.addEventListener('abort', onAbort);
  const start = opts.startPage ?? 1;
  const lastAllowed = opts.maxPages !== undefined ? start + opts.maxPages - 1 : Number.MAX_SAFE_INTEGER;
  try {
    const first = await fetchPage(start, controller.signal);
    yield first;
    if (first.nextPage === undefined || first.items.length === 0) return;
    const later = pagesAfter(fetchPage, first, Math.min(first.totalPages ?? Number.MAX_SAFE_INTEGER, lastAllowed), opts.concurrency, controller.signal);
    yield* first.unsure ? withoutRepeats(first, later) : later;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}

/**
 * Pages `first.page + 1` … `last` with `concurrency` in flight, yielded in order. The end is
 * learnt from the answers: no request is sent past a page that came back empty or without a
 * next page, whichever page that was.
 */
async function* pagesAfter<T>(fetchPage: PageFetcher<T>, first: Page<T>, last: number, concurrency: number, signal: AbortSignal): AsyncGenerator<Page<T>> {
  const pending = new Map<number, Promise<Page<T>>>();
  let end = last;
  let nextToRequest = first.page + 1;
  let inFlight = 0;
  let stopped = false;
  // A slot is refilled the moment any request settles, not when its turn to be yielded comes.
  const launch = (): void => {
    while (!stopped && inFlight < Math.max(1, concurrency) && nextToRequest <= end) {
      const n = nextToRequest++;
      const p = fetchPage(n, signal);
      inFlight++;
      p.then(
        (page) => settle(isLast(page) ? n : undefined),
        () => settle(n),
      );
      pending.set(n, p);
    }
  };
  const settle = (endsAt: number | undefined): void => {
    inFlight--;
    if (endsAt !== undefined) end = Math.min(end, endsAt);
    launch();
  };
  try {
    launch();
    for (let n = first.page + 1; n <= end; n++) {
      const page = await pending.get(n)!;
      pending.delete(n);
      yield page;
      // The server's count changed under us (deletions), or there never was one: stop at the tail.
      if (isLast(page)) return;
    }
  } finally {
    stopped = true;
  }
}

/**
 * Guessed paging: rows seen on an earlier page are dropped (GitLab's rows never repeat, a server
 * that ignores `page` repeats them all), and a page with nothing new ends the list, `unsure`.
 */
async function* withoutRepeats<T>(first: Page<T>, pages: AsyncGenerator<Page<T>>): AsyncGenerator<Page<T>> {
  const seen = new Set(first.items.map(idOf));
  for await (const page of pages) {
    const fresh = page.items.filter((item) => idOf(item) === undefined || !seen.has(idOf(item)));
    if (page.items.length > 0 && fresh.length === 0) {
      yield { ...page, items: [], nextPage: undefined, unsure: true };
      return;
    }
    for (const item of fresh) seen.add(idOf(item));
    yield fresh.length === page.items.length ? page : { ...page, items: fresh };
  }
}

function idOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null && 'id' in item ? item.id : undefined;
}

function isLast(page: Page<unknown>): boolean {
  return page.items.length === 0 || page.nextPage === undefined;
}

/** Every item of every page (bounded by `maxPages`). */
export async function collectAll<T>(
  fetchPage: PageFetcher<T>,
  opts: PagingOptions,
): Promise<{ items: T[]; complete: boolean; nextPage?: number; unsure?: boolean }> {
  const items: T[] = [];
  let lastPage: Page<T> | undefined;
  for await (const page of iteratePages(fetchPage, opts)) {
    items.push(...page.items);
    lastPage = page;
  }
  const nextPage = lastPage?.nextPage;
  const unsure = lastPage?.unsure === true && nextPage === undefined;
  return { items, complete: nextPage === undefined && !unsure, nextPage, ...(unsure ? { unsure } : {}) };
}
