import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, VIEW_ID } from '../../src/constants';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { markdownDescription?: string }> };
  };
  activationEvents: string[];
}

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('manifest ↔ code', () => {
  it('contributes exactly the commands the code registers', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(COMMANDS).sort());
  });

  it('every menu and keybinding names a declared command', () => {
    const declared = new Set(Object.values(COMMANDS) as string[]);
    for (const [menu, items] of Object.entries(manifest.contributes.menus))
      for (const item of items) assert.ok(declared.has(item.command), `${menu}: ${item.command}`);
    for (const kb of manifest.contributes.keybindings) assert.ok(declared.has(kb.command), kb.command);
  });

  it('titles and categories come from package.nls.json and exist there', () => {
    for (const c of manifest.contributes.commands) {
      for (const s of [c.title, c.category]) {
        const m = /^%(.+)%$/.exec(s);
        assert.ok(m, `${c.command}: "${s}" is not localised`);
        assert.ok(nls[m[1]], `missing nls key ${m[1]}`);
      }
    }
    assert.equal(nls.category, 'GitLab Packages');
  });

  it('declares the view, settings with markdownDescription, and no * activation', () => {
    assert.ok(manifest.contributes.views.gitlabPackages.some((v) => v.id === VIEW_ID));
    for (const [key, prop] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(key.startsWith('gitlabPackages.'), key);
      assert.ok(prop.markdownDescription, key);
    }
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('commands that need a tree node are hidden from the palette', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    for (const id of [COMMANDS.copyChecksum, COMMANDS.copyChecksumAs, COMMANDS.openInBrowser, COMMANDS.loadMore]) assert.ok(hidden.has(id), id);
    for (const id of [COMMANDS.deletePackage, COMMANDS.refresh, COMMANDS.setToken, COMMANDS.addProject]) assert.ok(!hidden.has(id), id);
  });
});

describe('menu when-clauses', () => {
  // The same regexes VS Code evaluates against a row's contextValue.
  const whenMatches = (when: string, contextValue: string): boolean => {
    const m = /viewItem =~ \/(.+)\/$/.exec(when) ?? /viewItem =~ \/(.+?)\/ /.exec(when);
    if (m) return new RegExp(m[1]).test(contextValue);
    const eq = /viewItem == ([\w.]+)/.exec(when);
    return eq ? eq[1] === contextValue : true;
  };
  const items = manifest.contributes.menus['view/item/context'];
  const offered = (contextValue: string, group?: string): string[] =>
    items.filter((i) => whenMatches(i.when ?? '', contextValue) && (!group || (i as { group?: string }).group?.startsWith(group))).map((i) => i.command);

  it('file rows get copy actions, never refresh or delete', () => {
    assert.deepEqual(offered('packageFile', 'inline'), [COMMANDS.copyChecksum]);
    assert.ok(!offered('packageFile').includes(COMMANDS.deletePackage));
    assert.ok(!offered('packageFile').includes(COMMANDS.refresh));
  });

  it('file deletion is offered only on files of deletable packages', () => {
    assert.ok(offered('packageFile.deletable').includes(COMMANDS.deletePackageFile));
    assert.ok(!offered('packageFile').includes(COMMANDS.deletePackageFile));
    assert.deepEqual(offered('packageFile.deletable', 'inline'), [COMMANDS.copyChecksum]);
  });

  it('delete is offered only on deletable package rows', () => {
    assert.ok(offered('package.deletable').includes(COMMANDS.deletePackage));
    assert.ok(!offered('package').includes(COMMANDS.deletePackage));
    assert.ok(!offered('project').includes(COMMANDS.deletePackage));
  });
});
