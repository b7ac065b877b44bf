/** What a token may do and until when, from its scopes and expiry. */
import { strict as assert } from 'node:assert';
import { assessToken } from '../../../../src/core/tokens/tokenFacts';

describe('token facts', () => {
  it('counts the days left and knows a read_api token cannot delete', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    assert.deepEqual(assessToken({ scopes: ['read_api'], expiresAt: '2026-11-30' }, now), {
      daysLeft: 5,
      expiresOn: '2026-11-30',
      canDelete: false,
      scopes: ['read_api'],
      name: undefined,
    });
    assert.equal(assessToken({ scopes: ['api'], expiresAt: '2026-11-26' }, now).daysLeft, 1);
    assert.equal(assessToken({ scopes: ['api'], expiresAt: '2026-11-01' }, now).daysLeft, 0);
    assert.equal(assessToken({ scopes: ['api'], expiresAt: null }, now).daysLeft, undefined);
    assert.equal(assessToken({ scopes: ['api'] }, now).canDelete, true);
    assert.equal(assessToken({ scopes: [] }, now).canDelete, undefined);
    assert.deepEqual(assessToken(undefined, now), {});
  });
});
