/**
 * The lockfile checks as the editor shows them, against the fake GitLab with the lockfile seed: a
 * trusted workspace's lockfiles are verified on opening, with diagnostics on the right lines (a
 * changed entry an error, weak ones information unless turned off), quick fixes and a hover on
 * GitLab entries, and a status-bar summary; a save, an unsaved edit, a Refresh and a setting
 * change verify again; an untrusted workspace or the setting off asks GitLab nothing.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCKFILE_SEED, NPM_PUBLISHED } from '../../fake-gitlab/seedLockfiles';
import { CancellationTokenSource, DiagnosticSeverity, ExtensionMode, Position, Range, Uri, type FakeTextDocument } from '../../support/double/vscode';
import { harnessPerTest, type Harness } from '../../support/double/harness';
import { useLockfileFake } from '../../support/lockfileFake';
import { waitFor } from '../../support/wait';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'lockfiles');
const NPM_FIXTURE = 'npm-10.9.9/package-lock.json';

describe('Lockfile checks in the editor', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const t = harnessPerTest();
  let folder: string;
  let lockfile: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'lockfile-checks-'));
    lockfile = path.join(folder, 'package-lock.json');
    writeFileSync(lockfile, fixtureText());
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const fixtureText = (): string => readFileSync(path.join(FIXTURES, NPM_FIXTURE), 'utf8').split('https://gitlab.example.com').join(fake().url);
  /** 0-based line of an entry's key in the fixture. */
  const lineOf = (needle: string): number =>
    fixtureText()
      .split('\n')
      .findIndex((l) => l.includes(needle));
  const start = (opts: { isTrusted?: boolean; settings?: Record<string, unknown>; folders?: string[] } = {}) =>
    t.start({
      fake: fake(),
      tokens: { [fake().url]: LOCKFILE_SEED.token },
      workspaceFolders: opts.folders ?? [folder],
      isTrusted: opts.isTrusted,
      settings: opts.settings,
      extensionMode: ExtensionMode.Test,
    });
  /** Once nothing is scheduled or running: what the checks did is done (no clock). */
  const idle = (h: Harness) => h.testApi.lockfileChecks.idle();
  const diagnostics = (h: Harness) => h.vscode.languages.diagnostics(Uri.file(lockfile));
  const statusBar = (h: Harness) => h.vscode.statusBarItems.find((i) => i.id === 'gitlabPackages.lockfiles' && !i.disposed);
  const packageRequests = () => fake().requests.filter((r) => r.path.includes('/packages'));
  const republishUi = () => {
    const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
    fake().npm.republish(LOCKFILE_SEED.projects.web.id, ui.manifest, {
      files: { 'index.js': 'module.exports = "rebuilt";\n' },
      createdAt: '2025-08-01T10:00:00.000Z',
    });
  };
  const openLockfile = async (h: Harness): Promise<FakeTextDocument> => await h.vscode.workspace.openTextDocument(Uri.file(lockfile));

  it('verifies on opening: weak entries as information on their lines, and the status bar sums them up', async () => {
    const h = await start();
    const found = await waitFor(() => diagnostics(h).length === 3 && diagnostics(h), 'three diagnostics');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.severity, d.source, d.code]),
      [
        [lineOf('"node_modules/@labs/cli"'), DiagnosticSeverity.Information, 'GitLab Packages', 'weak'],
        [lineOf('"node_modules/@lockco/tokens"'), DiagnosticSeverity.Information, 'GitLab Packages', 'weak'],
        [lineOf('"node_modules/@lockco/ui"'), DiagnosticSeverity.Information, 'GitLab Packages', 'weak'],
      ],
    );
    assert.equal(found[2].message, '@lockco/ui@1.1.0: weak: only SHA-1 could be compared (it matches @lockco/ui-1.1.0.tgz)');
    // The diagnostic covers the entry's key, not the indentation.
    const keyLine = fixtureText().split('\n')[found[2].range.start.line];
    assert.equal(keyLine.slice(found[2].range.start.character, found[2].range.end.character), keyLine.trim());
    const item = await waitFor(() => statusBar(h)?.text.includes('weak') && statusBar(h), 'the status bar');
    assert.equal(item.text, '$(package) Lockfiles: 3 weak');
    assert.ok(item.visible);
    assert.equal(item.command, 'gitlabPackages.verifyLockfiles');
    assert.match(String(item.tooltip), /^package-lock\.json: 3 weak$/m);
  });

  it('a version published again shows as an error on its line after Refresh, with the status bar in error colours', async () => {
    const h = await start();
    await waitFor(() => diagnostics(h).length === 3, 'the first verification');
    republishUi();
    await h.run('gitlabPackages.refresh');
    const changed = await waitFor(() => diagnostics(h).find((d) => d.code === 'changed'), 'a changed diagnostic');
    assert.equal(changed.range.start.line, lineOf('"node_modules/@lockco/ui"'));
    assert.equal(changed.severity, DiagnosticSeverity.Error);
    assert.match(
      changed.message,
      /^@lockco\/ui@1\.1\.0: changed: @lockco\/ui-1\.1\.0\.tgz \(uploaded 2025-08-01 10:00 UTC, no pipeline\) in the registry has another SHA-1$/,
    );
    const item = await waitFor(() => statusBar(h)?.text.includes('changed') && statusBar(h), 'the status bar');
    assert.equal(item.text, '$(error) Lockfiles: 2 weak, 1 changed');
    assert.equal(item.backgroundColor?.id, 'statusBarItem.errorBackground');
  });

  it('weak diagnostics off: none shown, the status bar still counts them', async () => {
    const h = await start({ settings: { 'lockfiles.weakDiagnostics': false } });
    await waitFor(() => statusBar(h)?.text.includes('3 weak'), 'the status bar');
    assert.deepEqual(diagnostics(h), []);
  });

  it('a saved change and an unsaved edit are verified again; lines follow the edit, and known versions cost no request', async () => {
    const h = await start();
    await waitFor(() => diagnostics(h).length === 3, 'the first verification');
    fake().clearRequests();
    // Two blank lines typed at the top (not saved): every diagnostic moves down two lines.
    const doc = await openLockfile(h);
    h.vscode.editDocument(doc, `\n\n${fixtureText()}`);
    await waitFor(() => diagnostics(h)[0]?.range.start.line === lineOf('"node_modules/@labs/cli"') + 2, 'diagnostics two lines lower');
    // Saved on disk without an entry: the watcher's change verifies the file's text again.
    h.vscode.documents.delete(doc.uri.toString());
    const lines = fixtureText().split('\n');
    const at = lineOf('"node_modules/@lockco/tokens"');
    const end = lines.findIndex((l, i) => i > at && l.trim().startsWith('}'));
    writeFileSync(lockfile, [...lines.slice(0, at), ...lines.slice(end + 1)].join('\n'));
    h.vscode.fileEvent('change', Uri.file(lockfile));
    await waitFor(() => diagnostics(h).length === 2, 'two diagnostics');
    assert.deepEqual(packageRequests(), [], 'every version was answered before');
  });

  it('hover: the verdict, the registry’s facts and the versions published since; quick fixes reveal the package', async () => {
    fake().npm.publish(LOCKFILE_SEED.projects.web.id, { name: '@lockco/ui', version: '1.2.0' }, { createdAt: '2099-01-01T00:00:00.000Z' });
    const h = await start();
    await waitFor(() => diagnostics(h).length === 3, 'the first verification');
    const doc = await openLockfile(h);
    const line = lineOf('"node_modules/@lockco/ui"');
    const hovers = h.vscode.languages.hovers.filter((p) => p.pattern.test(lockfile.slice(1)));
    assert.equal(hovers.length, 1);
    const hover = await hovers[0].provider.provideHover(doc as never, new Position(line + 1, 4) as never, new CancellationTokenSource().token);
    assert.ok(hover);
    const md = (hover.contents as { value: string; isTrusted?: unknown }[])[0];
    // Server and lockfile text is escaped: read it back without the escapes.
    const shown = md.value.replace(/\\(.)/g, '$1');
    assert.match(
      shown,
      /^\*\*@lockco\/ui@1\.1\.0\*\* · matches, by a weak hash only\n- weak: only SHA-1 could be compared \(it matches @lockco\/ui-1\.1\.0\.tgz\)\n/,
    );
    assert.match(shown, /\| Pipeline \| #7102 \(main\) \|/);
    assert.match(shown, /\| Project \| lockco\/web \|/);
    assert.match(shown, /\| Newer in the registry \| 1\.2\.0 \|/);
    assert.ok(md.value.includes('ui\\-1\\.1\\.0\\.tgz'), 'names escaped');
    assert.match(md.value, /\[Reveal in Packages View\]\(command:gitlabPackages\.revealPackage\?/);
    assert.deepEqual(md.isTrusted, { enabledCommands: ['gitlabPackages.revealPackage', 'gitlabPackages.verifyByDownloading'] });
    // A second hover asks nothing new.
    const before = packageRequests().length;
    await hovers[0].provider.provideHover(doc as never, new Position(line, 4) as never, new CancellationTokenSource().token);
    assert.equal(packageRequests().length, before);

    const [diagnostic] = diagnostics(h).filter((d) => d.range.start.line === line);
    const actions = h.vscode.languages.codeActions[0].provider.provideCodeActions(
      doc as never,
      new Range(line, 0, line, 1) as never,
      {
        diagnostics: [diagnostic],
        triggerKind: 1,
        only: undefined,
      } as never,
      new CancellationTokenSource().token,
    ) as { title: string; command: { command: string; arguments: unknown[] } }[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Reveal in Packages View'],
    );
    assert.deepEqual(actions[0].command.arguments[0], {
      instanceUrl: fake().url,
      project: LOCKFILE_SEED.projects.web.id,
      packageType: 'npm',
      name: '@lockco/ui',
      version: '1.1.0',
      packageId: fake()
        .packagesOf(LOCKFILE_SEED.projects.web.id)
        .find((p) => p.name === '@lockco/ui' && p.version === '1.1.0' && p.status === 'default')?.id,
    });
    // Typed into, not verified again yet: its lines may have moved, so no hover describes another entry.
    h.vscode.editDocument(doc, `\n${fixtureText()}`);
    assert.equal(await hovers[0].provider.provideHover(doc as never, new Position(line + 1, 4) as never, new CancellationTokenSource().token), undefined);
    await idle(h);
    assert.ok(
      await hovers[0].provider.provideHover(doc as never, new Position(line + 1, 4) as never, new CancellationTokenSource().token),
      'checked again: a hover',
    );
  });

  it('an untrusted workspace is verified once trust is granted; checks turned off run only from the command, and again once turned on', async () => {
    const h = await start({ isTrusted: false });
    h.vscode.fileEvent('change', Uri.file(lockfile));
    await idle(h);
    await h.run('gitlabPackages.verifyLockfiles');
    assert.equal(h.ui.messages.at(-1)?.text, 'Verifying lockfiles needs a trusted workspace.');
    assert.deepEqual(packageRequests(), []);
    h.vscode.grantTrust();
    await waitFor(() => diagnostics(h).length === 3, 'diagnostics once trusted');
    await h.dispose();
    fake().clearRequests();

    const off = await start({ settings: { 'lockfiles.verifyAutomatically': false } });
    off.vscode.fileEvent('change', Uri.file(lockfile));
    await idle(off);
    assert.deepEqual(packageRequests(), [], 'nothing checked by itself');
    await off.run('gitlabPackages.verifyLockfiles');
    assert.equal(diagnostics(off).length, 3, 'the command’s verdicts show');
    // Another setting changing leaves the command's verdicts in place.
    await off.vscode.workspace.getConfiguration('gitlabPackages').update('groupByName', true, true);
    await idle(off);
    assert.equal(diagnostics(off).length, 3, 'still shown after another setting changed');
    republishUi();
    await off.run('gitlabPackages.refresh');
    await off.vscode.workspace.getConfiguration('gitlabPackages').update('lockfiles.verifyAutomatically', true, true);
    await waitFor(() => diagnostics(off).some((d) => d.code === 'changed'), 'a background verification once turned on');
  });

  it('a lockfile edited while the opening check waits on GitLab: both lockfiles end checked, none "not checked"', async () => {
    const api = path.join(folder, 'api');
    mkdirSync(api);
    writeFileSync(path.join(api, 'package-lock.json'), fixtureText());
    const gate = fake().hold({ method: 'GET', path: /\/packages$/ }, 1);
    const h = await start();
    await gate.arrived();
    const doc = await openLockfile(h);
    h.vscode.editDocument(doc, `\n${fixtureText()}`);
    gate.release();
    await waitFor(
      async () => (await idle(h), diagnostics(h).length === 3 && h.vscode.languages.diagnostics(Uri.file(path.join(api, 'package-lock.json'))).length === 3),
      'both lockfiles checked',
    );
    assert.equal(diagnostics(h)[0].range.start.line, lineOf('"node_modules/@labs/cli"') + 1, 'the edited text’s lines');
    assert.doesNotMatch(statusBar(h)?.text ?? '', /not checked/);
  });

  it('a lockfile deleted while it is being checked keeps no diagnostics', async () => {
    const gate = fake().hold({ method: 'GET', path: /\/packages$/ }, 1);
    const h = await start();
    await gate.arrived();
    rmSync(lockfile);
    h.vscode.fileEvent('delete', Uri.file(lockfile));
    gate.release();
    await idle(h);
    assert.deepEqual(diagnostics(h), []);
    assert.ok(!statusBar(h)?.visible, 'nothing to sum up');
  });

  it('two workspace folders of the same name: each lockfile gets its own diagnostics', async () => {
    const front = path.join(folder, 'frontend', 'app');
    const back = path.join(folder, 'backend', 'app');
    const lines = fixtureText().split('\n');
    const at = lineOf('"node_modules/@lockco/tokens"');
    const end = lines.findIndex((l, i) => i > at && l.trim().startsWith('}'));
    for (const [dir, text] of [
      [front, fixtureText()],
      [back, [...lines.slice(0, at), ...lines.slice(end + 1)].join('\n')],
    ]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'package-lock.json'), text);
    }
    rmSync(lockfile);
    const h = await start({ folders: [front, back] });
    await waitFor(
      async () => (await idle(h), h.vscode.languages.diagnostics(Uri.file(path.join(front, 'package-lock.json'))).length === 3),
      'the first folder',
    );
    assert.equal(h.vscode.languages.diagnostics(Uri.file(path.join(back, 'package-lock.json'))).length, 2);
  });

  it('Refresh on one project’s row asks again about that project’s versions only; Refresh of the view, about all', async () => {
    const h = await start({ settings: { projects: [LOCKFILE_SEED.projects.tools.path, LOCKFILE_SEED.projects.web.path] } });
    await waitFor(async () => (await idle(h), diagnostics(h).length === 3), 'the first verification');
    const tools = await h.find(LOCKFILE_SEED.projects.tools.path);
    fake().clearRequests();
    await h.run('gitlabPackages.refresh', tools.node);
    await idle(h);
    // A lockfile lookup: a list filtered by version, or the files of the package it found.
    const lookups = () => packageRequests().filter((r) => r.query.package_version || /\/package_files$/.test(r.path));
    const asked = new Set(lookups().map((r) => r.path.split('/')[4]));
    assert.deepEqual([...asked], [String(LOCKFILE_SEED.projects.tools.id)], 'only lockco/tools’ answers were asked again');
    fake().clearRequests();
    await h.run('gitlabPackages.refresh');
    await idle(h);
    assert.deepEqual(
      new Set(
        lookups()
          .filter((r) => r.query.package_version)
          .map((r) => r.path.split('/')[4]),
      ),
      new Set(['311', '312']),
    );
  });
});
