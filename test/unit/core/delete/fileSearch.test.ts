/**
 * The search for a file in its package's id-ordered file list after a DELETE's answer was lost
 * (src/core/fileSearch.ts): "gone" only where the answers prove it, whatever page boundary the
 * file sat on, and never from a full page whose paging headers are missing.
 */
import { strict as assert } from 'node:assert';
import { findFile, type ReadFiles } from '../../../../src/core/delete/fileSearch';
import type { PackageFile } from '../../../../src/gitlab/models';

const PER_PAGE = 100;

/** A list served as GitLab pages it; `beforeRead` may change it between reads; `headers: false` as a proxy that strips them. */
function lister(ids: number[], opts: { headers?: boolean; beforeRead?: (read: number, ids: number[]) => void } = {}): { read: ReadFiles; reads: () => number } {
  let reads = 0;
  const read: ReadFiles = (page) => {
    opts.beforeRead?.(reads, ids);
    reads++;
    const slice = ids.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    const totalPages = Math.max(1, Math.ceil(ids.length / PER_PAGE));
    const items = slice.map((id) => ({ id }) as PackageFile);
    if (opts.headers === false) return Promise.resolve({ items, page, perPage: PER_PAGE });
    return Promise.resolve({ items, page, perPage: PER_PAGE, totalPages, nextPage: page < totalPages ? page + 1 : undefined });
  };
  return { read, reads: () => reads };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('finding a file again in its id-ordered list', () => {
  it('a deleted file that sat first on a page is gone, proven by reading the earlier page again (not "the list kept changing")', async () => {
    for (const gone of [101, 201, 100, 150]) {
      const { read, reads } = lister(range(1, 450).filter((id) => id !== gone));
      assert.deepEqual(await findFile(read, gone, true), { found: 'gone' }, `file ${gone}`);
      assert.ok(reads() <= 8, `file ${gone}: ${reads()} reads`);
    }
  });

  it('a file still there is found, wherever it is', async () => {
    for (const id of [1, 100, 101, 250, 450]) assert.deepEqual(await findFile(lister(range(1, 450)).read, id, true), { found: 'listed' }, `file ${id}`);
  });

  it('a file that moved onto the page read first (a file before it left between the reads) is not called gone', async () => {
    // File 101 opens page 2. Page 1 is read; then file 5 leaves, so 101 moves to the end of page 1; then page 2 is read.
    const ids = range(1, 300);
    const { read } = lister(ids, { beforeRead: (n, list) => n === 1 && list.splice(list.indexOf(5), 1) });
    const found = await findFile(read, 101, true);
    assert.notDeepEqual(found, { found: 'gone' });
  });

  it('without paging headers (a proxy strips them), a full page is not taken for the last one', async () => {
    const { read } = lister(range(1, 250), { headers: false });
    assert.deepEqual(await findFile(read, 180, true), { found: 'listed' });
    assert.deepEqual(
      await findFile(
        lister(
          range(1, 250).filter((id) => id !== 180),
          { headers: false },
        ).read,
        180,
        true,
      ),
      { found: 'gone' },
    );
  });
});
