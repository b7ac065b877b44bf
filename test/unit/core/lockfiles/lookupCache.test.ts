import { strict as assert } from 'node:assert';
import { LookupCache } from '../../../../src/core/lockfiles/lookupCache';

const at = (instanceUrl: string, owner: number | string = 1) => ({ instanceUrl, owner });

describe('lockfiles: lookup cache', () => {
  it('loads a key once, shares a load in flight, and forgets on refresh', async () => {
    const cache = new LookupCache<number>();
    let loads = 0;
    const load = (): Promise<number> => Promise.resolve(++loads);
    const [x, y] = await Promise.all([cache.get('k', at('https://g'), load), cache.get('k', at('https://g'), load)]);
    assert.deepEqual([x, y, loads], [1, 1, 1]);
    assert.equal(await cache.get('k', at('https://g'), load), 1);
    cache.clear();
    assert.equal(await cache.get('k', at('https://g'), load), 2);
  });

  it('a refresh of one instance keeps the others; of one project, that project’s (by id or path); a failed load is not kept', async () => {
    const cache = new LookupCache<string>();
    await cache.get('a', at('https://a'), () => Promise.resolve('a'));
    await cache.get('b', at('https://b', 7), () => Promise.resolve('b'));
    await cache.get('b2', at('https://b', 'team/web'), () => Promise.resolve('b2'));
    await cache.get('b3', at('https://b', 8), () => Promise.resolve('b3'));
    cache.clear({ instanceUrl: 'https://a' });
    assert.deepEqual([cache.has('a'), cache.has('b')], [false, true]);
    cache.clear({ instanceUrl: 'https://b', owners: [7, 'team/web'] });
    assert.deepEqual([cache.has('b'), cache.has('b2'), cache.has('b3')], [false, false, true]);
    // A path in another case is the same project; a group-level answer may hold the project's packages: both go.
    await cache.get('b4', at('https://b', 'Team/Web'), () => Promise.resolve('b4'));
    await cache.get('g', { instanceUrl: 'https://b', owner: 'team', group: true }, () => Promise.resolve('g'));
    cache.clear({ instanceUrl: 'https://b', owners: [7, 'team/web'] });
    assert.deepEqual([cache.has('b4'), cache.has('g'), cache.has('b3')], [false, false, true]);
    await assert.rejects(cache.get('c', at('https://a'), () => Promise.reject(new Error('503'))));
    assert.equal(cache.has('c'), false);
  });

  it('an answer loading when the registry is refreshed does not land after it', async () => {
    const cache = new LookupCache<string>();
    let release!: (v: string) => void;
    const before = cache.get('k', at('https://g'), () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('stale');
    assert.equal(await before, 'stale');
    assert.equal(await cache.get('k', at('https://g'), () => Promise.resolve('fresh')), 'fresh');
  });

  it('a caller giving up ends its own wait only: the shared load goes on for the others and is kept', async () => {
    const cache = new LookupCache<string>();
    let release!: (v: string) => void;
    let loads = 0;
    const load = () => (loads++, new Promise<string>((r) => (release = r)));
    const cancelled = new AbortController();
    const first = cache.get('k', at('https://g'), load, cancelled.signal);
    const second = cache.get('k', at('https://g'), load, new AbortController().signal);
    cancelled.abort(new Error('Cancelled'));
    await assert.rejects(first, /Cancelled/);
    release('answer');
    assert.equal(await second, 'answer');
    assert.equal(await cache.get('k', at('https://g'), load), 'answer');
    assert.equal(loads, 1);
  });
});
