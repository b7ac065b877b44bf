/** Load more…: past the cap, the next rows appended once to their own list. */
import { strict as assert } from 'node:assert';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';
import { addHugeProject, HUGE_PROJECT, listingWithoutTotals } from '../../../support/fixtures';

describe('Load more…', () => {
  const t = harnessPerTest();

  it('past 10,000 packages (no totals) the pages still load at the bound up to the cap; then Load more… adds 1,000 and offers more', async function () {
    this.timeout(20_000);
    const prepareFake = (fake: FakeGitLab): void => {
      addHugeProject(fake);
      fake.addPackagesBulk(HUGE_PROJECT.id, 1_100, { namePrefix: 'more' });
    };
    const h = await t.start({ settings: { projects: [HUGE_PROJECT.path] }, token: SAMPLE.apiToken, prepareFake });
    const project = await h.find(HUGE_PROJECT.path);
    // Its owner sees the project's "Protection Rules" above the packages.
    const packageRows = <T extends { item: { contextValue?: string } }>(all: T[]): T[] => all.filter((r) => r.item.contextValue !== 'protectionRules');
    const first = packageRows(await h.rows(project.node));
    assert.deepEqual(
      [first.length, first[0].label],
      [101, 'Loading… 100 so far'],
      'the first page at once, below a count (on top, in view) that needs no total',
    );
    let rows = packageRows(await h.settledRows(project.node));
    assert.equal(rows.length, 10_001);
    const more = rows[10_000];
    assert.deepEqual([more.label, more.description, more.item.contextValue], ['Load more…', '10000 loaded', 'loadMore']);
    const listRequests = h.fake.requests.filter((r) => r.path.startsWith(`/api/v4/projects/${HUGE_PROJECT.id}/packages`));
    assert.ok(listRequests.length <= 100 + 7, `${listRequests.length} list requests for 100 pages: at most bound − 1 speculative`);
    await h.click(more);
    assert.ok(h.view.changes.includes(project.node), 'only the project is redrawn');
    rows = packageRows(await h.rows(project.node));
    assert.equal(rows.length, 11_001);
    assert.equal(new Set(rows.slice(0, 11_000).map((r) => r.item.id)).size, 11_000);
    assert.deepEqual([rows[11_000].label, rows[11_000].description], ['Load more…', '11000 loaded']);
  });

  // Two Load more… of the same row at once both spliced the list (issue 12); the one that ended
  // second no longer found its row (indexOf → -1) and `slice(0, -1)` cut the list's last row.
  // Here the listing is past GitLab's count (no totals) and ends on page 101, and a second load
  // of it would fail on a flaky connection.
  it('Load more… invoked twice at once neither drops a row nor leaves two Load more rows', async function () {
    this.timeout(20_000);
    const h = await t.start({ settings: { projects: [HUGE_PROJECT.path] }, token: SAMPLE.apiToken, prepareFake: addHugeProject });
    const project = await h.find(HUGE_PROJECT.path);
    const before = (await h.settledRows(project.node)).filter((r) => r.item.contextValue?.startsWith('package'));
    const more = (await h.rows(project.node)).find((r) => r.item.contextValue === 'loadMore');
    assert.ok(more, 'a Load more row at the cap');
    // The first request for page 101 gets the last page; another one's connection drops (and its two retries).
    const pages = await listingWithoutTotals(h, HUGE_PROJECT.id, 1, 101);
    h.fake.fail({ method: 'GET', path: pages.path }, { kind: 'reset' }, 3);
    await Promise.all([h.click(more), h.click(more)]);
    const rows = await h.rows(project.node);
    const packages = rows.filter((r) => r.item.contextValue?.startsWith('package'));
    assert.ok(rows.filter((r) => r.item.contextValue === 'loadMore').length <= 1, 'two Load more rows');
    assert.deepEqual(
      packages.map((r) => r.label),
      [...before.map((r) => r.label), ...pages.names],
      'every package of the listing, once, in order',
    );
  });
});
