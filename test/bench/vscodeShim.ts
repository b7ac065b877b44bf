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

/** What a TreeItem holds, for measuring the items the extension host keeps per row. */
class TreeItem {
  id?: string;
  description?: string;
  contextValue?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  resourceUri?: unknown;
  command?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState = 0,
  ) {}
}
class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}
class ThemeColor {
  constructor(readonly id: string) {}
}
class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  constructor(readonly value: string) {}
}
const noop = (): void => undefined;

export function createVscodeShim(settings: Record<string, unknown> = {}) {
  return {
    version: '1.139.1-shim',
    EventEmitter,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    CodeActionKind: { QuickFix: { value: 'quickfix' } },
    Uri: { from: (parts: { scheme: string; path: string }) => ({ ...parts, toString: () => `${parts.scheme}:${parts.path}` }) },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    // Fills `{0}`-style placeholders as VS Code does, so worded rows have their real length.
    l10n: { t: (s: string, ...a: unknown[]) => s.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < a.length ? String(a[Number(i)]) : m)) },
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
      // The lockfile feature's probe: no lockfile ever appears.
      createFileSystemWatcher: () => ({ onDidCreate: () => disposable, onDidChange: () => disposable, onDidDelete: () => disposable, dispose: noop }),
      onDidChangeWorkspaceFolders: () => disposable,
      findFiles: () => Promise.resolve([]),
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
