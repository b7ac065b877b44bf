/**
 * A package row crosses to the workbench by the thousand, so it carries only what is needed up
 * front (test/bench/rowBytes.ts measures it). What it must still carry: the context value the
 * menus in package.json match, the label and description screen readers and the find widget read,
 * an icon, and an id; the tooltip comes on hover. A field dropped by mistake fails here.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { harnessPerTest, SAMPLE } from '../../support/double/harness';

interface MenuEntry {
  command: string;
  when?: string;
}
const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]> };
};

/** The row menu commands whose `viewItem` clause (`== x` or `=~ /re/`) matches `contextValue`. */
function rowMenu(contextValue: string | undefined): Set<string> {
  const offered = new Set<string>();
  for (const entry of manifest.contributes.menus['view/item/context'] ?? []) {
    const clause = /viewItem (==|=~) (\S+)/.exec(entry.when ?? '');
    if (!clause || contextValue === undefined) continue;
    const [, op, operand] = clause;
    const matches = op === '==' ? contextValue === operand : new RegExp(operand.slice(1, operand.lastIndexOf('/'))).test(contextValue);
    if (matches) offered.add(entry.command);
  }
  return offered;
}

function assertOffers(item: vscode.TreeItem, commands: string[]): void {
  const menu = rowMenu(item.contextValue);
  for (const c of commands) assert.ok(menu.has(c), `${c} is offered on a "${item.contextValue}" row (menu: ${[...menu].join(', ')})`);
}

describe('tree items: what a row carries to the workbench', () => {
  const t = harnessPerTest();

  it('a package row: id, label, description, icon and the context value its menus need; the tooltip only on hover', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    const item = row.item;
    assert.ok(item.id, 'reveal and selection find the row by id');
    assert.equal(row.label, 'acme-tools');
    assert.match(row.description ?? '', /^0\.4\.0 · pypi/, 'the screen reader and the find widget read label + description');
    assert.equal((item.iconPath as vscode.ThemeIcon | undefined)?.id, 'symbol-namespace');
    assertOffers(item, [
      'gitlabPackages.deletePackage',
      'gitlabPackages.copyChecksum',
      'gitlabPackages.copyInstallCommand',
      'gitlabPackages.showDetails',
      'gitlabPackages.openInBrowser',
      'gitlabPackages.refresh',
    ]);
    assert.equal(item.accessibilityInformation, undefined, 'VS Code reads label + description, which say it all');
    assert.equal(item.tooltip, undefined);
    assert.equal(item.command, undefined);
    assert.equal(item.resourceUri, undefined);
    const hovered = await h.provider.resolveTreeItem?.(item, row.node, {
      isCancellationRequested: false,
      onCancellationRequested: () => ({ dispose: () => undefined }),
    });
    assert.match(String((hovered?.tooltip as vscode.MarkdownString | undefined)?.value), /^\*\*acme\\-tools\*\*/);
  });

  it('a file row: the file name as resourceUri (the file icon theme picks its icon) and its menus', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
    const [file] = await h.rows((await h.pkg('acme/app', 'acme-tools', '0.4.0')).node);
    assert.ok(file.item.id);
    assert.equal(file.item.resourceUri?.path, `/${file.label}`);
    assert.equal((file.item.iconPath as vscode.ThemeIcon | undefined)?.id, 'file');
    assertOffers(file.item, ['gitlabPackages.downloadFile', 'gitlabPackages.compareFile', 'gitlabPackages.copyChecksum', 'gitlabPackages.deletePackageFile']);
    assert.equal(file.item.tooltip, undefined);
  });

  it('a row that acts when clicked keeps its command: "No access token … Set Access Token…"', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] } });
    const rows = await h.rows((await h.find('acme/app')).node);
    const message = rows.find((r) => r.item.contextValue === 'tokenMessage');
    assert.ok(message, rows.map((r) => r.label).join(' | '));
    assert.equal(message.item.command?.command, 'gitlabPackages.setToken');
    assertOffers(message.item, ['gitlabPackages.setToken']);
  });
});
