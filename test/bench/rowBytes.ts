/**
 * Bytes per package row across the extension-host boundary: builds 10,000 package rows as the
 * tree model does, turns each into its TreeItem, and serializes it as VS Code's extension host
 * sends it to the workbench (ExtHostTreeView.createTreeNode: `handle` is `1/` + id, `parentHandle`
 * the parent's, `label` as `{ label }`, a ThemeIcon as `themeIcon`; absent fields vanish in JSON).
 * In code-server the same JSON crosses the websocket to the browser.
 *
 *   npx tsx test/bench/rowBytes.ts [--packages 10000]
 */
import Module from 'node:module';
import { createVscodeShim } from './vscodeShim';
import { opt } from './options';

const PACKAGES = opt('packages', 10_000);

const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const original = loader._load;
const shim = createVscodeShim();
loader._load = (request, parent, isMain) => (request === 'vscode' ? shim : original(request, parent, isMain));

/* eslint-disable @typescript-eslint/no-require-imports -- loaded after `vscode` is answered by the shim */
const { parseGroupEntry, parseProjectEntry } = require('../../src/core/projects/projectRef') as typeof import('../../src/core/projects/projectRef');
const { groupRowId, packageRowId, projectRowId } = require('../../src/tree/nodeIds') as typeof import('../../src/tree/nodeIds');
const { toTreeItem } = require('../../src/tree/treeItems') as typeof import('../../src/tree/treeItems');
const { byName } = require('../../src/tree/grouping') as typeof import('../../src/tree/grouping');
/* eslint-enable @typescript-eslint/no-require-imports */
import type { Package } from '../../src/gitlab/models';
import type { GroupNode, PackageNode, ProjectNode, SourceNode, TreeNode } from '../../src/tree/nodes';
import type * as vscode from 'vscode';

const HANDLE_PREFIX = '1/';

/** What ExtHostTreeView.createTreeNode puts on the wire for one item. */
function wireItem(item: vscode.TreeItem, parentId: string): Record<string, unknown> {
  const icon = item.iconPath as { id?: string } | undefined;
  return {
    handle: item.id ? HANDLE_PREFIX + item.id : undefined,
    parentHandle: HANDLE_PREFIX + parentId,
    label: { label: item.label },
    description: item.description,
    resourceUri: item.resourceUri,
    tooltip: item.tooltip,
    command: item.command,
    contextValue: item.contextValue,
    themeIcon: icon?.id ? icon : undefined,
    collapsibleState: item.collapsibleState,
    accessibilityInformation: item.accessibilityInformation,
  };
}

function packages(source: SourceNode, projectPath?: string): PackageNode[] {
  return Array.from({ length: PACKAGES }, (_, i): PackageNode => {
    const pkg: Package = {
      id: 1_000_000 + i,
      name: `pkg-${String(i).padStart(5, '0')}`,
      version: `1.0.${i}`,
      packageType: 'generic',
      status: 'default',
      hasLinks: true,
      deleteApiPath: `/api/v4/projects/9101/packages/${1_000_000 + i}`,
      tags: [],
      projectPath,
    };
    return { kind: 'package', id: packageRowId(source, pkg.id), parent: source, pkg };
  });
}

function measure(name: string, source: SourceNode, rows: TreeNode[]): void {
  const fields = new Map<string, number>();
  let total = 0;
  for (const node of rows) {
    const wire = wireItem(toTreeItem(node), source.id);
    total += Buffer.byteLength(JSON.stringify(wire));
    for (const [k, v] of Object.entries(wire)) {
      if (v !== undefined) fields.set(k, (fields.get(k) ?? 0) + Buffer.byteLength(JSON.stringify({ [k]: v })) - 2);
    }
  }
  const per = (n: number): string => (n / rows.length).toFixed(1);
  console.log(`${name}: ${per(total)} bytes/row, ${(total / 1024 / 1024).toFixed(2)} MiB for ${rows.length.toLocaleString('en-US')} rows`);
  for (const [k, v] of fields) console.log(`  ${k.padEnd(26)} ${per(v).padStart(6)}`);
}

const INSTANCE = 'https://gitlab.example.com';
const project = parseProjectEntry('lumen/platform/registry', INSTANCE);
const group = parseGroupEntry('lumen', INSTANCE);
const bench = parseProjectEntry('bench/ui', 'http://127.0.0.1:43117');
if (!project.ok || !group.ok || !bench.ok) throw new Error('bad entry');
const projectNode = (ref: typeof project.ref): ProjectNode => ({ kind: 'project', id: projectRowId(ref, false), ref });
const groupNode: GroupNode = { kind: 'group', id: groupRowId(group.ref), ref: group.ref };

const benchNode = projectNode(bench.ref);
const projectRow = projectNode(project.ref);
measure('the UI bench (bench/ui on the fake, flat)', benchNode, packages(benchNode));
measure('the UI bench grouped by name', benchNode, byName(benchNode, packages(benchNode)));
measure('a project (lumen/platform/registry)', projectRow, packages(projectRow));
measure('a group (lumen, rows name their project)', groupNode, packages(groupNode, 'lumen/platform/registry'));
