/**
 * Delete Package… runs under a progress with a Cancel, as clean-up does: Cancel stops sending,
 * the DELETEs already on their way finish (none is sent twice), and the one message says what
 * went and what was never sent.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';
import { cancelOptions, deleteThenCancel, PACKAGE_DELETE, sentDeletes } from '../../../support/deleteCancel';

const APP = SAMPLE.projects.app.id;

describe('cancelling Delete Package…', () => {
  const t = harnessPerTest();

  it('Delete Package…: Cancel stops sending; the two in flight finish and are said deleted, the rest "not sent"', async () => {
    const h = await t.start(cancelOptions((fake) => fake.addPackagesBulk(APP, 12, { namePrefix: 'bulk' })));
    const rows = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.label.startsWith('bulk-'));
    assert.equal(rows.length, 12);
    await deleteThenCancel(h, 'gitlabPackages.deletePackage', rows, PACKAGE_DELETE);
    const paths = sentDeletes(h, PACKAGE_DELETE);
    const ids = rows.map((r) => (r.node as { pkg: { id: number } }).pkg.id);
    assert.deepEqual(paths, [`/api/v4/projects/${APP}/packages/${ids[0]}`, `/api/v4/projects/${APP}/packages/${ids[1]}`], 'the two in flight, each once');
    assert.deepEqual(
      ids.map((id) => h.fake.getPackage(id)?.status),
      ['pending_destruction', 'pending_destruction', ...Array<string>(10).fill('default')],
    );
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['warning', 'Deleted 2 packages. Not sent (cancelled): 10.']],
    );
    assert.equal(h.ui.log.filter((l) => l.text.endsWith('not sent (cancelled)')).length, 10);
  });
});
