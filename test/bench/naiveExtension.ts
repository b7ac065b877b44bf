/**
 * The reference the UI benchmark compares against: what a first attempt at a package tree
 * does — on expand, fetch every page one after another, then hand VS Code the whole list in
 * one redraw. Written out and packaged as a .vsix by the benchmark; reads the same
 * GITLAB_PACKAGES_URL / GITLAB_PACKAGES_TOKEN environment as the real extension does there.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const SOURCE = (project: string): string => `
const vscode = require('vscode');
const PROJECT = ${JSON.stringify(project)};
exports.activate = (context) => {
  const base = process.env.GITLAB_PACKAGES_URL;
  const token = process.env.GITLAB_PACKAGES_TOKEN;
  const provider = {
    getTreeItem: (node) => node.item,
    async getChildren(node) {
      if (!node) return [{ project: true, item: Object.assign(new vscode.TreeItem(PROJECT, vscode.TreeItemCollapsibleState.Collapsed), { id: 'project' }) }];
      if (!node.project) return [];
      const all = [];
      for (let page = 1; page; ) {
        const res = await fetch(base + '/api/v4/projects/' + encodeURIComponent(PROJECT) + '/packages?per_page=100&page=' + page, { headers: { 'PRIVATE-TOKEN': token } });
        all.push(...(await res.json()));
        page = Number(res.headers.get('x-next-page')) || 0;
      }
      return all.map((p) => ({ item: Object.assign(new vscode.TreeItem(p.name), { id: String(p.id), description: p.version }) }));
    },
  };
  context.subscriptions.push(vscode.window.createTreeView('naivePackages.packages', { treeDataProvider: provider }));
};
`;

const MANIFEST = {
  name: 'naive-packages',
  displayName: 'Naive Packages',
  description: 'Benchmark reference',
  version: '0.0.1',
  publisher: 'bench',
  license: 'MIT',
  engines: { vscode: '^1.85.0' },
  main: './extension.js',
  activationEvents: [],
  contributes: {
    viewsContainers: { activitybar: [{ id: 'naivePackages', title: 'GitLab Packages', icon: 'icon.svg' }] },
    views: { naivePackages: [{ id: 'naivePackages.packages', name: 'Packages' }] },
  },
};

/** Writes the reference extension under `dir` and returns the path of its .vsix. */
export function buildNaiveExtension(dir: string, project: string): string {
  const src = path.join(dir, 'naive');
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(src, 'extension.js'), SOURCE(project));
  writeFileSync(path.join(src, 'package.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(path.join(src, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24"/></svg>');
  writeFileSync(path.join(src, 'LICENSE'), 'MIT');
  writeFileSync(path.join(src, 'README.md'), '# Naive Packages\n\nBenchmark reference.\n');
  const vsix = path.join(dir, 'naive.vsix');
  const vsce = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--allow-missing-repository', '--no-dependencies', '--out', vsix], { cwd: src, stdio: 'ignore' });
  return vsix;
}
