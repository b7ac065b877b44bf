import { strict as assert } from 'node:assert';
import { collectAll, iteratePages, nextPageFromLink, pageFromHeaders, type Page } from '../../../src/gitlab/pagination';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

/** An in-memory paged source that records concurrency (the algorithm under test is ordering). */
function source(total: number, perPage: number, opts: { withTotals: boolean; delayMs?: (page: number) => number }) {
  let inFlight = 0;
  const stats = { maxInFlight: 0, requested: [] as number[] };
  const pages = Math.ceil(total / perPage);
  const fetchPage = async (page: number): Promise<Page<number>> => {
    stats.requested.push(page);
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, opts.delayMs?.(page) ?? 1));
    inFlight--;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, i) => (page - 1) * perPage + i);
    return { items, page, perPage, nextPage: page < pages ? page + 1 : undefined, totalPages: opts.withTotals ? pages : undefined };
  };
  return { fetchPage, stats };
}

describe('pagination', () => {
  it('reads x-next-page, falls back to Link rel=next, ignores a next page that does not advance', () => {
    assert.equal(pageFromHeaders([], headers({ 'x-next-page': '3', 'x-total-pages': '9' }), 2, 100).nextPage, 3);
    assert.equal(pageFromHeaders([], headers({ 'x-next-page': '' }), 2, 100).nextPage, undefined);
    assert.equal(
      pageFromHeaders([], headers({ link: '<https://h/api/v4/x?page=5&per_page=100>; rel="next", <https://h/x?page=1>; rel="first"' }), 4, 100).nextPage,
      5,
    );
    assert.equal(pageFromHeaders([], headers({ 'x-next-page': '2' }), 2, 100).nextPage, undefined);
    assert.equal(pageFromHeaders([], headers({ 'x-next-page': '1' }), 2, 100).nextPage, undefined);
    assert.equal(nextPageFromLink('<bad>; rel="prev"'), undefined);
  });

  it('with a known total: fetches the rest concurrently within the bound, yields in order', async () => {
    const { fetchPage, stats } = source(1000, 100, { withTotals: true, delayMs: (p) => (p % 3) * 5 });
    const seen: number[] = [];
    for await (const page of iteratePages(fetchPage, { concurrency: 4 })) seen.push(page.page);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(stats.maxInFlight, 4);
  });

  it('without a total (past 10,000 rows): keeps the bound in flight speculatively, at most bound − 1 requests past the end', async () => {
    const { fetchPage, stats } = source(550, 100, { withTotals: false, delayMs: (p) => 5 + (p % 2) * 5 });
    const all = await collectAll(fetchPage, { concurrency: 8 });
    assert.equal(all.items.length, 550);
    assert.equal(all.complete, true);
    assert.deepEqual(all.items.slice(0, 3), [0, 1, 2]);
    assert.equal(stats.maxInFlight, 8, 'the bound is kept full although the server gave no total');
    const wasted = stats.requested.filter((p) => p > 6);
    assert.ok(wasted.length > 0 && wasted.length <= 7, `wasted: ${wasted.join(',')}`);
  });

  it('without a total: nothing is asked past a page that answered empty, or after the end is known', async () => {
    const requested: number[] = [];
    let endKnownAt = Infinity;
    // Says "next" on every page, but page 4 and later are empty (rows deleted meanwhile).
    const shrinking = async (page: number): Promise<Page<number>> => {
      requested.push(page);
      await new Promise((r) => setTimeout(r, page === 1 ? 1 : 10));
      if (page >= 4 && endKnownAt === Infinity) endKnownAt = requested.length;
      return { items: page < 4 ? [page] : [], page, perPage: 1, nextPage: page + 1 };
    };
    const all = await collectAll(shrinking, { concurrency: 3 });
    assert.deepEqual(all.items, [1, 2, 3]);
    assert.ok(
      requested.slice(endKnownAt).every((p) => p < 4),
      `requested ${requested.join(',')} after an empty page was seen at request ${endKnownAt}`,
    );
    // Page 3 said there is a page 4, so asking it was needed; past it, at most bound − 1.
    assert.ok(requested.filter((p) => p > 4).length <= 2, `at most bound − 1 past the end: ${requested.join(',')}`);
  });

  it('stops at maxPages and reports where to continue', async () => {
    const { fetchPage } = source(1000, 100, { withTotals: true });
    const some = await collectAll(fetchPage, { concurrency: 8, maxPages: 3 });
    assert.equal(some.items.length, 300);
    assert.equal(some.nextPage, 4);
    const rest = await collectAll(fetchPage, { concurrency: 8, startPage: 4 });
    assert.equal(rest.items.length, 700);
  });

  it('never asks beyond x-total-pages even if the server keeps saying next', async () => {
    const requested: number[] = [];
    const liar = (page: number): Promise<Page<number>> => {
      requested.push(page);
      return Promise.resolve({ items: [page], page, perPage: 1, nextPage: page + 1, totalPages: 3 });
    };
    const all = await collectAll(liar, { concurrency: 8 });
    assert.deepEqual(all.items, [1, 2, 3]);
    assert.ok(Math.max(...requested) <= 3);
  });

  it('terminates on a server whose next page repeats', async () => {
    let calls = 0;
    const stuck = (page: number): Promise<Page<number>> => {
      calls++;
      return Promise.resolve(pageFromHeaders([page], headers({ 'x-next-page': '2' }), page, 1));
    };
    const all = await collectAll(stuck, { concurrency: 8 });
    assert.deepEqual(all.items, [1, 2]);
    // The first page, its next one, and at most bound − 1 speculative pages.
    assert.ok(calls <= 2 + 7, `${calls} requests`);
  });

  it('breaking out early aborts requests still in flight', async () => {
    const aborted: number[] = [];
    const slow = (page: number, signal: AbortSignal): Promise<Page<number>> =>
      new Promise((resolve) => {
        if (page <= 2) return resolve({ items: [page], page, perPage: 1, nextPage: page + 1, totalPages: 10 });
        signal.addEventListener('abort', () => {
          aborted.push(page);
          resolve({ items: [], page, perPage: 1 });
        });
      });
    for await (const page of iteratePages(slow, { concurrency: 3 })) {
      if (page.page === 2) break;
    }
    // Page 2 settled at once, so its slot went to page 5: three in flight, all aborted.
    assert.deepEqual(aborted.sort(), [3, 4, 5]);
  });
});
