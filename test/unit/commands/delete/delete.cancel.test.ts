/**
 * Delete Package… and Delete Package File… run under a progress with a Cancel, as clean-up does:
 * Cancel stops sending, the DELETEs already on their way finish (none is sent twice), and the one
 * message says what went and what was never sent.
 */
import { strict as assert } from 'node:assert';
import type { FileNode } from '../../../../src/tree/nodes';
import { harnessPerTest, SAMPLE, waitFor, type Harness, type HarnessOptions, type Row } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;
const PACKAGE_DELETE = /^\/api\/v4\/projects\/\d+\/packages\/\d+$/;
const FILE_DELETE = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/package_files\/\d+$/;

describe('cancelling a delete', () => {
  const t = harnessPerTest();
  // Two at a time; the first two DELETEs are held long enough for the Cancel to land while they are on their way.
  const start = (prepare: HarnessOptions['prepareFake']) =>
    t.start({ settings: { projects: ['acme/app'], maxConcurrentRequests: 2 }, token: SAMPLE.apiToken, prepareFake: prepare });
  const holdFirstTwo = (h: Harness, path: RegExp) => h.fake.fail({ method: 'DELETE', path }, { kind: 'delay', ms: 1000 }, 2);
  const sent = (h: Harness, path: RegExp) => h.requests('DELETE', path).map((r) => r.path);

  /** Runs `command` on `rows`, confirms, waits for the first two DELETEs and clicks Cancel. */
  async function deleteThenCancel(h: Harness, command: string, rows: Row[], path: RegExp): Promise<void> {
    h.ui.answer('Delete');
    const done = h.run(
      command,
      rows[0].node,
      rows.map((r) => r.node),
    );
    await waitFor(() => sent(h, path).length >= 2, 'the first two DELETEs');
    assert.ok(h.ui.cancelProgress(), 'the progress offers Cancel');
    await done;
  }

  it('Delete Package…: Cancel stops sending; the two in flight finish and are said deleted, the rest "not sent"', async () => {
    const h = await start((fake) => fake.addPackagesBulk(APP, 12, { namePrefix: 'bulk' }));
    const rows = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.label.startsWith('bulk-'));
    assert.equal(rows.length, 12);
    holdFirstTwo(h, PACKAGE_DELETE);
    await deleteThenCancel(h, 'gitlabPackages.deletePackage', rows, PACKAGE_DELETE);
    const paths = sent(h, PACKAGE_DELETE);
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

  it('Delete Package File…: Cancel stops sending; the two in flight finish and are said deleted, the rest "not sent"', async () => {
    let packageId = 0;
    const h = await start((fake) => {
      const [pkg] = fake.addPackagesBulk(APP, 1, { namePrefix: 'many-files' });
      packageId = pkg.id;
      fake.addFilesBulk(pkg.id, 12);
    });
    const files = await h.rows((await h.find('acme/app', 'many-files-00000')).node);
    assert.equal(files.length, 12);
    holdFirstTwo(h, FILE_DELETE);
    await deleteThenCancel(h, 'gitlabPackages.deletePackageFile', files, FILE_DELETE);
    const fileIds = files.map((r) => (r.node as FileNode).file.id);
    assert.deepEqual(
      sent(h, FILE_DELETE),
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
