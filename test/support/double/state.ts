/**
 * What one window holds: the user, settings, registered commands and providers, open documents,
 * folders and trust. The namespaces (window.ts, workspace.ts, commands.ts, env.ts) read and write it.
 */
import * as posix from 'node:path/posix';
import type * as vscode from 'vscode';
import type { FakeTextDocument } from './documents';
import { EventEmitter } from './events';
import { LanguageState } from './languages';
import type { FakeStatusBarItem } from './statusBar';
import { Settings, type Manifest } from './settings';
import type { FakeTreeView } from './treeView';
import { Uri } from './uri';
import { User } from './user';

export interface FakeVscodeOptions {
  manifest: Manifest;
  workspaceFolders?: string[];
  isTrusted?: boolean;
}

export class WindowState {
  readonly user = new User();
  readonly settings: Settings;
  readonly commandHandlers = new Map<string, { fn: (...args: unknown[]) => unknown; thisArg: unknown }>();
  readonly executed: { id: string; args: unknown[] }[] = [];
  /** `setContext` keys as the workbench would hold them. */
  readonly contextKeys = new Map<string, unknown>();
  readonly treeViews: FakeTreeView<unknown>[] = [];
  readonly treeDataProviders = new Map<string, vscode.TreeDataProvider<unknown>>();
  readonly contentProviders = new Map<string, vscode.TextDocumentContentProvider>();
  readonly documents = new Map<string, FakeTextDocument>();
  readonly languages = new LanguageState();
  readonly statusBarItems: FakeStatusBarItem[] = [];
  /** File system watchers: a test reports a change on disk through `fileEvent`. */
  readonly watchers: { pattern: RegExp; emitters: Record<'change' | 'create' | 'delete', EventEmitter<Uri>> }[] = [];
  readonly documentChanges = new EventEmitter<unknown>();
  readonly documentCloses = new EventEmitter<FakeTextDocument>();
  /** Files deleted or renamed in the workbench (the Explorer), as `workspace.onDidDeleteFiles`/`onDidRenameFiles` report them. */
  readonly fileDeletes = new EventEmitter<{ files: Uri[] }>();
  readonly fileRenames = new EventEmitter<{ files: { oldUri: Uri; newUri: Uri }[] }>();
  readonly extensionsById = new Map<string, unknown>();
  readonly version = '1.139.1';
  readonly trustEmitter = new EventEmitter<void>();
  readonly foldersEmitter = new EventEmitter<unknown>();
  folders: { uri: Uri; name: string; index: number }[] | undefined;
  trusted: boolean;
  activeEditor: { document: FakeTextDocument } | undefined;

  constructor(private readonly opts: FakeVscodeOptions) {
    this.settings = new Settings(
      opts.manifest,
      () => this.folders !== undefined,
      () => this.trusted,
    );
    this.setWorkspaceFolders(opts.workspaceFolders);
    this.trusted = opts.isTrusted ?? true;
  }

  contributedViews(): string[] {
    return Object.values(this.opts.manifest.contributes?.views ?? {}).flatMap((views) => views.map((v) => v.id));
  }

  setWorkspaceFolders(paths: string[] | undefined): void {
    this.folders = paths?.map((p, index) => ({ uri: Uri.file(p), name: posix.basename(p), index }));
    this.foldersEmitter.fire({ added: this.folders ?? [], removed: [] });
  }

  /** A file changed on disk (the test wrote it): the watchers whose glob matches are told. */
  fileEvent(kind: 'change' | 'create' | 'delete', uri: Uri): void {
    for (const w of this.watchers) if (w.pattern.test(uri.path.replace(/^\//, ''))) w.emitters[kind].fire(uri);
  }

  /** The user types into an open document (the text is replaced, unsaved). */
  editDocument(doc: FakeTextDocument, text: string): void {
    doc.edit(text);
    this.documentChanges.fire({ document: doc, contentChanges: [{ text }], reason: undefined });
  }

  /** The user trusts the workspace. */
  grantTrust(): void {
    if (this.trusted) return;
    this.trusted = true;
    this.trustEmitter.fire();
  }
}
