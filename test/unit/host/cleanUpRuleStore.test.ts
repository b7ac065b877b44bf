import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { parseProjectEntry } from '../../../src/core/projects/projectRef';
import { CleanUpRuleStore } from '../../../src/host/cleanUpRuleStore';

/** A workspace state in memory. */
function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: (key: string, value: unknown) => (values.set(key, value), Promise.resolve()),
  };
}

describe('remembered clean-up rules', () => {
  const ref = (entry: string) => {
    const parsed = parseProjectEntry(entry, 'https://gitlab.example.com');
    assert.ok(parsed.ok);
    return parsed.ref;
  };

  it('one rule per project, on its own instance; what no longer reads as a rule is forgotten', async () => {
    const state = memento();
    const store = new CleanUpRuleStore(state);
    await store.set(ref('acme/app'), { olderThanDays: 90, keepNewest: 2 });
    await store.set(ref('https://other.example.com/acme/app'), { statuses: ['error'] });
    assert.deepEqual(store.get(ref('acme/app')), { olderThanDays: 90, keepNewest: 2 });
    assert.deepEqual(store.get(ref('https://other.example.com/acme/app')), { statuses: ['error'] });
    assert.equal(store.get(ref('acme/other')), undefined);
    await state.update('gitlabPackages.cleanUpRules', { 'https://gitlab.example.com|acme/app': { olderThanDays: -3 }, x: 'nonsense' });
    assert.equal(store.get(ref('acme/app')), undefined);
  });

  it("a name row's rule is that name's, apart from the project's and the other names'", async () => {
    const store = new CleanUpRuleStore(memento());
    await store.set(ref('acme/app'), { olderThanDays: 90 });
    await store.set(ref('acme/app'), { keepNewest: 1 }, 'generic::lib');
    assert.deepEqual(store.get(ref('acme/app')), { olderThanDays: 90 });
    assert.deepEqual(store.get(ref('acme/app'), 'generic::lib'), { keepNewest: 1 });
    assert.equal(store.get(ref('acme/app'), 'npm::lib'), undefined);
    assert.equal(store.get(ref('acme/other'), 'generic::lib'), undefined);
  });
});
