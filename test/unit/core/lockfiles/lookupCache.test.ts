import { strict as assert } from 'node:assert';
import { LookupCache } from '../../../../src/core/lockfiles/lookupCache';

describe('lockfiles: lookup cache', () => {
  it('loads a key once, shares a load in flight, and forgets on refresh', async () => {
    const cache = new LookupCache<number>();
    let loads = 0;
    const load = (): Promise<number> => Promise.resolve(++loads);
    const [x, y] = await Promise.all([cache.get('k', 'https://g', load), cache.get('k', 'https://g', load)]);
    assert.deepEqual([x, y, loads], [1, 1, 1]);
    assert.equal(await cache.get('k', 'https://g', load), 1);
    cache.clear();
    assert.equal(await cache.get('k', 'https://g', load), 2);
  });

  it('a refresh of one instance keeps the others; a failed load is not kept', async () => {
    const cache = new LookupCache<string>();
    await cache.get('a', 'https://a', () => Promise.resolve('a'));
    await cache.get('b', 'https://b', () => Promise.resolve('b'));
    cache.clear('https://a');
    assert.deepEqual([cache.has('a'), cache.has('b')], [false, true]);
    await assert.rejects(cache.get('c', 'https://a', () => Promise.reject(new Error('503'))));
    assert.equal(cache.has('c'), false);
  });

  it('an answer loading when the registry is refreshed does not land after it', async () => {
    const cache = new LookupCache<string>();
    let release!: (v: string) => void;
    const before = cache.get('k', 'https://g', () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('stale');
    assert.equal(await before, 'stale');
    assert.equal(await cache.get('k', 'https://g', () => Promise.resolve('fresh')), 'fresh');
  });
});
