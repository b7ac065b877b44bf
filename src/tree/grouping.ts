/** How rows are folded: versions under their package name, projects under their instance. */
import { nameKey } from '../core/browse/packageName';
import { displayName } from '../gitlab/models';
import { instanceRowId, nameRowId } from './nodeIds';
import type { InstanceNode, NameNode, ProjectErrorNode, SourceNode, TreeNode } from './nodes';
import { readingFacts, type RowFacts } from './rowFacts';

/**
 * Package rows folded into one row per name (order of first appearance): name and type, in a
 * group per project, Conan by its package name (core/browse/packageName). Other rows stay before or
 * after them, as they were.
 */
export function byName(source: SourceNode, rows: TreeNode[]): TreeNode[] {
  const names = new Map<string, NameNode>();
  const lead: TreeNode[] = [];
  const rest: TreeNode[] = [];
  for (const r of rows) {
    if (r.kind !== 'package') {
      (names.size ? rest : lead).push(r);
      continue;
    }
    const key = nameKey(r.pkg);
    const existing = names.get(key);
    if (existing) existing.versions++;
    else
      names.set(key, {
        kind: 'packageName',
        id: nameRowId(source, key),
        parent: source,
        key,
        name: displayName(r.pkg),
        packageType: r.pkg.packageType,
        projectPath: r.pkg.projectPath,
        status: r.pkg.status,
        versions: 1,
      });
  }
  return [...lead, ...names.values(), ...rest];
}

/** Projects under one row per instance (in order of first appearance); unusable entries last. */
export function byInstance(nodes: (SourceNode | ProjectErrorNode)[], facts: RowFacts): TreeNode[] {
  const instances = new Map<string, InstanceNode>();
  const bad: ProjectErrorNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'projectError') {
      bad.push(n);
      continue;
    }
    const url = n.ref.instanceUrl;
    let instance = instances.get(url);
    if (!instance) {
      instance = readingFacts<InstanceNode>({ kind: 'instance', id: instanceRowId(url), instanceUrl: url, children: [] }, facts);
      instances.set(url, instance);
    }
    n.parent = instance;
    instance.children.push(n);
  }
  return [...instances.values(), ...bad];
}
