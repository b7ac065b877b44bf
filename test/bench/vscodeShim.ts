/**
 * The smallest `vscode` module `activate()` needs, for measuring activation cost in plain
 * Node (no workbench, no network). Only what activation touches is here.
 */
type Listener<T> = (e: T) => unknown;

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

const disposable = { dispose: () => undefined };
const noop = (): void => undefined;

export function createVscodeShim(settings: Record<string, unknown> = {}) {
  return {
    version: '1.139.1-shim',
    EventEmitter,
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    l10n: { t: (s: string) => s },
    window: {
      createOutputChannel: () => ({ info: noop, debug: noop, warn: noop, error: noop, trace: noop, show: noop, dispose: noop }),
      createTreeView: () => ({ selection: [], dispose: noop }),
      withProgress: <T>(_o: unknown, task: () => Promise<T>) => task(),
    },
    commands: {
      registerCommand: () => disposable,
      executeCommand: () => Promise.resolve(undefined),
    },
    // No git extension: the workspace-remote watcher finds nothing to detect.
    extensions: { getExtension: () => undefined },
    workspace: {
      getConfiguration: () => ({ get: (key: string) => settings[key], inspect: () => undefined, update: () => Promise.resolve() }),
      onDidChangeConfiguration: () => disposable,
      onDidGrantWorkspaceTrust: () => disposable,
      isTrusted: true,
      registerTextDocumentContentProvider: () => disposable,
      workspaceFolders: undefined,
    },
  };
}

export function fakeContext() {
  const secrets = new EventEmitter<{ key: string }>();
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionMode: 1,
    extension: { packageJSON: { version: '0.0.0-bench' } },
    workspaceState: { get: () => undefined, update: () => Promise.resolve() },
    secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: secrets.event },
  };
}
