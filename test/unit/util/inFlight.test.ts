import { strict as assert } from 'node:assert';
import { InFlight } from '../../../src/util/inFlight';

describe('InFlight', () => {
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
