/**
 * Delete Package File… runs under a progress with a Cancel, as clean-up does: Cancel stops
 * sending, the DELETEs already on their way finish (none is sent twice), and the one message
 * says what went and what was never sent.
 */
import { strict as assert } from 'node:assert';
import type { FileNode } from '../../../../src/tree/nodes';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';
import { cancelOptions, deleteThenCancel, FILE_DELETE, sentDeletes } from '../../../support/deleteCancel';

const APP = SAMPLE.projects.app.id;

describe('cancelling Delete Package File…', () => {
  const t = harnessPerTest();

  it('Delete Package File…: Cancel stops sending; the two in flight finish and are said deleted, the rest "not sent"', async () => {
    let packageId = 0;
    const h = await t.start(
      cancelOptions((fake) => {
        const [pkg] = fake.addPackagesBulk(APP, 1, { namePrefix: 'many-files' });
        packageId = pkg.id;
        fake.addFilesBulk(pkg.id, 12);
      }),
    );
    const files = await h.rows((await h.find('acme/app', 'many-files-00000')).node);
    assert.equal(files.length, 12);
    await deleteThenCancel(h, 'gitlabPackages.deletePackageFile', files, FILE_DELETE);
    const fileIds = files.map((r) => (r.node as FileNode).file.id);
    assert.deepEqual(
      sentDeletes(h, FILE_DELETE),
      fileIds.slice(0, 2).map((id) => `/api/v4/projects/${APP}/packages/${packageId}/package_files/${id}`),
      'the two in flight, each once',
    );
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['warning', 'Deleted 2 file(s). Not sent (cancelled): 10.']],
    );
    // The package keeps the ten files never sent.
    const left = await h.rows((await h.find('acme/app', 'many-files-00000')).node);
    assert.deepEqual(
      left.map((r) => (r.node as FileNode).file.id),
      fileIds.slice(2),
    );
  });
});
