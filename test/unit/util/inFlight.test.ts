import { strict as assert } from 'node:assert';
import { InFlight } from '../../../src/util/inFlight';
import { runTreeChaos } from '../../chaos/chaos';
import { runDeleteSafety } from '../../chaos/deleteSafety';

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
    assert.ok(r.answersLost > 0 && r.readAgainGone > 0 && r.readAgainListedNotDeleted > 0 && r.fileDeletes > 0, JSON.stringify(r));
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

  it('InFlight.claim of 10,000 ids, each listed twice and some already in flight: each free id once, in order (issue 21)', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `package:${i}`);
    const g = new InFlight();
    assert.equal(g.claim(ids.filter((_, i) => i % 3 === 0)).length, 3334);
    const claimed = g.claim([...ids, ...ids.slice().reverse()]);
    assert.deepEqual(
      claimed,
      ids.filter((_, i) => i % 3 !== 0),
    );
    assert.ok(ids.every((id) => g.has(id)));
  });
});
