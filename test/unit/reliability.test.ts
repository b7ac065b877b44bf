import { strict as assert } from 'node:assert';
import { InFlight } from '../../src/util/inFlight';
import { runTreeChaos } from '../chaos/chaos';
import { runDeleteSafety } from '../chaos/deleteSafety';

describe('reliability (fast subset of `npm run chaos`)', function () {
  this.timeout(60_000);

  it('tree operations under injected faults end in correct data or an accurate error row', async () => {
    const r = await runTreeChaos({ operations: 120, seed: 3 });
    assert.deepEqual(r.wrong, []);
    assert.equal(r.wrongData, 0);
    assert.equal(r.correct + r.accurateError, r.operations);
    assert.equal(r.unhandledRejections, 0);
    assert.equal(r.pendingRequests, 0);
    assert.ok(r.correct > r.operations / 2, `only ${r.correct} of ${r.operations} correct`);
    assert.ok(
      Object.keys(r.faultsSeen).some((k) => k !== '200'),
      'faults were injected',
    );
  });

  it('deletes racing the server, their answers lost now and then: only confirmed ids, once, "already deleted", nothing deleted said "not deleted"', async () => {
    const r = await runDeleteSafety({ operations: 300, seed: 5 });
    assert.equal(r.wrongTargets, 0);
    assert.equal(r.automaticRetries, 0);
    assert.equal(r.duplicateDeletes, 0);
    assert.equal(r.deletedReportedNotDeleted, 0);
    assert.equal(r.reportedDeletedStillThere, 0);
    assert.ok(r.answersLost > 0 && r.readAgainGone > 0 && r.readAgainListed > 0, JSON.stringify(r));
    assert.ok(r.secondClicksBlocked > 0);
    assert.ok(r.alreadyDeletedReported > 0, 'some targets were deleted by someone else first');
    assert.ok(r.deletesSent >= r.operations);
  });

  it('a second claim of keys in flight gets nothing until they are released', () => {
    const g = new InFlight();
    assert.deepEqual(g.claim(['a', 'b', 'a']), ['a', 'b']);
    assert.deepEqual(g.claim(['b', 'c']), ['c']);
    g.release(['a', 'b']);
    assert.deepEqual(g.claim(['a']), ['a']);
  });
});
