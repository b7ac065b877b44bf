/** Refresh: the whole tree from the view title; one project (and only it) from its row. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

const APP = SAMPLE.projects.app;
const BIG = SAMPLE.projects.big;
const listOf = (id: number) => `/api/v4/projects/${id}/packages`;

describe('Refresh', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: [APP.path, BIG.path] }, token: SAMPLE.apiToken });
  const labels = async (h: Awaited<ReturnType<typeof start>>, path: string) => (await h.settledRows((await h.find(path)).node)).map((r) => r.label);

  it('from the view title: a package published since the first listing appears, read again from GitLab', async () => {
    const h = await start();
    assert.ok(!(await labels(h, APP.path)).includes('fresh-lib'));
    h.fake.addPackage(APP.id, { name: 'fresh-lib', version: '1.0.0', packageType: 'generic' });
    assert.ok(!(await labels(h, APP.path)).includes('fresh-lib'), 'the tree keeps what it read until refreshed');
    const before = h.requests('GET', listOf(APP.id)).length;
    await h.run('gitlabPackages.refresh');
    assert.ok((await labels(h, APP.path)).includes('fresh-lib'));
    assert.ok(h.requests('GET', listOf(APP.id)).length > before, 'the list was asked again');
  });

  it("from a project's row: that project is read again, the other one is not", async () => {
    const h = await start();
    await labels(h, APP.path);
    await labels(h, BIG.path);
    h.fake.addPackage(APP.id, { name: 'fresh-lib', version: '1.0.0', packageType: 'generic' });
    const bigBefore = h.requests('GET', listOf(BIG.id)).length;
    await h.run('gitlabPackages.refresh', (await h.find(APP.path)).node);
    assert.ok((await labels(h, APP.path)).includes('fresh-lib'));
    await labels(h, BIG.path);
    assert.equal(h.requests('GET', listOf(BIG.id)).length, bigBefore, 'the other project was not listed again');
  });
});
