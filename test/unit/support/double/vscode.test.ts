/** The `vscode` double itself: the VS Code behaviours the command tests rely on. */
import { strict as assert } from 'node:assert';
import { MANIFEST, stillPending } from '../../../support/double/harness';
import { CancellationTokenSource, ConfigurationTarget, FakeVscode, l10nT, ProgressLocation, Uri } from '../../../support/double/vscode';

describe('vscode double', () => {
  const window = (folders?: string[]) => new FakeVscode({ manifest: MANIFEST, workspaceFolders: folders });

  it('settings: package.json defaults < user < workspace; update writes the named layer and fires a scoped change event', async () => {
    const w = window(['/work/repo']);
    const c = () => w.workspace.getConfiguration('gitlabPackages');
    assert.equal(c().get('instanceUrl'), 'https://gitlab.com');
    assert.deepEqual(c().get('projects'), []);
    const events: boolean[][] = [];
    w.workspace.onDidChangeConfiguration((e) =>
      events.push([
        e.affectsConfiguration('gitlabPackages'),
        e.affectsConfiguration('gitlabPackages.groupByName'),
        e.affectsConfiguration('gitlabPackages.projects'),
      ]),
    );
    await c().update('groupByName', true, ConfigurationTarget.Workspace);
    await c().update('groupByName', false, ConfigurationTarget.Global);
    assert.equal(c().get('groupByName'), true, 'the workspace value wins');
    assert.deepEqual(c().inspect('groupByName'), {
      key: 'gitlabPackages.groupByName',
      defaultValue: false,
      globalValue: false,
      workspaceValue: true,
      workspaceFolderValue: undefined,
    });
    assert.deepEqual(events, [
      [true, true, false],
      [true, true, false],
    ]);
    await c().update('groupByName', false, ConfigurationTarget.Global);
    assert.equal(events.length, 2, 'writing the same value changes nothing');
  });

  it('settings: refusals as VS Code words them, machine-scoped values only from user settings, read-only snapshots', async () => {
    const none = window();
    await assert.rejects(
      Promise.resolve(none.workspace.getConfiguration('gitlabPackages').update('groupByName', true, ConfigurationTarget.Workspace)),
      /no workspace is opened/,
    );
    await assert.rejects(Promise.resolve(none.workspace.getConfiguration('gitlabPackages').update('nonsense', 1, true)), /is not a registered configuration/);
    const w = window(['/work/repo']);
    await assert.rejects(
      Promise.resolve(w.workspace.getConfiguration('gitlabPackages').update('allowHttpFor', ['http://x'], false)),
      /does not support the workspace scope/,
    );
    w.settings.layers.workspace.set('gitlabPackages.allowHttpFor', ['http://evil']);
    assert.deepEqual(w.workspace.getConfiguration('gitlabPackages').get('allowHttpFor'), []);
    const snapshot = w.workspace.getConfiguration('gitlabPackages');
    await w.workspace.getConfiguration('gitlabPackages').update('projects', ['a/b'], true);
    assert.deepEqual(snapshot.get('projects'), [], 'a configuration object is a snapshot');
    assert.throws(() => (w.workspace.getConfiguration('gitlabPackages').get<string[]>('projects') ?? []).push('c/d'));
  });

  it('a toast stays pending until clicked or dismissed; a modal takes the scripted answer (none = Cancel)', async () => {
    const w = window();
    const toast = w.window.showErrorMessage('Failed', 'Show Log');
    assert.equal(await stillPending(toast), true);
    w.user.toasts[0].click('Show Log');
    assert.equal(await toast, 'Show Log');
    assert.throws(() => w.user.toasts[0].click('Show Log'), /already clicked/);
    const other = w.window.showInformationMessage('Done');
    w.user.toasts[1].dismiss();
    assert.equal(await other, undefined);
    w.user.answer('Delete');
    assert.equal(await w.window.showWarningMessage('Delete?', { modal: true, detail: 'd' }, 'Delete'), 'Delete');
    assert.equal(await w.window.showWarningMessage('Delete again?', { modal: true }, 'Delete'), undefined);
    assert.deepEqual(
      w.user.modals.map((m) => [m.text, m.detail, m.buttons, m.answer]),
      [
        ['Delete?', 'd', ['Delete'], 'Delete'],
        ['Delete again?', undefined, ['Delete'], undefined],
      ],
    );
  });

  it('only cancellable Notification progress has a Cancel button', async () => {
    const w = window();
    let windowToken = new CancellationTokenSource().token;
    let notificationToken = windowToken;
    // The tasks run until the test lets them end.
    let end = (): void => undefined;
    const hold = new Promise<void>((r) => (end = r));
    const a = w.window.withProgress({ location: ProgressLocation.Window, cancellable: true }, (_p, t) => ((windowToken = t), hold));
    assert.equal(w.user.cancelProgress(), false);
    const b = w.window.withProgress({ location: ProgressLocation.Notification, cancellable: true }, (_p, t) => ((notificationToken = t), hold));
    await Promise.resolve();
    assert.equal(w.user.cancelProgress(), true);
    assert.equal(notificationToken.isCancellationRequested, true);
    assert.equal(windowToken.isCancellationRequested, false);
    end();
    await Promise.all([a, b]);
  });

  it('commands: dispatch to handlers, setContext kept, unknown commands reject, no double registration', async () => {
    const w = window();
    w.commands.registerCommand('x.echo', (...args: unknown[]) => args);
    assert.deepEqual(await w.commands.executeCommand('x.echo', 1, 2), [1, 2]);
    assert.throws(() => w.commands.registerCommand('x.echo', () => undefined), /already exists/);
    await w.commands.executeCommand('setContext', 'k', true);
    assert.equal(w.contextKeys.get('k'), true);
    await assert.rejects(w.commands.executeCommand('x.missing'), /command 'x.missing' not found/);
  });

  it('input boxes run validateInput: a refused value is recorded and the next one typed', async () => {
    const w = window();
    w.user.type('bad', 'good');
    const v = await w.window.showInputBox({ validateInput: (s) => (s === 'bad' ? 'no' : undefined) });
    assert.equal(v, 'good');
    assert.deepEqual(w.user.inputBoxes[0].attempts, [
      { value: 'bad', verdict: 'no' },
      { value: 'good', verdict: undefined },
    ]);
    assert.equal(await w.window.showInputBox({}), undefined, 'nothing scripted: Escape');
  });

  it('l10n.t formats positional and named placeholders; Uri parses, prints and joins like VS Code', () => {
    assert.equal(l10nT('Deleted {0} of {1}', 2, 'x'), 'Deleted 2 of x');
    assert.equal(l10nT('Hi {name}', { name: 'A' }), 'Hi A');
    assert.equal(l10nT({ message: '{0}!', args: ['yes'], comment: 'c' }), 'yes!');
    const u = Uri.parse('https://Host.example:8443/a b/c?x=1#f');
    assert.deepEqual([u.scheme, u.authority, u.path, u.query, u.fragment], ['https', 'Host.example:8443', '/a b/c', 'x=1', 'f']);
    assert.equal(u.toString(), 'https://host.example:8443/a%20b/c?x%3D1#f');
    assert.equal(Uri.file('/tmp/x y').toString(), 'file:///tmp/x%20y');
    assert.equal(Uri.joinPath(Uri.file('/tmp'), 'a', 'b.md').fsPath, '/tmp/a/b.md');
    assert.equal(
      Uri.from({ scheme: 'gitlab-package', path: '/acme/app/x.md', query: 'id=1' }).with({ query: null }).toString(),
      'gitlab-package:/acme/app/x.md',
    );
  });
});
