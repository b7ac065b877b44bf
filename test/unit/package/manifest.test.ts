import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, VIEW_ID } from '../../../src/constants';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string; group?: string }[]>;
    submenus?: { id: string }[];
    keybindings: { command: string; when?: string }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { markdownDescription?: string; scope?: string }> };
  };
  activationEvents: string[];
}

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('manifest ↔ code', () => {
  it('contributes exactly the commands the code registers', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(COMMANDS).sort());
  });

  it('every menu and keybinding names a declared command', () => {
    const declared = new Set(Object.values(COMMANDS) as string[]);
    const submenus = new Set((manifest.contributes.submenus ?? []).map((m) => m.id));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      if (menu !== 'commandPalette' && !menu.includes('/')) assert.ok(submenus.has(menu), `menu ${menu} is not a declared submenu`);
      for (const item of items)
        assert.ok(item.command ? declared.has(item.command) : submenus.has(item.submenu ?? ''), `${menu}: ${item.command ?? item.submenu}`);
    }
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

  it('exactly the commands without a palette use are hidden from it (derived from the menus)', () => {
    const menus = manifest.contributes.menus;
    const inMenu = (menu: string): Set<string> => new Set((menus[menu] ?? []).flatMap((m) => (m.command ? [m.command] : [])));
    const onRows = inMenu('view/item/context');
    const onTitle = new Set([...inMenu('view/title'), ...(manifest.contributes.submenus ?? []).flatMap((s) => [...inMenu(s.id)])]);
    // These pick their target in the palette when no row is given.
    const paletteFallback = new Set<string>([COMMANDS.deletePackage, COMMANDS.removeProject, COMMANDS.cleanUpPackages, COMMANDS.copyCleanUpPreview]);
    // The view-title pair whose palette twin is the toggle.
    const titleTwins = new Set<string>([COMMANDS.groupByName, COMMANDS.ungroupByName]);
    // These need an argument no menu gives: a Load more row's click, a lockfile entry's package or file.
    const argumentOnly = [COMMANDS.loadMore, COMMANDS.revealPackage, COMMANDS.verifyByDownloading];
    const needsRow = [...onRows].filter((id) => !onTitle.has(id) && !paletteFallback.has(id));
    const expected = [...needsRow, ...titleTwins, ...argumentOnly].sort();
    const hidden = [...new Set(menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command ?? ''))].sort();
    assert.deepEqual(hidden, [...new Set(expected)].sort());
  });

  it('keybindings act only when the tree has focus', () => {
    for (const kb of manifest.contributes.keybindings) assert.match(kb.when ?? '', /focusedView == gitlabPackages\.packages && listFocus/, kb.command);
  });

  it('no setting claims a per-folder (resource) scope: the one tree reads window-wide values', () => {
    for (const [key, prop] of Object.entries(manifest.contributes.configuration.properties)) assert.notEqual(prop.scope, 'resource', key);
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
    items.filter((i) => whenMatches(i.when ?? '', contextValue) && (!group || i.group?.startsWith(group))).map((i) => i.command ?? '');

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

  it('one inline action per row kind: copy on files, details on packages, none elsewhere', () => {
    for (const kind of ['instance', 'project', 'group', 'package', 'package.deletable', 'packageFile', 'packageFile.deletable', 'loadMore', 'errorMessage'])
      assert.ok(offered(kind, 'inline').length <= 1, `${kind}: ${offered(kind, 'inline').join(', ')}`);
    assert.deepEqual(offered('package', 'inline'), [COMMANDS.showDetails]);
    assert.deepEqual(offered('project', 'inline'), []);
    assert.ok(offered('project').includes(COMMANDS.refresh), 'Refresh in the context menu');
  });

  it("state rows' actions are in their context menu too (keyboard and screen-reader users)", () => {
    assert.ok(offered('tokenMessage').includes(COMMANDS.setToken));
    assert.ok(offered('errorMessage').includes(COMMANDS.refresh));
    assert.ok(offered('loadMore').includes(COMMANDS.loadMore));
  });

  it('delete is offered only on deletable package rows', () => {
    assert.ok(offered('package.deletable').includes(COMMANDS.deletePackage));
    assert.ok(!offered('package').includes(COMMANDS.deletePackage));
    assert.ok(!offered('project').includes(COMMANDS.deletePackage));
  });
});
