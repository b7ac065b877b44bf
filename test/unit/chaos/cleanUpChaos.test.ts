/** The clean-up run of `npm run chaos`, smaller: only confirmed ids, once, never retried, and every outcome reported. */
import { strict as assert } from 'node:assert';
import { runCleanUpChaos } from '../../chaos/cleanUpChaos';

describe('clean-up reliability (fast subset of `npm run chaos`)', function () {
  this.timeout(60_000);

  it('randomized clean-ups under faults and a moving registry: only confirmed ids, once, never retried, every outcome reported', async () => {
    const r = await runCleanUpChaos({ operations: 25, seed: 3 });
    assert.equal(r.operations, 25);
    assert.ok(r.confirmed > 0 && r.deleted > 0, JSON.stringify(r));
    assert.deepEqual([r.outsideConfirmed, r.duplicates, r.automaticRetries, r.alwaysKeptSelected, r.unreported, r.sentThoughNotSent], [0, 0, 0, 0, 0, 0]);
    assert.equal(r.deleted + r.alreadyGone + r.mayHaveBeenDeleted + r.refused + r.notSent, r.confirmed);
    assert.deepEqual([r.answers.deletedReportedNotDeleted, r.answers.reportedDeletedStillThere], [0, 0]);
  });
});
