/**
 * Deletes beside the workspace's lockfiles (`lockfiles.guardDeletes`, on by default): after the
 * confirmation, a version a lockfile resolves to is asked about again in a modal naming the
 * lockfile and line — Cancel sends no DELETE, "Delete Anyway" sends it; several selected packages
 * may go without the ones in use. A file of such a version is asked about too; in the web worker
 * the guard is the lockfile bundle's. A lockfile that cannot be read (a merge conflict) may use any
 * version of its ecosystem: asked about again, naming it. A tarball URL naming the project by a
 * path it no longer has still installs (GitLab follows it): asked about again too. Against the fake
 * GitLab with the lockfile seed, the workspace holding the lockfiles npm and pip wrote for it.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCKFILE_SEED } from '../../../fake-gitlab/seedLockfiles';
import { harnessPerTest, waitFor, type Harness, type HarnessOptions } from '../../../support/double/harness';
import { shipLockfileBundle } from '../../../support/lockfileBundle';
import { useLockfileFake } from '../../../support/lockfileFake';
import { useLockfileWorkspace } from '../../../support/lockfileWorkspace';

const DELETE = 'gitlabPackages.deletePackage';
const { web: WEB, py: PY } = LOCKFILE_SEED.projects;

describe('delete packages a workspace lockfile uses', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const workspace = useLockfileWorkspace();
  const t = harnessPerTest();
  let npmLock: string;
  let pipLock: string;
  const start = (opts: HarnessOptions = {}) => {
    npmLock = workspace.place('npm-10.9.9/package-lock.json', 'package-lock.json', fake().url);
    pipLock = workspace.place('pip-23.2.1/requirements.txt', 'py/requirements.txt', fake().url);
    return t.start({ fake: fake(), token: LOCKFILE_SEED.token, workspaceFolders: [workspace.folder], settings: { projects: [WEB.path, PY.path] }, ...opts });
  };
  const uiLine = () => workspace.lineOf(npmLock, '"node_modules/@lockco/ui"');
  const pathOf = (projectId: number, name: string, version: string) => {
    const p = fake()
      .packagesOf(projectId)
      .find((x) => x.name === name && x.version === version);
    assert.ok(p, `${name} ${version}`);
    return `/api/v4/projects/${projectId}/packages/${p.id}`;
  };
  const deletes = (h: Harness) => h.requests('DELETE', /\/packages\/\d+(\/package_files\/\d+)?$/).map((r) => r.path);

  it('one package: asked again naming the lockfile and line; Cancel sends no DELETE and says nothing more', async () => {
    const h = await start();
    const row = await h.pkg(WEB.path, '@lockco/ui', '1.1.0');
    h.ui.answer('Delete', undefined);
    await h.run(DELETE, row.node);
    const [first, again] = h.ui.modals;
    assert.equal(h.ui.modals.length, 2);
    assert.equal(first.text, 'Delete package @lockco/ui version 1.1.0 from lockco/web?');
    assert.equal(again.level, 'warning');
    assert.equal(again.text, '@lockco/ui 1.1.0 is used by a workspace lockfile. Delete it anyway?');
    assert.equal(again.detail, `• package-lock.json:${uiLine()}\n\nInstalling from these lockfiles fails once it is deleted. This cannot be undone.`);
    assert.deepEqual(again.buttons, ['Delete Anyway']);
    assert.deepEqual(deletes(h), []);
    assert.deepEqual(h.ui.toasts, []);
  });

  it('one package: "Delete Anyway" sends its DELETE', async () => {
    const h = await start();
    const row = await h.pkg(WEB.path, '@lockco/ui', '1.1.0');
    h.ui.answer('Delete', 'Delete Anyway');
    await h.run(DELETE, row.node);
    assert.deepEqual(deletes(h), [pathOf(WEB.id, '@lockco/ui', '1.1.0')]);
    assert.equal(h.ui.toasts.at(-1)?.text, 'Deleted @lockco/ui 1.1.0.');
  });

  it('after "Delete Anyway", Verify Lockfiles asks the registry again: the deleted version is missing, not still matching', async () => {
    const h = await start();
    const uiVerdicts = (): string =>
      h.ui.documentsShown
        .at(-1)!
        .document.getText()
        .split('\n')
        .filter((l) => l.includes('@lockco/ui@1.1.0'))
        .join(' | ');
    await h.run('gitlabPackages.verifyLockfiles');
    assert.doesNotMatch(uiVerdicts(), /missing/);
    const row = await h.pkg(WEB.path, '@lockco/ui', '1.1.0');
    h.ui.answer('Delete', 'Delete Anyway');
    await h.run(DELETE, row.node);
    await h.run('gitlabPackages.verifyLockfiles');
    assert.match(uiVerdicts(), /missing/);
  });

  it('a version no lockfile uses is asked about once, as always', async () => {
    const h = await start();
    const row = await h.pkg(WEB.path, '@lockco/ui', '1.0.0');
    h.ui.answer('Delete');
    await h.run(DELETE, row.node);
    assert.equal(h.ui.modals.length, 1);
    assert.deepEqual(deletes(h), [pathOf(WEB.id, '@lockco/ui', '1.0.0')]);
  });

  it('several selected: the ones in use listed with their lines; "Delete the Others Only" deletes exactly the others and the message names what was kept', async () => {
    const h = await start();
    const rows = [
      await h.pkg(WEB.path, '@lockco/ui', '1.0.0'),
      await h.pkg(WEB.path, '@lockco/ui', '1.1.0'),
      await h.pkg(WEB.path, '@lockco/tokens', '2.0.0'),
      await h.pkg(PY.path, 'lockco-core', '1.1.0'),
    ];
    h.view.select(...rows.map((r) => r.node));
    h.ui.answer('Delete', 'Delete the Others Only');
    await h.run(DELETE, rows[0].node, h.view.selection);
    const again = h.ui.modals[1];
    assert.equal(again.text, '3 of these are used by workspace lockfiles. Delete them anyway?');
    const tokensLine = workspace.lineOf(npmLock, '"node_modules/@lockco/tokens"');
    const coreLine = workspace.lineOf(pipLock, 'lockco-core==1.1.0');
    assert.deepEqual(again.detail?.split('\n'), [
      `• @lockco/ui 1.1.0 — used by package-lock.json:${uiLine()}`,
      `• @lockco/tokens 2.0.0 — used by package-lock.json:${tokensLine}`,
      `• lockco-core 1.1.0 — used by py/requirements.txt:${coreLine}`,
      '',
      'Installing from these lockfiles fails once it is deleted. This cannot be undone.',
    ]);
    assert.deepEqual(again.buttons, ['Delete the Others Only', 'Delete All']);
    assert.deepEqual(deletes(h), [pathOf(WEB.id, '@lockco/ui', '1.0.0')]);
    assert.equal(
      h.ui.toasts.at(-1)?.text,
      'Deleted @lockco/ui 1.0.0. Kept (a workspace lockfile uses them): @lockco/ui 1.1.0, @lockco/tokens 2.0.0, lockco-core 1.1.0.',
    );
  });

  it('several selected, all in use: "Delete All" is the only way on; Cancel sends nothing', async () => {
    const h = await start();
    const rows = [await h.pkg(WEB.path, '@lockco/ui', '1.1.0'), await h.pkg(WEB.path, '@lockco/tokens', '2.0.0')];
    h.view.select(...rows.map((r) => r.node));
    h.ui.answer('Delete', undefined);
    await h.run(DELETE, rows[0].node, h.view.selection);
    assert.deepEqual(h.ui.modals[1].buttons, ['Delete All']);
    assert.deepEqual(deletes(h), []);
    h.ui.answer('Delete', 'Delete All');
    await h.run(DELETE, rows[0].node, h.view.selection);
    assert.deepEqual(deletes(h).sort(), [pathOf(WEB.id, '@lockco/ui', '1.1.0'), pathOf(WEB.id, '@lockco/tokens', '2.0.0')].sort());
  });

  it('from the palette: the package picked is asked about again too', async () => {
    const h = await start({ settings: { projects: [PY.path] } });
    h.ui.answer('Delete', undefined);
    const run = h.run(DELETE);
    const qp = await waitFor(() => h.ui.quickPickWidgets[0], 'the package search');
    await waitFor(() => !qp.busy && qp.items.some((i) => i.description?.startsWith('1.1.0')), 'the first results');
    qp.accept((i) => i.label === 'lockco-core' && !!i.description?.startsWith('1.1.0'));
    await run;
    assert.equal(h.ui.modals[1]?.text, 'lockco-core 1.1.0 is used by a workspace lockfile. Delete it anyway?');
    assert.deepEqual(deletes(h), []);
  });

  it('a file of a version in use: asked again (an install may take any of its files); Cancel sends no DELETE', async () => {
    const h = await start();
    const row = await h.find(PY.path, { label: 'lockco-core', description: '1.1.0 ·' }, 'lockco_core-1.1.0.tar.gz');
    h.ui.answer('Delete', undefined);
    await h.run('gitlabPackages.deletePackageFile', row.node);
    assert.equal(h.ui.modals[1]?.text, 'lockco_core-1.1.0.tar.gz (lockco-core 1.1.0) is used by a workspace lockfile. Delete it anyway?');
    assert.deepEqual(deletes(h), []);
  });

  it('with the guard off: one modal, and the DELETE', async () => {
    const h = await start({ settings: { projects: [WEB.path], 'lockfiles.guardDeletes': false } });
    const row = await h.pkg(WEB.path, '@lockco/ui', '1.1.0');
    h.ui.answer('Delete');
    await h.run(DELETE, row.node);
    assert.equal(h.ui.modals.length, 1);
    assert.deepEqual(deletes(h), [pathOf(WEB.id, '@lockco/ui', '1.1.0')]);
  });

  it('a lockfile that cannot be read (a merge conflict): an npm version is asked about again naming it; Cancel sends nothing; a PyPI version is asked once', async () => {
    const h = await start();
    const lines = npmLock.split('\n');
    const at = uiLine();
    // Mid-merge: git wrote both sides of the conflicting lines.
    writeFileSync(
      path.join(workspace.folder, 'package-lock.json'),
      [...lines.slice(0, at), '<<<<<<< HEAD', lines[at], '=======', lines[at].replace('1.1.0', '1.2.0'), '>>>>>>> upgrade-ui', ...lines.slice(at + 1)].join(
        '\n',
      ),
    );
    const row = await h.pkg(WEB.path, '@lockco/ui', '1.0.0');
    h.ui.answer('Delete', undefined);
    await h.run(DELETE, row.node);
    const again = h.ui.modals[1];
    assert.equal(again?.text, '@lockco/ui 1.0.0 may be used by a workspace lockfile that could not be read. Delete it anyway?');
    assert.match(again.detail ?? '', /^• package-lock\.json could not be read \(.+\); it may use this version\n\nInstalling from these lockfiles fails/);
    assert.deepEqual(again.buttons, ['Delete Anyway']);
    assert.deepEqual(deletes(h), []);
    // A broken npm lockfile says nothing about PyPI packages.
    const py = await h.pkg(PY.path, 'lockco-core', '1.0.0');
    h.ui.answer('Delete');
    await h.run(DELETE, py.node);
    assert.equal(h.ui.modals.length, 3);
    assert.deepEqual(deletes(h), [pathOf(PY.id, 'lockco-core', '1.0.0')]);
  });

  it('several selected beside a lockfile that cannot be read: it is named once, each npm version listed with it; "Delete the Others Only" keeps them', async () => {
    const h = await start();
    writeFileSync(path.join(workspace.folder, 'package-lock.json'), npmLock.replace('"lockfileVersion": 3', '"lockfileVersion": 9'));
    const rows = [await h.pkg(WEB.path, '@lockco/ui', '1.0.0'), await h.pkg(PY.path, 'lockco-core', '1.0.0'), await h.pkg(PY.path, 'lockco-core', '1.1.0')];
    h.view.select(...rows.map((r) => r.node));
    h.ui.answer('Delete', 'Delete the Others Only');
    await h.run(DELETE, rows[0].node, h.view.selection);
    const again = h.ui.modals[1];
    assert.equal(again.text, '2 of these may be used by workspace lockfiles. Delete them anyway?');
    assert.deepEqual(again.detail?.split('\n'), [
      '• package-lock.json could not be read (line 1: lockfileVersion 9); it may use these versions',
      '• @lockco/ui 1.0.0 — package-lock.json could not be read',
      `• lockco-core 1.1.0 — used by py/requirements.txt:${workspace.lineOf(pipLock, 'lockco-core==1.1.0')}`,
      '',
      'Installing from these lockfiles fails once it is deleted. This cannot be undone.',
    ]);
    assert.deepEqual(deletes(h), [pathOf(PY.id, 'lockco-core', '1.0.0')]);
  });

  it('a tarball URL naming the project by a path it no longer has (GitLab follows a renamed path): asked again, the line and the path named', async () => {
    const h = await start();
    writeFileSync(path.join(workspace.folder, 'package-lock.json'), npmLock.split(`/projects/${WEB.id}/`).join('/projects/lockco%2Fweb-before-rename/'));
    const row = await h.pkg(WEB.path, '@lockco/ui', '1.1.0');
    h.ui.answer('Delete', undefined);
    await h.run(DELETE, row.node);
    const again = h.ui.modals[1];
    assert.equal(again?.text, '@lockco/ui 1.1.0 is used by a workspace lockfile. Delete it anyway?');
    assert.equal(
      again.detail,
      `• package-lock.json:${uiLine()} (names lockco/web-before-rename, maybe a former path of its project)\n\nInstalling from these lockfiles fails once it is deleted. This cannot be undone.`,
    );
    assert.deepEqual(deletes(h), []);
  });

  it('from the browser entry: the guard comes from the lockfile bundle (read from the extension folder) and asks the same', async () => {
    const extension = mkdtempSync(path.join(tmpdir(), 'lockfile-guard-ext-'));
    try {
      await shipLockfileBundle(extension);
      const h = await start({ entry: 'browser', extensionPath: extension });
      const row = await h.pkg(WEB.path, '@lockco/ui', '1.1.0');
      h.ui.answer('Delete', undefined);
      await h.run(DELETE, row.node);
      assert.equal(h.ui.modals[1]?.text, '@lockco/ui 1.1.0 is used by a workspace lockfile. Delete it anyway?');
      assert.deepEqual(deletes(h), []);
    } finally {
      rmSync(extension, { recursive: true, force: true });
    }
  });
});
