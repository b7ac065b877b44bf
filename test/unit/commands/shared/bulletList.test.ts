/**
 * One cap for every list a dialog or message names (host/bulletList.ts): ten items,
 * then "…and N more" — in the delete confirmation, a protection rule's coverage, and the message
 * about what was not deleted.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, type Harness, type Row } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;
const NAMES = Array.from({ length: 12 }, (_, i) => `bulk-${String(i).padStart(5, '0')} 1.0.${i}`);

describe('lists in dialogs and messages', () => {
  const t = harnessPerTest();
  const start = (token: string) =>
    t.start({ settings: { projects: ['acme/app'] }, token, prepareFake: (fake) => fake.addPackagesBulk(APP, 12, { namePrefix: 'bulk' }) });
  /** The twelve bulk rows, oldest first (the order they were added). */
  const bulkRows = async (h: Harness): Promise<Row[]> => {
    const rows = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.label.startsWith('bulk-'));
    assert.equal(rows.length, 12);
    return rows.sort((a, b) => a.label.localeCompare(b.label));
  };

  it('the delete confirmation names ten packages, then how many more', async () => {
    const h = await start(SAMPLE.apiToken);
    const rows = await bulkRows(h);
    h.ui.answer(undefined);
    await h.run(
      'gitlabPackages.deletePackage',
      rows[0].node,
      rows.map((r) => r.node),
    );
    assert.equal(h.ui.modals[0]?.text, 'Delete 12 packages from acme/app?');
    const listed = (h.ui.modals[0].detail ?? '').split('\n').slice(0, 11);
    assert.deepEqual(listed, [...NAMES.slice(0, 10).map((n) => `• ${n}`), '…and 2 more']);
    assert.ok(!h.fake.requests.some((r) => r.method === 'DELETE'), 'declined: nothing sent');
  });

  it('a new protection rule’s coverage names ten packages, then how many more', async () => {
    const h = await start(SAMPLE.apiToken);
    await bulkRows(h);
    h.ui.type('bulk-*').pick('generic', 'maintainer+', 'owner+').answer(undefined);
    await h.run('gitlabPackages.addProtectionRule', (await h.find('acme/app', 'Protection Rules')).node);
    const detail = h.ui.modals[0]?.detail ?? '';
    const from = detail.split('\n').indexOf('It covers 12 of the packages listed:');
    assert.ok(from >= 0, detail);
    // The coverage lists the rows as the tree shows them (newest first).
    const listed = detail.split('\n').slice(from + 1, from + 12);
    assert.deepEqual(listed, [
      ...NAMES.slice(2)
        .reverse()
        .map((n) => `• ${n}`),
      '…and 2 more',
    ]);
  });

  it('the message about what a read-only token could not delete names ten, then how many more', async () => {
    const h = await start(SAMPLE.readToken);
    const rows = await bulkRows(h);
    await h.run(
      'gitlabPackages.deletePackage',
      rows[0].node,
      rows.map((r) => r.node),
    );
    assert.equal(h.ui.modals.length, 0);
    assert.equal(h.ui.toasts.at(-1)?.text, `Not deleted (the access token can only read): ${NAMES.slice(0, 10).join(', ')}, …and 2 more`);
  });
});
