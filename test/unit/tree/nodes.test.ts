import { strict as assert } from 'node:assert';
import { parsePackage } from '../../../src/gitlab/models';
import type { FileNode, PackageNode, ProjectNode } from '../../../src/tree/nodes';
import { deletionKey as keyOf, uniqueBy } from '../../../src/core/delete/deletion';
import { fileDeletion, packageDeletion } from '../../../src/tree/deletions';

const deletionKey = (n: PackageNode | FileNode): string => keyOf(n.kind === 'package' ? packageDeletion(n).deletion : fileDeletion(n).deletion);
const uniqueDeletions = (nodes: PackageNode[]): PackageNode[] => uniqueBy(nodes, deletionKey);
import { shown } from '../../support/shown';
import { word } from '../../../src/util/text';

const project = { kind: 'project', id: 'p', ref: { entry: 'a/b', instanceUrl: 'https://h', origin: 'https://h', key: 'a/b' } } as ProjectNode;
const pkgNode = (json: Record<string, unknown>) => ({ kind: 'package' as const, id: 'x', parent: project, pkg: parsePackage(json) });

describe('tree rows from odd server data', () => {
  it('unknown package types and statuses are shown verbatim, with a generic icon', () => {
    const p = shown(pkgNode({ id: 1, name: 'model', version: '1', package_type: 'cargo', status: 'quarantined' }));
    assert.equal(p.description, '1 · cargo · quarantined');
    assert.equal(p.icon, 'package');
  });

  it('a versionless package says so; a 10,000-character name is capped; control and bidi characters are dropped', () => {
    assert.match(shown(pkgNode({ id: 1, name: 'n', version: null, package_type: 'generic' })).description ?? '', /^-/);
    const long = shown(pkgNode({ id: 2, name: 'x'.repeat(10_000), version: '1', package_type: 'npm' }));
    assert.ok(long.label.length <= 300);
    const sneaky = shown(pkgNode({ id: 3, name: 'safe\u202Egpj.exe\u0007', version: '1', package_type: 'npm' }));
    assert.equal(sneaky.label, 'safe gpj.exe');
  });

  it('packages without _links (old servers) offer delete; with _links only when delete_api_path is there', () => {
    assert.equal(shown(pkgNode({ id: 1, name: 'a', version: '1', package_type: 'npm' })).contextValue, 'package.deletable');
    assert.equal(shown(pkgNode({ id: 1, name: 'a', version: '1', package_type: 'npm', _links: { web_path: '/x' } })).contextValue, 'package');
    assert.equal(
      shown(pkgNode({ id: 1, name: 'a', version: '1', package_type: 'npm', _links: { delete_api_path: 'https://h/api/v4/projects/1/packages/1' } }))
        .contextValue,
      'package.deletable',
    );
  });

  it('hidden and processing packages (listed with the status filter) are not offered for deletion, and say why', () => {
    const links = { _links: { delete_api_path: 'https://h/api/v4/projects/1/packages/1' } };
    for (const status of ['hidden', 'processing']) {
      const node = pkgNode({ id: 1, name: 'a', version: '1', package_type: 'npm', status, ...links });
      const row = shown(node);
      assert.equal(row.contextValue, 'package');
      assert.match(row.tooltip ?? '', new RegExp(`GitLab deletes no package in status ${status}`));
      assert.equal(word(packageDeletion(node).deletion.refusedBy!), `GitLab deletes no package in status ${status}`);
    }
    assert.equal(shown(pkgNode({ id: 1, name: 'a', version: '1', package_type: 'npm', status: 'error', ...links })).contextValue, 'package.deletable');
  });
});

describe('package tooltips', () => {
  it('link the pipeline only when it lives on the same instance, and list other versions once known', () => {
    const node = pkgNode({
      id: 1,
      name: 'a',
      version: '2',
      package_type: 'npm',
      pipeline: { id: 5, ref: 'main', status: 'success', web_url: 'https://h/a/b/-/pipelines/5' },
      versions: [{ id: 2, version: '1' }],
    });
    const tip = shown(node).tooltip ?? '';
    assert.match(tip, /\| Pipeline \| \[\\#5 · main · ✓ success\]\(https:\/\/h\/a\/b\/-\/pipelines\/5\) \|/);
    assert.match(tip, /\| Other versions \| 1 \|/);
    const foreign =
      shown(pkgNode({ id: 1, name: 'a', version: '2', package_type: 'npm', pipeline: { id: 5, ref: 'main', web_url: 'https://elsewhere/p' } })).tooltip ?? '';
    assert.ok(!foreign.includes('elsewhere'));
  });
});

describe('what a delete is about', () => {
  it('is the same package whether its row is under a group or under its project, and differs per instance', () => {
    const pkg = parsePackage({ id: 42, name: 'lib', version: '1.0.0', package_type: 'npm', project_id: 7 });
    const ref = (origin: string) => ({ origin, instanceUrl: origin, key: 'acme', entry: 'acme' });
    const underProject: PackageNode = {
      kind: 'package',
      id: 'project:x/package:42',
      parent: { kind: 'project', id: 'project:x', ref: ref('https://a.example') },
      pkg,
    };
    const underGroup: PackageNode = {
      kind: 'package',
      id: 'group:y/package:42',
      parent: { kind: 'group', id: 'group:y', ref: ref('https://a.example') },
      pkg,
    };
    const elsewhere: PackageNode = { ...underProject, parent: { kind: 'project', id: 'project:z', ref: ref('https://b.example') } };
    assert.notEqual(underProject.id, underGroup.id);
    assert.equal(deletionKey(underProject), deletionKey(underGroup));
    assert.notEqual(deletionKey(underProject), deletionKey(elsewhere));
    const file = (parent: PackageNode): FileNode => ({
      kind: 'packageFile',
      id: `${parent.id}/file:5`,
      parent,
      file: { id: 5, packageId: 42, fileName: 'lib.tgz', pipelines: [] } as unknown as FileNode['file'],
    });
    assert.equal(deletionKey(file(underProject)), deletionKey(file(underGroup)));
    assert.deepEqual(uniqueDeletions([underProject, underGroup, elsewhere]), [underProject, elsewhere]);
  });
});
