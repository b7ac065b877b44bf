/** `vscode.workspace`: configuration, folders, trust, text documents and their content providers, `fs` on disk. */
import { promises as fsp } from 'node:fs';
import type * as vscode from 'vscode';
import { FakeTextDocument } from './documents';
import { FileType } from './enums';
import { CancellationTokenSource, Disposable } from './events';
import { FileSystemError } from './items';
import type { WindowState } from './state';
import { Uri } from './uri';

export function createWorkspace(s: WindowState) {
  return {
    getConfiguration: (section?: string, scope?: unknown) => s.settings.configuration(section, scope),
    onDidChangeConfiguration: s.settings.onDidChange,
    get workspaceFolders() {
      return s.folders;
    },
    get name() {
      return s.folders?.[0]?.name;
    },
    onDidChangeWorkspaceFolders: s.foldersEmitter.event,
    getWorkspaceFolder: (uri: Uri) => s.folders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(f.uri.path + '/')),
    get isTrusted() {
      return s.trusted;
    },
    onDidGrantWorkspaceTrust: s.trustEmitter.event,
    registerTextDocumentContentProvider: (scheme: string, provider: vscode.TextDocumentContentProvider) => {
      if (s.contentProviders.has(scheme)) throw new Error(`a content provider for '${scheme}' is already registered`);
      s.contentProviders.set(scheme, provider);
      // An open document follows its provider's changes, as VS Code re-reads it.
      const sub = provider.onDidChange?.(async (uri) => {
        const doc = s.documents.get(uri.toString());
        if (doc) doc.setText((await provider.provideTextDocumentContent(uri, new CancellationTokenSource().token)) ?? '');
      });
      return new Disposable(() => {
        sub?.dispose();
        s.contentProviders.delete(scheme);
      });
    },
    openTextDocument: async (arg?: Uri | string | { content?: string; language?: string }): Promise<FakeTextDocument> => {
      if (arg === undefined || (!(arg instanceof Uri) && typeof arg === 'object')) {
        const o = arg ?? {};
        return new FakeTextDocument(Uri.from({ scheme: 'untitled', path: `Untitled-${s.documents.size + 1}` }), o.content ?? '', o.language ?? 'plaintext');
      }
      const uri = typeof arg === 'string' ? Uri.file(arg) : arg;
      const open = s.documents.get(uri.toString());
      if (open) return open;
      let text: string;
      if (uri.scheme === 'file') {
        text = await fsp.readFile(uri.fsPath, 'utf8').catch(() => {
          throw FileSystemError.FileNotFound(uri);
        });
      } else {
        const provider = s.contentProviders.get(uri.scheme);
        if (!provider) throw new Error(`cannot open ${uri.toString()}. Detail: No file system provider found for resource '${uri.toString()}'`);
        text = (await provider.provideTextDocumentContent(uri, new CancellationTokenSource().token)) ?? '';
      }
      const doc = new FakeTextDocument(uri, text);
      s.documents.set(uri.toString(), doc);
      return doc;
    },
    get textDocuments() {
      return [...s.documents.values()];
    },
    fs: {
      stat: async (uri: Uri) => {
        if (uri.scheme !== 'file') throw FileSystemError.FileNotFound(uri);
        const st = await fsp.stat(uri.fsPath).catch(() => {
          throw FileSystemError.FileNotFound(uri);
        });
        return { type: st.isDirectory() ? FileType.Directory : FileType.File, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size };
      },
      readFile: async (uri: Uri) => new Uint8Array(await fsp.readFile(uri.fsPath)),
      isWritableFileSystem: (scheme: string) => (scheme === 'file' ? true : undefined),
      writeFile: (uri: Uri, content: Uint8Array) => fsp.writeFile(uri.fsPath, content),
      createDirectory: async (uri: Uri) => {
        await fsp.mkdir(uri.fsPath, { recursive: true });
      },
      delete: (uri: Uri, options?: { recursive?: boolean }) => fsp.rm(uri.fsPath, { recursive: !!options?.recursive }),
    },
  };
}
