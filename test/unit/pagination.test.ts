import { strict as assert } from 'node:assert';
import { collectAll, iteratePages, nextPageFromLink, pageFromHeaders, type Page } from '../../src/gitlab/pagination';

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

  it('without a total: pages one after another', async () => {
    const { fetchPage, stats } = source(550, 100, { withTotals: false });
    const all = await collectAll(fetchPage, { concurrency: 8 });
    assert.equal(all.items.length, 550);
    assert.equal(all.complete, true);
    assert.equal(stats.maxInFlight, 1);
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
    assert.equal(calls, 2);
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
