import { strict as assert } from 'node:assert';
import { shortHash } from '../../../src/util/shortHash';

describe('shortHash', () => {
  it('is the same on every run and host: pinned values', () => {
    assert.equal(shortHash('https://gitlab.example.com|acme/app'), '1g81buckjn7');
    assert.equal(shortHash(''), 'wvjl67o803');
  });

  it('is at most 11 base-36 characters, and strings a character apart differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const h = shortHash(`https://gitlab.example.com|acme/app-${i}`);
      assert.match(h, /^[0-9a-z]{1,11}$/);
      seen.add(h);
    }
    assert.equal(seen.size, 10_000);
    assert.notEqual(shortHash('https://gitlab.example.com|acme/app'), shortHash('http://gitlab.example.com|acme/app'));
    assert.notEqual(shortHash('https://gitlab.example.com|acme/App'), shortHash('https://gitlab.example.com|acme/app'));
  });
});
