/** What a rule form's answers come to before anything is sent: the rule they make, and whether it restricts anything. */
import { strict as assert } from 'node:assert';
import { previewRule, restrictsNothing } from '../../../../src/core/protection/ruleFields';

describe('protection rule fields', () => {
  const fields = { packageNamePattern: 'acme-*', packageType: 'pypi' };

  it('a rule with no push and no delete level restricts nothing; either level is enough', () => {
    assert.equal(restrictsNothing({ ...fields, minimumAccessLevelForPush: null }), true);
    assert.equal(restrictsNothing({ ...fields, minimumAccessLevelForPush: null, minimumAccessLevelForDelete: null }), true);
    assert.equal(restrictsNothing({ ...fields, minimumAccessLevelForPush: 'maintainer' }), false);
    assert.equal(restrictsNothing({ ...fields, minimumAccessLevelForPush: null, minimumAccessLevelForDelete: 'owner' }), false);
  });

  it('an edit that leaves the delete level out is not judged here (GitLab keeps it, maybe unshown)', () => {
    assert.equal(restrictsNothing({ ...fields, minimumAccessLevelForPush: null }, true), false);
    assert.equal(restrictsNothing({ ...fields, minimumAccessLevelForPush: null, minimumAccessLevelForDelete: null }, true), true);
  });

  it('the preview is the rule as GitLab words it: a null level is no level', () => {
    assert.deepEqual(previewRule({ ...fields, minimumAccessLevelForPush: null, minimumAccessLevelForDelete: 'admin' }, 7), {
      id: 7,
      packageNamePattern: 'acme-*',
      packageType: 'pypi',
      minimumAccessLevelForPush: undefined,
      minimumAccessLevelForDelete: 'admin',
    });
  });
});
