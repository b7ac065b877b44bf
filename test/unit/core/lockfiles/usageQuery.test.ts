/** A listed package as the lockfile usage index is asked about it: its own project as far as the listing tells. */
import { strict as assert } from 'node:assert';
import { usageQuery, type UsageListing } from '../../../../src/core/lockfiles/usageQuery';
import type { Package } from '../../../../src/gitlab/models';

const GITLAB = 'https://gitlab.example.com';
const ref = (key: string | number) => ({ entry: String(key), instanceUrl: GITLAB, origin: GITLAB, key });
const pkg = (over: Partial<Package> = {}): Package => ({ id: 9, name: 'lib', version: '1.0.0', packageType: 'npm', hasLinks: true, tags: [], ...over });
const project = (q: ReturnType<typeof usageQuery>) => [q.projectId, q.projectPath];

describe('lockfiles: a listed package as the usage index is asked', () => {
  it('a project row: its id and path once read, else its entry (an id or a path)', () => {
    const read: UsageListing = { kind: 'project', ref: ref('acme/app'), project: { id: 42, pathWithNamespace: 'acme/app' } };
    assert.deepEqual(usageQuery(read, pkg()), {
      instanceUrl: GITLAB,
      projectId: 42,
      projectPath: 'acme/app',
      packageType: 'npm',
      name: 'lib',
      version: '1.0.0',
    });
    assert.deepEqual(project(usageQuery({ kind: 'project', ref: ref('acme/app') }, pkg())), [undefined, 'acme/app']);
    assert.deepEqual(project(usageQuery({ kind: 'project', ref: ref(42) }, pkg())), [42, undefined]);
  });

  it('a group row: the project the group’s list names for the package, never the group’s own key', () => {
    const group: UsageListing = { kind: 'group', ref: ref('acme') };
    assert.deepEqual(project(usageQuery(group, pkg({ projectId: 7, projectPath: 'acme/data/ml' }))), [7, 'acme/data/ml']);
    assert.deepEqual(project(usageQuery(group, pkg())), [undefined, undefined]);
    assert.deepEqual(project(usageQuery({ kind: 'group', ref: ref(300) }, pkg())), [undefined, undefined]);
  });
});
