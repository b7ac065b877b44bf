/** GitLab's error bodies read as one line: `message` as a string, a validation object, or a list. */
import { strict as assert } from 'node:assert';
import { serverText } from '../../../src/gitlab/responseErrors';

const json = { get: (name: string) => (name === 'content-type' ? 'application/json' : null) };

describe('GitLab error bodies', () => {
  it('a `message` list (render_api_error! with an array of full messages) is its messages, not "0 …; 1 …"', () => {
    const said = serverText(JSON.stringify({ message: ['Name has already been taken', 'Version is invalid'] }), json);
    assert.equal(said.message, 'Name has already been taken; Version is invalid');
    assert.equal(serverText(JSON.stringify({ message: [] }), json).message, '[]', 'an empty list: the body as sent');
    assert.equal(serverText(JSON.stringify({ message: [1, { a: 'b' }, 'kept'] }), json).message, 'kept', 'only strings are said');
  });

  it('a validation object is "field message" per field; error/base stand alone', () => {
    assert.equal(
      serverText(JSON.stringify({ message: { package_name_pattern: ['has already been taken'] } }), json).message,
      'package name pattern has already been taken',
    );
    assert.equal(
      serverText(JSON.stringify({ message: { error: ['A rule must have at least a minimum access role for push or delete.'] } }), json).message,
      'A rule must have at least a minimum access role for push or delete.',
    );
  });
});
