/** Reveal in Packages View's argument, checked: it may come from anywhere a command URI can. */
import { strict as assert } from 'node:assert';
import { parseRevealTarget } from '../../../../src/core/browse/revealTarget';

const base = { instanceUrl: 'https://gitlab.example.com', packageType: 'npm', name: '@scope/a', version: '1.2.0' };

describe('browse: what Reveal in Packages View is given', () => {
  it('a project (id or path) or only a group, and a package id when known', () => {
    assert.deepEqual(parseRevealTarget({ ...base, project: 42 }), { ...base, project: 42 });
    assert.deepEqual(parseRevealTarget({ ...base, project: 'acme/app', packageId: 7 }), { ...base, project: 'acme/app', packageId: 7 });
    assert.deepEqual(parseRevealTarget({ ...base, packageType: 'pypi', group: 'acme' }), { ...base, packageType: 'pypi', group: 'acme' });
  });

  it('anything else is no target: a missing or empty field, both owners or none, another package type, a bad id', () => {
    for (const arg of [
      undefined,
      'acme/app',
      { ...base },
      { ...base, project: 42, group: 'acme' },
      { ...base, project: '' },
      { ...base, project: 1.5 },
      { ...base, project: 42, version: ' ' },
      { ...base, project: 42, name: undefined },
      { ...base, project: 42, packageType: 'maven' },
      { ...base, project: 42, packageId: '7' },
      { ...base, project: 42, packageId: -1 },
    ])
      assert.equal(parseRevealTarget(arg), undefined, JSON.stringify(arg));
  });
});
