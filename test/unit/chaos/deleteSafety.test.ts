/** The delete-safety run of `npm run chaos`, smaller: only confirmed ids, once, and nothing deleted said "not deleted". */
import { strict as assert } from 'node:assert';
import { runDeleteSafety } from '../../chaos/deleteSafety';

describe('delete safety (fast subset of `npm run chaos`)', function () {
  this.timeout(60_000);

  it('deletes racing the server, their answers lost now and then: only confirmed ids, once, "already deleted", nothing deleted said "not deleted"', async () => {
    const r = await runDeleteSafety({ operations: 300, seed: 5 });
    assert.equal(r.wrongTargets, 0);
    assert.equal(r.automaticRetries, 0);
    assert.equal(r.duplicateDeletes, 0);
    assert.equal(r.deletedReportedNotDeleted, 0);
    assert.equal(r.reportedDeletedStillThere, 0);
    assert.ok(r.answersLost > 0 && r.readAgainGone > 0 && r.readAgainListedNotDeleted > 0 && r.fileDeletes > 0, JSON.stringify(r));
    assert.ok(r.secondClicksBlocked > 0);
    assert.ok(r.alreadyDeletedReported > 0, 'some targets were deleted by someone else first');
    assert.ok(r.deletesSent >= r.operations);
  });
});
