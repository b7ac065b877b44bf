/** One window: its state and the namespaces the extension calls (`vscode.window`, `.workspace`, …). */
import { createCommands } from './commands';
import { createEnv, createExtensions } from './env';
import { FakeGitApi } from './git';
import { l10nT } from './l10n';
import { createLanguages } from './languages';
import { WindowState } from './state';
import type { FakeTreeView } from './treeView';
import { createWindow } from './window';
import { createWorkspace } from './workspace';

export class FakeVscode extends WindowState {
  readonly workspace = createWorkspace(this);
  readonly window = createWindow(this, (uri) => this.workspace.openTextDocument(uri));
  readonly commands = createCommands(this);
  readonly env = createEnv(this);
  readonly extensions = createExtensions(this);
  readonly l10n = { t: l10nT, bundle: undefined, uri: undefined };
  readonly languagesApi = createLanguages(this.languages);

  /** Makes the built-in git extension present, with this API. */
  provideGit(api: FakeGitApi = new FakeGitApi()): FakeGitApi {
    this.extensionsById.set('vscode.git', {
      id: 'vscode.git',
      isActive: true,
      exports: { enabled: true, getAPI: () => api },
      activate: () => Promise.resolve({ getAPI: () => api }),
    });
    return api;
  }

  /** The tree view created for `viewId`. */
  treeView<T>(viewId: string): FakeTreeView<T> {
    const view = this.treeViews.find((v) => v.viewId === viewId && !v.disposed);
    if (!view) throw new Error(`no tree view ${viewId} was created`);
    return view as FakeTreeView<T>;
  }
}
